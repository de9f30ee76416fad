// The services every channel calls. Channels never talk to the engine or the store directly.
import type { Lang } from '../engine/ids.js';
import type { CaseStatus, ConversationState, EngineInput, Reply } from '../engine/types.js';
import type { Actor, CaseEvent, CaseRecord, ChannelAddress, ChannelName, NewJob, OutboxJob } from '../store/types.js';

/** One inbound turn from a channel. */
export interface InboundTurn {
  channel: ChannelName;
  /** Stable per conversation with this user on this channel, e.g. `slack:T1:D2:U3`. */
  conversationKey: string;
  user: { id: string; name?: string };
  /** Where to reach the user again (proactive notices). */
  address: ChannelAddress;
  input: EngineInput;
  /** The channel's idea of the user's language, used for a new conversation only. */
  lang?: Lang;
  /** The durable inbox item this turn answers (store.acceptInbound): the turn's commit marks it done. */
  inboundKey?: string;
}

export interface TurnResult {
  replies: Reply[];
  state: ConversationState;
  /** Cases this turn created. */
  createdCases: CaseRecord[];
  /** Another worker already answered this inbound event: nothing was committed, and nothing should be posted. */
  duplicate?: true;
}

export interface ConversationService {
  handle(turn: InboundTurn): Promise<TurnResult>;
}

export type CaseActionResult = { ok: true; case: CaseRecord } | { ok: false; reason: 'not-found' | 'not-allowed' | 'wrong-status'; case?: CaseRecord };

/** The contact point's side of a case. Channels check who may act before calling it. */
export interface CaseService {
  take(caseIdOrRef: string, actor: Actor): Promise<CaseActionResult>;
  ask(caseIdOrRef: string, actor: Actor, question: string): Promise<CaseActionResult>;
  close(caseIdOrRef: string, actor: Actor, advice: string): Promise<CaseActionResult>;
  /** Whatever happened on a case since it was posted, for re-rendering a card. */
  get(caseIdOrRef: string): Promise<CaseRecord | null>;
}

export type DeliveryResult = { ok: true; result: Record<string, unknown> } | { ok: false; retryable: boolean; error: string; retryAfterMs?: number };

/** A channel's way of delivering outbox jobs: the case card, notices to the researcher, thread replies. */
export interface Deliverer {
  readonly channel: ChannelName;
  deliver(job: OutboxJob): Promise<DeliveryResult>;
}

/** Which jobs a new case or a case event produces, from the institutions configuration. */
export interface CaseRouter {
  jobsForNewCase(c: CaseRecord): NewJob[];
  /** Jobs that tell the researcher and the contact-point thread about a status change. */
  jobsForStatus(c: CaseRecord, status: CaseStatus, text?: string): NewJob[];
  /**
   * Jobs for one case event (taken, asked, answered, closed): replies in the contact point's thread and,
   * where the researcher should hear of it, a notice. `eventKey` is unique per event (its index in the
   * history, or the turn that made it) and makes the idempotency keys deterministic.
   */
  jobsForEvent(c: CaseRecord, event: CaseEvent, eventKey: string): NewJob[];
}

/** How an institution's cases reach its contact point (config/institutions.yaml). */
export interface InstitutionRouting {
  /** A contact-point id from content/contact-points.yaml, e.g. kuleuven. */
  id: string;
  slack?: { teamId?: string; channelId: string };
  teams?: { serviceUrl: string; conversationId: string; tenantId?: string };
  /** The web inbox always shows every case; this only says whether it is the main place. */
  inbox: boolean;
}
