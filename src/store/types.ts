// One Store interface for every channel; SQLite and PostgreSQL implement it.
// The same contract tests (test/store/contract.ts) run against both.
import type { CaseDraft, CaseStatus, ConversationState } from '../engine/types.js';

export type ChannelName = 'slack' | 'teams' | 'web' | 'cli';

/** Who acted: a researcher, a contact point or an admin, on some channel. */
export interface Actor {
  channel: ChannelName | 'admin';
  id: string;
  name?: string;
}

/**
 * Where a channel can reach the researcher again (proactive message), as that channel
 * understands it: Slack {team, channel, thread_ts}, a Teams conversation reference, a web session id.
 */
export type ChannelAddress = Record<string, unknown>;

export interface ConversationRecord {
  key: string;
  channel: ChannelName;
  userId: string;
  state: ConversationState;
  /** Optimistic concurrency: bumped on every save. */
  version: number;
  address: ChannelAddress;
  updatedAt: string;
}

export interface CaseEvent {
  at: string;
  actor: Actor;
  action: 'created' | 'delivered' | 'taken' | 'asked' | 'answered' | 'closed' | 'reopened' | 'delivery-failed';
  /** A question, an answer or advice; kept with the case, never logged. */
  text?: string;
}

export interface CaseRecord {
  id: string;
  ref: string;
  status: CaseStatus;
  institution: string;
  playbook: string;
  risk: string;
  researcher: Actor & { conversationKey: string; address: ChannelAddress };
  assignee?: Actor;
  advice?: string;
  draft: CaseDraft;
  createdAt: string;
  updatedAt: string;
  history: CaseEvent[];
}

export type CaseListItem = Omit<CaseRecord, 'draft' | 'history'>;

export type JobStatus = 'pending' | 'done' | 'dead';

export interface NewJob {
  /** What to deliver: the card to the contact point, a notice to the researcher, a thread reply. */
  kind: 'case-card' | 'researcher-notice' | 'case-thread';
  channel: ChannelName;
  /** Deterministic key: a retry after an uncertain failure reuses it, so nothing is posted twice. */
  idempotencyKey: string;
  caseId?: string;
  payload: Record<string, unknown>;
  /**
   * The idempotency key of a job this one needs first (a thread reply needs its card). The job is not
   * claimed, and spends no attempt, while that job is still pending.
   */
  dependsOn?: string;
}

export interface OutboxJob extends NewJob {
  id: string;
  status: JobStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError?: string;
  createdAt: string;
  deliveredAt?: string;
  /** What the channel returned on success (a Slack ts, a Teams activity id), for threading. */
  result?: Record<string, unknown>;
}

export interface TurnCommit {
  key: string;
  channel: ChannelName;
  userId: string;
  address: ChannelAddress;
  /** The version that was loaded; null for a new conversation. */
  expectedVersion: number | null;
  state: ConversationState;
  /** The turn's time (the service's clock); the store's clock when absent. */
  at?: string;
  /** Created in the same transaction as the state: an escalation and its delivery job. */
  newCases?: CaseRecord[];
  /** `status` is applied only when the case is in one of `fromStatus` (an answer moves awaiting-info back to taken). */
  caseEvents?: Array<{ caseId: string; event: CaseEvent; status?: CaseStatus; fromStatus?: CaseStatus[] }>;
  jobs?: NewJob[];
  /**
   * The inbound inbox item this turn answers: the commit marks it done in the same transaction, and is
   * refused as a duplicate when another worker already committed it.
   */
  inboundKey?: string;
  /** "forget me": after saving, delete every conversation (this one included) and notice of this channel's user, in the same transaction. */
  forgetUser?: boolean;
}

/** One line of a conversation as the researcher saw it: what they typed, or the replies the bot gave. */
export interface TranscriptEntry {
  seq: number;
  at: string;
  who: 'researcher' | 'bot';
  /** The researcher's text, or the engine's replies (rendered in the page's language when read). */
  content: unknown;
}

/** The transcript keeps this many entries per conversation; older ones are dropped. */
export const TRANSCRIPT_LIMIT = 200;

export type CommitResult = { ok: true; version: number } | { ok: false; reason: 'conflict' | 'duplicate' };

/** An inbound event accepted before its ack, kept until the turn it causes has committed. */
export interface InboundItem {
  /** The dedupe key, e.g. slack:event:Ev123. */
  key: string;
  channel: ChannelName;
  payload: Record<string, unknown>;
  receivedAt: string;
  attempts: number;
}

export interface CaseUpdate {
  caseId: string;
  /** Refuse the update unless the case is in one of these states (a take races a close). */
  fromStatus?: CaseStatus[];
  status?: CaseStatus;
  assignee?: Actor;
  advice?: string;
  event: CaseEvent;
  jobs?: NewJob[];
  /** Refuse the update unless the history still has this many events (job keys are derived from the event's index). */
  expectedHistoryLength?: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Runs pending migrations. Idempotent. */
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;

  loadConversation(key: string): Promise<ConversationRecord | null>;
  commitTurn(commit: TurnCommit): Promise<CommitResult>;
  /** "forget me": deletes the user's conversations, notices and transcripts; returns how many conversations. */
  deleteConversationsOfUser(channel: ChannelName, userId: string): Promise<number>;
  /** Retention: deletes conversations not updated since `before`. */
  expireConversations(before: string): Promise<number>;

  getCase(idOrRef: string): Promise<CaseRecord | null>;
  listCases(filter?: { status?: CaseStatus; institution?: string; researcherId?: string }): Promise<CaseListItem[]>;
  /** Applies a status change with its audit event and jobs atomically; null when fromStatus did not hold. */
  updateCase(update: CaseUpdate): Promise<CaseRecord | null>;

  enqueue(jobs: NewJob[]): Promise<void>;
  /**
   * Claims due jobs for one worker (FOR UPDATE SKIP LOCKED on PostgreSQL), leasing them until `leaseUntil`.
   * Each claim counts as an attempt, so a job that crashes its worker still reaches the dead-letter state.
   * `channels` limits the claim to channels this worker can deliver to.
   */
  claimJobs(worker: string, limit: number, now: string, leaseUntil: string, channels?: ChannelName[]): Promise<OutboxJob[]>;
  completeJob(id: string, result: Record<string, unknown>, at: string): Promise<void>;
  /** Records a failure; `dead` moves the job to the dead-letter state. */
  failJob(id: string, error: string, nextAttemptAt: string, dead: boolean): Promise<void>;
  getJob(id: string): Promise<OutboxJob | null>;
  listJobs(filter?: { status?: JobStatus; caseId?: string }): Promise<OutboxJob[]>;
  /** An admin re-queues a dead job. */
  requeueJob(id: string, now: string): Promise<boolean>;

  /**
   * Proactive replies for channels that poll (the web chat): a deliverer appends them,
   * the page reads those after the last sequence number it has seen.
   */
  appendNotices(conversationKey: string, replies: unknown[], at: string): Promise<number>;
  readNotices(conversationKey: string, afterSeq: number): Promise<Array<{ seq: number; at: string; replies: unknown[] }>>;

  /**
   * The conversation as the researcher saw it, kept on the server so every tab and a reload show it
   * (issue 13). Appending keeps the last `keep` entries (TRANSCRIPT_LIMIT); "forget me" and retention delete them.
   * Returns the sequence number of the last entry appended.
   */
  appendTranscript(conversationKey: string, entries: Array<Pick<TranscriptEntry, 'who' | 'content'>>, at: string, keep?: number): Promise<number>;
  readTranscript(conversationKey: string, afterSeq: number): Promise<TranscriptEntry[]>;

  /**
   * The durable inbox: in one transaction, marks `key` seen (like markSeen) and stores the event, leased to
   * the caller until `leaseUntil`. False when the key was seen within ttl: a duplicate, nothing stored.
   */
  acceptInbound(
    item: { key: string; channel: ChannelName; payload: Record<string, unknown> },
    ttlMs: number,
    now: string,
    leaseUntil: string,
  ): Promise<boolean>;
  /** Pending inbox items whose lease has passed (their worker died), leased anew; each claim counts as an attempt. */
  claimInbound(channel: ChannelName, limit: number, now: string, leaseUntil: string, maxAttempts: number): Promise<InboundItem[]>;
  /** Marks an inbox item done (an event that caused no turn); a no-op when it already is. */
  completeInbound(key: string, at: string): Promise<void>;
  /** Pending inbox items, oldest first (admin view, tests). */
  listInbound(status: 'pending' | 'done' | 'dead'): Promise<InboundItem[]>;

  /** Deduplication: true the first time a key is seen within ttl. */
  markSeen(key: string, ttlMs: number, now: string): Promise<boolean>;
  /** Drops deduplication keys whose ttl has passed, and the finished inbox items they guarded; returns how many keys. */
  purgeSeen(now: string): Promise<number>;
}
