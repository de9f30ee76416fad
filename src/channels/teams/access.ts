// Who may act on a case from Teams: configured AAD object ids, or members of the channel the card was posted in.
// A private or shared channel has its own roster, smaller than its team's: a team member who is not in the
// contact-point channel cannot see the card there and may not act on it. Asked of Teams, cached for a few
// minutes so that a busy channel does not hammer the API. With access 'list', only the configured ids may act; with
// 'group', the configured ids and the members of an Entra ID group (graph-group.ts, cached, refreshed in the background).
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { baseConversationId, userIdOf } from './address.js';

export interface AccessRules {
  /** AAD object ids allowed everywhere (TEAMS_CONTACT_POINT_USERS). */
  users: string[];
  /** Per institution: extra allowed ids and the contact-point channel its cases are posted in. */
  institution?: (id: string) => { users: string[]; conversationId?: string } | undefined;
  /**
   * 'channel' (default): the ids, or members of the card's channel; 'list': the configured ids only; 'group': the ids
   * and the members of the contact-point group.
   */
  access?: 'channel' | 'list' | 'group';
  /** With access 'group': whether an AAD object id is in the group (undefined: the group could never be read). */
  group?: { isMember(aadObjectId: string): Promise<boolean | undefined> };
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
    if (this.rules.access === 'group') {
      const aad = activity.from?.aadObjectId;
      return aad && (await this.rules.group?.isMember(aad)) === true ? { allowed: true } : { allowed: false, reason: 'not-member' };
    }
    if (this.rules.access === 'list' || !activity.from?.id || here === '') return { allowed: false, reason: 'not-member' };

    const key = `${here}|${activity.from.id}`;
    const cached = this.members.get(key);
    if (cached !== undefined) return cached ? { allowed: true } : { allowed: false, reason: 'not-member' };
    let member = false;
    try {
      // GET /v3/conversations/{channel}/members/{user}: the roster of the channel itself (its team's for a
      // standard channel, its own for a private or shared one). TeamsInfo names that call after teams.
      await TeamsInfo.getTeamMember(context, here, activity.from.id);
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
