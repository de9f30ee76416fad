// Delivers outbox jobs to Slack: the contact-point card, updates in its thread, and notices to the researcher.
// Every post carries the job's idempotency key in message metadata; a retry after an uncertain failure looks
// for that post first, so nothing is posted twice.
import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import { engineInputSchema } from './inputs.js';
import type { Deliverer, DeliveryResult } from '../../service/types.js';
import type { CaseEvent, CaseRecord, OutboxJob } from '../../store/types.js';
import { cardLocation } from './case-access.js';
import { DeliveryProblem, deliveryFailure } from './delivery-errors.js';
import { escapeSlack } from './escape.js';
import { slackAddressSchema } from './keys.js';
import { DELIVERY_EVENT_TYPE, postMessages } from './post.js';
import { sections, type SlackMessage } from './render/blocks.js';
import { actorLabel, renderCaseCard, statusLabel } from './render/case-card.js';
import { renderReplies } from './render/reply.js';
import type { SlackRuntime } from './runtime.js';

type Client = webApi.WebClient;

/** The CaseRouter's payload: { caseId, caseRef, institution, target: { teamId?, channelId } }. */
const cardPayloadSchema = z.looseObject({
  caseId: z.string().optional(),
  target: z.looseObject({ channelId: z.string().min(1), teamId: z.string().optional() }),
});

const actorSchema = z.object({ channel: z.string(), id: z.string(), name: z.string().optional() });

/** The CaseRouter's payload: { caseId, caseRef, cardKey, target, event }. */
const threadPayloadSchema = z.looseObject({
  caseId: z.string().optional(),
  target: z.looseObject({ channelId: z.string().min(1) }).optional(),
  event: z.looseObject({ action: z.string(), text: z.string().optional(), actor: actorSchema.optional() }).optional(),
});

const noticePayloadSchema = z.looseObject({
  input: engineInputSchema,
  conversationKey: z.string().optional(),
  address: slackAddressSchema.optional(),
});

const pageSchema = z.looseObject({
  messages: z
    .array(
      z.looseObject({
        ts: z.string().optional(),
        metadata: z.looseObject({ event_type: z.string().optional(), event_payload: z.record(z.string(), z.unknown()).optional() }).optional(),
      }),
    )
    .optional(),
  response_metadata: z.looseObject({ next_cursor: z.string().optional() }).optional(),
});

/** Slack's suggested page size for history calls. */
const PAGE_SIZE = 200;
/** A bound on one look-up: 100 pages of 200 is 20,000 messages since the job was made. */
const MAX_PAGES = 100;
/** Clocks differ a little between us and Slack: look a minute further back than the job's creation. */
const CLOCK_SKEW_S = 60;

/**
 * Looks for a post carrying the key, paging back through the channel (or thread) to the job's creation time,
 * so that a busy channel cannot push an earlier post out of sight; returns its ts.
 */
async function findEarlierPost(client: Client, channel: string, key: string, since: string, thread?: string): Promise<string | undefined> {
  const oldest = String(Math.max(0, Math.floor(new Date(since).getTime() / 1000) - CLOCK_SKEW_S));
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const paging = { channel, limit: PAGE_SIZE, include_all_metadata: true, oldest, ...(cursor ? { cursor } : {}) };
    const response = thread ? await client.conversations.replies({ ...paging, ts: thread }) : await client.conversations.history(paging);
    const parsed = pageSchema.safeParse(response);
    if (!parsed.success) return undefined;
    const hit = (parsed.data.messages ?? []).find((m) => m.metadata?.event_type === DELIVERY_EVENT_TYPE && m.metadata.event_payload?.['key'] === key);
    if (hit?.ts) return hit.ts;
    cursor = parsed.data.response_metadata?.next_cursor || undefined;
    if (!cursor) return undefined;
  }
  return undefined;
}

const THREAD_TEXT_KEYS: Partial<Record<CaseEvent['action'], string>> = {
  taken: 'thread-taken',
  asked: 'thread-asked',
  answered: 'thread-answered',
  closed: 'thread-closed',
  reopened: 'thread-reopened',
};

/** The thread message for a case event: who did what, and the question, answer or advice quoted. */
function threadMessage(
  rt: SlackRuntime,
  c: CaseRecord,
  action: string | undefined,
  text: string | undefined,
  actor: CaseEvent['actor'] | undefined,
): SlackMessage {
  const lang = c.draft.lang;
  const key = action ? THREAD_TEXT_KEYS[action as CaseEvent['action']] : undefined;
  // The actor is our own mention markup; the template around it is escaped.
  const headline = key
    ? escapeSlack(rt.t(key, lang, { actor: '\u0000' })).replace('\u0000', actor ? actorLabel(actor) : '')
    : escapeSlack(rt.t('thread-status', lang, { status: statusLabel(c.status, lang, rt.t) }));
  const quoted = text ? `\n>${escapeSlack(text).replace(/\n/g, '\n>')}` : '';
  const body = `${headline}${quoted}`;
  return { text: headline, blocks: sections(body) };
}

export class SlackDeliverer implements Deliverer {
  readonly channel = 'slack' as const;

  constructor(
    private readonly rt: SlackRuntime,
    private readonly client: Client,
  ) {}

  async deliver(job: OutboxJob): Promise<DeliveryResult> {
    const started = Date.now();
    try {
      const result = await this.route(job);
      this.rt.log.info({ job: job.id, kind: job.kind, ms: Date.now() - started }, 'slack delivery done');
      return { ok: true, result };
    } catch (err) {
      const failure = deliveryFailure(err);
      this.rt.log.warn({ job: job.id, kind: job.kind, error: failure.error, retryable: failure.retryable }, 'slack delivery failed');
      return failure;
    }
  }

  private async route(job: OutboxJob): Promise<Record<string, unknown>> {
    switch (job.kind) {
      case 'case-card':
        return this.caseCard(job);
      case 'case-thread':
        return this.caseThread(job);
      case 'researcher-notice':
        return this.researcherNotice(job);
    }
  }

  private async loadCase(job: OutboxJob, payloadCaseId?: string): Promise<CaseRecord> {
    const id = job.caseId ?? payloadCaseId;
    if (!id) throw new DeliveryProblem('job has no case id', false);
    const c = await this.rt.deps.cases.get(id);
    if (!c) throw new DeliveryProblem('case not found', false);
    return c;
  }

  private async caseCard(job: OutboxJob): Promise<Record<string, unknown>> {
    const payload = cardPayloadSchema.safeParse(job.payload);
    if (!payload.success) throw new DeliveryProblem('case-card payload has no target.channelId', false);
    const channel = payload.data.target.channelId;
    const c = await this.loadCase(job, payload.data.caseId);
    if (job.attempts > 0) {
      const earlier = await findEarlierPost(this.client, channel, job.idempotencyKey, job.createdAt);
      if (earlier) return { channel, ts: earlier, found: true };
    }
    const [ts] = await postMessages(this.client, channel, [renderCaseCard(c, this.rt.t)], { idempotencyKey: job.idempotencyKey });
    if (!ts) throw new DeliveryProblem('chat.postMessage returned no ts', true);
    return { channel, ts };
  }

  private async caseThread(job: OutboxJob): Promise<Record<string, unknown>> {
    const payload = threadPayloadSchema.safeParse(job.payload);
    if (!payload.success) throw new DeliveryProblem('case-thread payload unreadable', false);
    const c = await this.loadCase(job, payload.data.caseId);
    const location = await cardLocation(this.rt, c.id);
    const channel = location?.channel;
    const ts = location?.ts;
    // The card goes first; until it is out, the thread has nowhere to go.
    if (!channel || !ts) throw new DeliveryProblem('card not delivered yet', true);

    const last = c.history[c.history.length - 1];
    const event = payload.data.event;
    const action = event?.action ?? last?.action;
    const text = event ? event.text : last?.text;
    const actor = (event?.actor as CaseEvent['actor'] | undefined) ?? last?.actor;
    let replyTs = job.attempts > 0 ? await findEarlierPost(this.client, channel, job.idempotencyKey, job.createdAt, ts) : undefined;
    if (!replyTs) {
      const message = threadMessage(this.rt, c, action, text, actor);
      [replyTs] = await postMessages(this.client, channel, [message], { thread: ts, idempotencyKey: job.idempotencyKey });
    }
    const card = renderCaseCard(c, this.rt.t);
    await this.client.chat.update({ channel, ts, text: card.text, blocks: card.blocks });
    return { channel, ts, replyTs: replyTs ?? null };
  }

  private async researcherNotice(job: OutboxJob): Promise<Record<string, unknown>> {
    const payload = noticePayloadSchema.safeParse(job.payload);
    if (!payload.success) throw new DeliveryProblem('researcher-notice payload has no engine input', false);
    const c = job.caseId ? await this.rt.deps.cases.get(job.caseId) : null;
    const address = slackAddressSchema.safeParse(payload.data.address ?? c?.researcher.address);
    const conversationKey = payload.data.conversationKey ?? c?.researcher.conversationKey;
    if (!address.success || !conversationKey) throw new DeliveryProblem('no Slack address for the researcher', false);
    const { channel, thread_ts: thread } = address.data;
    if (job.attempts > 0) {
      const earlier = await findEarlierPost(this.client, channel, job.idempotencyKey, job.createdAt, thread);
      if (earlier) return { channel, ts: earlier, found: true };
    }
    const userId = address.data.user ?? c?.researcher.id;
    if (!userId) throw new DeliveryProblem('no researcher id', false);
    const result = await this.rt.deps.conversations.handle({
      channel: 'slack',
      conversationKey,
      user: { id: userId },
      address: address.data,
      input: payload.data.input,
    });
    const messages = renderReplies(result.replies, result.state.lang, this.rt.t);
    const stamps = await postMessages(this.client, channel, messages, { idempotencyKey: job.idempotencyKey, ...(thread ? { thread } : {}) });
    return { channel, ts: stamps[0] ?? null };
  }
}
