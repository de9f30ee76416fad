// The bot logic behind POST /api/messages: Teams activities → service calls → Adaptive Cards.
// Runs only after CloudAdapter has authenticated the request.
import { pick } from '../../domain/lang.js';
import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import { z } from 'zod';
import type { Lang } from '../../engine/ids.js';
import { channelCommandIn } from '../../service/channel-commands.js';
import { readResearcherCases } from '../../service/researcher-cases.js';
import type { EngineInput, Reply } from '../../engine/types.js';
import type { CaseActionResult } from '../../service/types.js';
import type { Actor } from '../../store/types.js';
import type { ChannelDeps } from '../types.js';
import {
  parseCardSubmit,
  renderCaseCard,
  renderCasesCard,
  renderReplyCard,
  renderWelcomeCard,
  type AdaptiveCard,
  type CaseCardAction,
} from '../cards/index.js';
import type { ContactPointAccess } from './access.js';
import { addressOf, conversationKeyOf, langOf, tenantOf, userIdOf } from './address.js';
import { attachmentOf, withUniversalActions } from './teams-cards.js';
import type { TeamsTexts } from './texts.js';
import { namesFromContent } from '../../document/index.js';

const MAX_TEXT = 4000;
const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';
const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_CONTENT_TYPE = 'application/vnd.microsoft.activity.message';

/** The personal chat with the bot: the only place where the researcher's cases are shown. */
function isPersonal(activity: Partial<Activity>): boolean {
  return activity.conversation?.conversationType === 'personal';
}

const executeValueSchema = z.object({
  action: z.object({ type: z.literal('Action.Execute'), verb: z.string().optional(), data: z.record(z.string(), z.unknown()).default({}) }),
});

export interface InboundOptions {
  allowedTenants: string[];
}

type CaseOutcome = { ok: boolean; card?: AdaptiveCard; message: string };

export class TeamsInbound {
  constructor(
    private readonly deps: ChannelDeps,
    private readonly texts: TeamsTexts,
    private readonly access: ContactPointAccess,
    private readonly options: InboundOptions,
  ) {}

  /** The turn handler CloudAdapter.process calls. It never throws: Teams would retry a failed request. */
  readonly onTurn = async (context: TurnContext): Promise<void> => {
    const activity = context.activity;
    const started = Date.now();
    const tenant = tenantOf(activity);
    if (this.options.allowedTenants.length > 0 && (!tenant || !this.options.allowedTenants.includes(tenant))) {
      this.deps.logger.info({ kind: 'teams-tenant-refused', type: activity.type }, 'teams: tenant not allowed');
      return;
    }
    try {
      if (activity.type === ActivityTypes.Message) await this.onMessage(context);
      else if (activity.type === ActivityTypes.Invoke) await this.onInvoke(context);
      else if (activity.type === ActivityTypes.ConversationUpdate) await this.onConversationUpdate(context);
      this.deps.logger.info({ kind: 'teams-turn', type: activity.type, ms: Date.now() - started }, 'teams: turn');
    } catch (err) {
      this.deps.logger.error({ kind: 'teams-turn-failed', type: activity.type, err: (err as Error).name }, 'teams: turn failed');
      const lang = langOf(activity.locale) ?? 'en';
      if (activity.type === ActivityTypes.Invoke) await this.invokeMessage(context, this.texts.t('error', lang));
      else await context.sendActivity(this.textCard(this.texts.t('error', lang), lang)).catch(() => undefined);
    }
  };

  private async onMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (activity.value !== undefined && activity.value !== null) {
      const submit = parseCardSubmit(activity.value);
      if (submit.kind === 'engine') return this.converse(context, submit.input);
      if (submit.kind === 'case') {
        const lang = langOf(activity.locale) ?? 'en';
        const outcome = await this.caseAction(context, submit.action, lang);
        if (outcome.ok && outcome.card && activity.replyToId) {
          await context.updateActivity({
            type: ActivityTypes.Message,
            id: activity.replyToId,
            attachments: [attachmentOf(withUniversalActions(outcome.card))],
          });
        }
        await context.sendActivity(this.textCard(outcome.message, lang));
        return;
      }
      if (!activity.text) return;
    }
    // In a channel the bot is @mentioned; the mention is not part of what the user asks.
    const text = (TurnContext.removeRecipientMention(activity as Activity) ?? activity.text ?? '').trim();
    if (text === '') return;
    // "my cases" needs the store, which the engine does not see: the channel answers it with the shared model.
    if (channelCommandIn(text, this.deps.content) === 'cases') return this.showCases(context);
    await this.converse(context, { type: 'text', text: text.slice(0, MAX_TEXT) });
  }

  private async onInvoke(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (activity.name !== ADAPTIVE_CARD_ACTION) {
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
      return;
    }
    const lang = langOf(activity.locale) ?? 'en';
    const parsed = executeValueSchema.safeParse(activity.value);
    const submit = parsed.success ? parseCardSubmit(parsed.data.action.data) : { kind: 'invalid' as const };
    if (submit.kind === 'case') {
      const outcome = await this.caseAction(context, submit.action, lang);
      // Success replaces the card in place; a refusal shows its reason and leaves the card as it was.
      if (outcome.ok && outcome.card) await this.invokeCard(context, withUniversalActions(outcome.card));
      else await this.invokeMessage(context, outcome.message);
      return;
    }
    if (submit.kind === 'engine') {
      await this.invokeMessage(context, '');
      await this.converse(context, submit.input);
      return;
    }
    await this.invokeMessage(context, this.texts.t('not-understood', lang));
  }

  private async onConversationUpdate(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const botId = activity.recipient?.id;
    if (!botId || !(activity.membersAdded ?? []).some((m) => m.id === botId)) return;
    const lang = langOf(activity.locale) ?? 'en';
    const playbooks = [...this.deps.content.playbooks.values()].map((p) => ({
      id: p.id,
      title: pick(p.title, lang),
      description: pick(p.description, lang),
    }));
    await context.sendActivity({ type: ActivityTypes.Message, attachments: [attachmentOf(renderWelcomeCard(playbooks, this.texts.ui(lang)))] });
    this.deps.logger.info({ kind: 'teams-installed', playbooks: playbooks.length }, 'teams: welcome sent');
    // Installed again (or opened on a new device): the cases they already have, and any open question.
    if (isPersonal(activity)) await this.showCases(context, { onlyIfAny: true, lang });
  }

  /**
   * The researcher's own cases and open questions (issue 13 item 1), only in the personal chat: in a team
   * channel or a group chat everybody would read them. Own means this user on Teams in this tenant.
   */
  private async showCases(context: TurnContext, options: { onlyIfAny?: boolean; lang?: Lang } = {}): Promise<void> {
    const activity = context.activity;
    const key = conversationKeyOf(activity);
    // In the conversation's language, as its replies are; after an install in the welcome's.
    const lang = options.lang ?? (await this.deps.store.loadConversation(key))?.state.lang ?? langOf(activity.locale) ?? 'en';
    if (!isPersonal(activity)) {
      await context.sendActivity(this.textCard(this.texts.t('cases-personal-only', lang), lang));
      return;
    }
    const overview = await readResearcherCases(this.deps.store, {
      channel: 'teams',
      researcherId: userIdOf(activity),
      conversationKeyPrefix: `teams:${tenantOf(activity) ?? '-'}:`,
      conversationKey: key,
    });
    if (options.onlyIfAny && overview.cases.length === 0) return;
    const title = (id: string): string => {
      const playbook = this.deps.content.playbooks.get(id);
      return playbook ? pick(playbook.title, lang) : id;
    };
    await context.sendActivity({ type: ActivityTypes.Message, attachments: [attachmentOf(renderCasesCard(overview, title, this.texts.ui(lang)))] });
    this.deps.logger.info({ kind: 'teams-cases-shown', cases: overview.cases.length, questions: overview.questions.length }, 'teams: cases shown');
  }

  /** One engine turn: the replies come back as cards, in the conversation's thread. */
  private async converse(context: TurnContext, input: EngineInput): Promise<void> {
    const activity = context.activity;
    const turn = {
      channel: 'teams' as const,
      conversationKey: conversationKeyOf(activity),
      user: activity.from?.name ? { id: userIdOf(activity), name: activity.from.name } : { id: userIdOf(activity) },
      address: addressOf(activity),
      input,
      ...(langOf(activity.locale) ? { lang: langOf(activity.locale) } : {}),
    };
    const result = await this.deps.conversations.handle(turn);
    await this.sendReplies(context, result.replies, result.state.lang);
  }

  async sendReplies(context: TurnContext, replies: Reply[], lang: Lang): Promise<void> {
    if (replies.length === 0) return;
    const ui = this.texts.ui(lang);
    await context.sendActivities(replies.map((reply) => ({ type: ActivityTypes.Message, attachments: [attachmentOf(renderReplyCard(reply, ui))] })));
  }

  private async caseAction(context: TurnContext, action: CaseCardAction, lang: Lang): Promise<CaseOutcome> {
    const ui = this.texts.ui(lang);
    const current = await this.deps.cases.get(action.caseId);
    if (!current) return { ok: false, message: this.texts.t('case-not-found', lang) };
    const decision = await this.access.check(context, current.institution);
    if (!decision.allowed) {
      this.deps.logger.info({ kind: 'teams-case-refused', caseId: current.id, action: action.action, reason: decision.reason }, 'teams: case action refused');
      return { ok: false, message: this.texts.t('not-allowed', lang, { ref: current.ref }) };
    }
    if (action.action !== 'take' && action.text === '') return { ok: false, message: this.texts.t('text-required', lang) };
    const activity = context.activity;
    const actor: Actor = { channel: 'teams', id: userIdOf(activity), ...(activity.from?.name ? { name: activity.from.name } : {}) };
    let result: CaseActionResult;
    if (action.action === 'take') result = await this.deps.cases.take(current.id, actor);
    else if (action.action === 'ask') {
      // The card offers "ask" on an open case too; asking means handling it, so take it first (as Slack does).
      if (current.status === 'open') await this.deps.cases.take(current.id, actor);
      result = await this.deps.cases.ask(current.id, actor, action.text);
    } else result = await this.deps.cases.close(current.id, actor, action.text);
    this.deps.logger.info({ kind: 'teams-case-action', caseId: current.id, action: action.action, ok: result.ok }, 'teams: case action');
    if (result.ok)
      return {
        ok: true,
        card: renderCaseCard(result.case, ui, namesFromContent(this.deps.content, result.case.draft.lang)),
        message: this.texts.t(`case-${action.action}-done`, lang, { ref: result.case.ref }),
      };
    const latest = result.case ?? current;
    const message = this.texts.t(`case-${result.reason}`, lang, { ref: latest.ref, status: ui(`cards.status-${latest.status}`) });
    return { ok: false, card: renderCaseCard(latest, ui, namesFromContent(this.deps.content, latest.draft.lang)), message };
  }

  private textCard(text: string, lang: Lang): Partial<Activity> {
    return { type: ActivityTypes.Message, attachments: [attachmentOf(renderReplyCard({ kind: 'text', text }, this.texts.ui(lang)))] };
  }

  private async invokeCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, body: { statusCode: 200, type: CARD_CONTENT_TYPE, value: card } },
    });
  }

  private async invokeMessage(context: TurnContext, text: string): Promise<void> {
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, body: { statusCode: 200, type: MESSAGE_CONTENT_TYPE, value: text } },
    });
  }
}
