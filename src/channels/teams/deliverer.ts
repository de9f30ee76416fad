// Delivers outbox jobs to Teams, proactively: the case card into the contact-point channel, updates in
// its thread, and notices to the researcher's own conversation.
import { ActivityTypes, type CloudAdapter, type ConversationParameters, type ConversationReference, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { EngineInput } from '../../engine/types.js';
import type { CaseRecord, OutboxJob } from '../../store/types.js';
import type { Deliverer, DeliveryResult } from '../../service/types.js';
import type { ChannelDeps } from '../types.js';
import { renderCaseCard, renderReplyCard } from '../cards/index.js';
import { baseConversationId, referenceFrom } from './address.js';
import { classifyDeliveryError } from './delivery-errors.js';
import type { TeamsInbound } from './inbound.js';
import { attachmentOf, withUniversalActions } from './teams-cards.js';
import type { TeamsTexts } from './texts.js';
import { namesFromContent } from '../../document/index.js';

const TEAMS_CHANNEL_ID = 'msteams';

/** Where the contact-point channel is: InstitutionRouting.teams, under `target` (the case router), `teams`, or at the top. */
const routingSchema = z.object({
  serviceUrl: z.url(),
  conversationId: z.string().min(1),
  tenantId: z.string().min(1).optional(),
});
const caseCardPayloadSchema = z.union([
  z
    .object({ target: routingSchema })
    .loose()
    .transform((p) => p.target),
  z
    .object({ teams: routingSchema })
    .loose()
    .transform((p) => p.teams),
  routingSchema.loose(),
]);

/** What a delivered case card left behind, for thread replies and card updates. */
const cardResultSchema = z.object({
  serviceUrl: z.url(),
  channelConversationId: z.string(),
  threadConversationId: z.string(),
  activityId: z.string(),
  tenantId: z.string().optional(),
});
type CardResult = z.infer<typeof cardResultSchema>;

/** A case event for the thread (the case router's payload), or a ready text. */
const threadPayloadSchema = z
  .object({
    text: z.string().optional(),
    event: z
      .object({
        action: z.string(),
        actor: z.object({ id: z.string(), name: z.string().optional(), channel: z.string() }).loose(),
        text: z.string().optional(),
      })
      .loose()
      .optional(),
  })
  .loose();
/** The inputs a notice to the researcher carries: a contact point's question, or a status change. */
const noticeInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('case-question'), caseId: z.string(), caseRef: z.string(), text: z.string() }),
  z.object({
    type: z.literal('case-status'),
    caseRef: z.string(),
    status: z.enum(['open', 'taken', 'awaiting-info', 'closed']),
    advice: z.string().optional(),
  }),
]);
const noticePayloadSchema = z.object({ input: noticeInputSchema }).loose();

function noticeInput(input: z.infer<typeof noticeInputSchema>): EngineInput {
  if (input.type === 'case-question') return input;
  const { advice, ...rest } = input;
  return advice === undefined ? rest : { ...rest, advice };
}

export class TeamsDeliverer implements Deliverer {
  readonly channel = 'teams' as const;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly audience: string,
    private readonly deps: ChannelDeps,
    private readonly texts: TeamsTexts,
    private readonly inbound: TeamsInbound,
  ) {}

  async deliver(job: OutboxJob): Promise<DeliveryResult> {
    const c = job.caseId ? await this.deps.cases.get(job.caseId) : null;
    if (!c) return { ok: false, retryable: false, error: `Teams: case ${job.caseId ?? '(none)'} not found for job ${job.id}` };
    if (job.kind === 'case-card') return this.caseCard(job, c);
    if (job.kind === 'case-thread') return this.caseThread(job, c);
    return this.researcherNotice(job, c);
  }

  private async caseCard(job: OutboxJob, c: CaseRecord): Promise<DeliveryResult> {
    const routing = caseCardPayloadSchema.safeParse(job.payload);
    if (!routing.success) return { ok: false, retryable: false, error: `Teams: job ${job.id} has no Teams routing (serviceUrl, conversationId)` };
    const { serviceUrl, conversationId, tenantId } = routing.data;
    const card = withUniversalActions(renderCaseCard(c, this.texts.ui(c.draft.lang), namesFromContent(this.deps.content, c.draft.lang)));
    const channelId = baseConversationId(conversationId);
    const parameters = {
      isGroup: true,
      bot: { id: this.appId, name: '' },
      channelData: { channel: { id: channelId }, ...(tenantId ? { tenant: { id: tenantId } } : {}) },
      activity: { type: ActivityTypes.Message, attachments: [attachmentOf(card)] },
      ...(tenantId ? { tenantId } : {}),
    } as ConversationParameters;
    let created: string | undefined;
    try {
      // Creating a conversation in a channel posts its first activity as a new thread.
      await this.adapter.createConversationAsync(this.appId, TEAMS_CHANNEL_ID, serviceUrl, this.audience, parameters, async (context) => {
        created = context.activity.conversation?.id;
      });
    } catch (err) {
      const failure = classifyDeliveryError(err, `channel ${channelId}`);
      this.log(job, c, failure.notInstalled ? 'teams-not-installed' : 'teams-delivery-failed', failure.error);
      return failure;
    }
    if (!created) return { ok: false, retryable: true, error: 'Teams: the channel conversation was created without an id' };
    // Teams answers "<channel>;messageid=<id of the root message>".
    const activityId = /;messageid=(\d+)/.exec(created)?.[1] ?? created;
    const result: CardResult = {
      serviceUrl,
      channelConversationId: channelId,
      threadConversationId: created,
      activityId,
      ...(tenantId ? { tenantId } : {}),
    };
    this.deps.logger.info({ kind: 'teams-case-card', caseId: c.id, jobId: job.id }, 'teams: case card posted');
    return { ok: true, result };
  }

  private async caseThread(job: OutboxJob, c: CaseRecord): Promise<DeliveryResult> {
    const posted = await this.postedCard(c.id);
    if (!posted) return { ok: false, retryable: true, error: `Teams: the card of case ${c.ref} is not posted yet; the thread update waits for it` };
    const payload = threadPayloadSchema.parse(job.payload);
    const lang = c.draft.lang;
    try {
      await this.adapter.continueConversationAsync(this.appId, this.threadReference(posted), async (context: TurnContext) => {
        await context.updateActivity({
          type: ActivityTypes.Message,
          id: posted.activityId,
          attachments: [attachmentOf(withUniversalActions(renderCaseCard(c, this.texts.ui(lang), namesFromContent(this.deps.content, lang))))],
        });
        const text = this.threadText(payload, c, lang);
        if (text) {
          await context.sendActivity({
            type: ActivityTypes.Message,
            attachments: [attachmentOf(renderReplyCard({ kind: 'text', text }, this.texts.ui(lang)))],
          });
        }
      });
    } catch (err) {
      const failure = classifyDeliveryError(err, `the thread of case ${c.ref}`);
      this.log(job, c, 'teams-delivery-failed', failure.error);
      return failure;
    }
    return { ok: true, result: { activityId: posted.activityId } };
  }

  private async researcherNotice(job: OutboxJob, c: CaseRecord): Promise<DeliveryResult> {
    const reference = referenceFrom(c.researcher.address);
    if (!reference) return { ok: false, retryable: false, error: `Teams: case ${c.ref} has no Teams address for the researcher` };
    const payload = noticePayloadSchema.safeParse(job.payload);
    if (!payload.success) return { ok: false, retryable: false, error: `Teams: job ${job.id} has no input` };
    const result = await this.deps.conversations.handle({
      channel: 'teams',
      conversationKey: c.researcher.conversationKey,
      user: c.researcher.name ? { id: c.researcher.id, name: c.researcher.name } : { id: c.researcher.id },
      address: c.researcher.address,
      input: noticeInput(payload.data.input),
    });
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
        await this.inbound.sendReplies(context, result.replies, result.state.lang);
      });
    } catch (err) {
      const failure = classifyDeliveryError(err, `the researcher's chat for case ${c.ref}`);
      this.log(job, c, 'teams-delivery-failed', failure.error);
      return failure;
    }
    return { ok: true, result: { replies: result.replies.length } };
  }

  /** "Carla Contact asked the researcher:\n<question>" — who did what, and the words they wrote, shown verbatim. */
  private threadText(payload: z.infer<typeof threadPayloadSchema>, c: CaseRecord, lang: CaseRecord['draft']['lang']): string | null {
    if (payload.text) return payload.text;
    const event = payload.event;
    if (!event) return null;
    const ui = this.texts.ui(lang);
    const who =
      event.actor.channel === 'admin' ? '' : (event.actor.name ?? (event.action === 'answered' ? (c.researcher.name ?? c.researcher.id) : event.actor.id));
    const head = `${who ? `${who} ` : ''}${ui(`cards.event-${event.action}`)}`;
    return event.text ? `${head}:\n${event.text}` : head;
  }

  /** The delivered case card of this case, from the outbox's record of the case-card job. */
  private async postedCard(caseId: string): Promise<CardResult | null> {
    const jobs = await this.deps.store.listJobs({ caseId });
    for (const j of jobs) {
      if (j.kind !== 'case-card' || j.channel !== 'teams' || j.status !== 'done') continue;
      const parsed = cardResultSchema.safeParse(j.result);
      if (parsed.success) return parsed.data;
    }
    return null;
  }

  private threadReference(posted: CardResult): Partial<ConversationReference> {
    const conversation = {
      id: `${posted.channelConversationId};messageid=${posted.activityId}`,
      isGroup: true,
      conversationType: 'channel',
      name: '',
      ...(posted.tenantId ? { tenantId: posted.tenantId } : {}),
    };
    return { channelId: TEAMS_CHANNEL_ID, serviceUrl: posted.serviceUrl, conversation, bot: { id: this.appId, name: '' } };
  }

  private log(job: OutboxJob, c: CaseRecord, kind: string, error: string): void {
    // The error text names the team/channel problem for the admin; it holds no message text.
    this.deps.logger.warn({ kind, jobId: job.id, caseId: c.id, attempts: job.attempts, error }, 'teams: delivery failed');
  }
}
