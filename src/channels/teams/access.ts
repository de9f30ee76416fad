// Who may act on a case from Teams: configured AAD object ids, or members of the team the card was
// posted in (asked of Teams, cached for a few minutes so that a busy channel does not hammer the API).
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { baseConversationId, userIdOf } from './address.js';

export interface AccessRules {
  /** AAD object ids allowed everywhere (TEAMS_CONTACT_POINT_USERS). */
  users: string[];
  /** Per institution: extra allowed ids and the contact-point channel its cases are posted in. */
  institution?: (id: string) => { users: string[]; conversationId?: string } | undefined;
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: 'not-member' | 'wrong-channel' };

const MEMBERSHIP_TTL_MS = 10 * 60_000;

export class ContactPointAccess {
  private readonly members = new LRUCache<string, boolean>({ max: 5000, ttl: MEMBERSHIP_TTL_MS });

  constructor(
    private readonly rules: AccessRules,
    private readonly logger: Logger,
  ) {}

  async check(context: TurnContext, institution: string): Promise<AccessDecision> {
    const activity = context.activity;
    const userId = userIdOf(activity);
    const perInstitution = this.rules.institution?.(institution);
    if (this.rules.users.includes(userId) || perInstitution?.users.includes(userId)) return { allowed: true };

    // Membership only counts in the institution's own contact-point channel, when we know it.
    const here = baseConversationId(activity.conversation?.id ?? '');
    if (perInstitution?.conversationId && baseConversationId(perInstitution.conversationId) !== here) {
      return { allowed: false, reason: 'wrong-channel' };
    }
    const teamId = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
    if (typeof teamId !== 'string' || !activity.from?.id) return { allowed: false, reason: 'not-member' };

    const key = `${teamId}|${activity.from.id}`;
    const cached = this.members.get(key);
    if (cached !== undefined) return cached ? { allowed: true } : { allowed: false, reason: 'not-member' };
    let member = false;
    try {
      await TeamsInfo.getTeamMember(context, teamId, activity.from.id);
      member = true;
    } catch (err) {
      // 404 MemberNotFoundInConversation: not a member. Anything else: deny now, do not cache.
      const status = (err as { statusCode?: number }).statusCode;
      if (status !== 404) {
        this.logger.warn({ status, kind: 'teams-membership-check' }, 'teams: membership check failed');
        return { allowed: false, reason: 'not-member' };
      }
    }
    this.members.set(key, member);
    return member ? { allowed: true } : { allowed: false, reason: 'not-member' };
  }
}
