// Rows from either database, validated at the edge and turned into the Store's records.
// SQLite hands JSON columns over as text and times as ISO text; PostgreSQL as objects and Dates.
import { z } from 'zod';
import type { CaseDraft, ConversationState } from '../engine/types.js';
import type { CaseEvent, CaseListItem, CaseRecord, ConversationRecord, InboundItem, OutboxJob, TranscriptEntry } from './types.js';

const CHANNELS = ['slack', 'teams', 'web', 'cli'] as const;
const CASE_STATUSES = ['open', 'taken', 'awaiting-info', 'closed'] as const;
const CASE_ACTIONS = ['created', 'delivered', 'taken', 'asked', 'answered', 'closed', 'reopened', 'delivery-failed'] as const;
const JOB_KINDS = ['case-card', 'researcher-notice', 'case-thread'] as const;
const JOB_STATUSES = ['pending', 'done', 'dead'] as const;

const jsonColumn = <T extends z.ZodType>(schema: T) =>
  z
    .unknown()
    .transform((value) => (typeof value === 'string' ? (JSON.parse(value) as unknown) : value))
    .pipe(schema);

const isoTime = z.union([z.string(), z.date()]).transform((value) => (value instanceof Date ? value : new Date(value)).toISOString());
const optionalText = z
  .string()
  .nullable()
  .optional()
  .transform((value) => value ?? undefined);
const integer = z
  .union([z.number(), z.string()])
  .transform((value) => Number(value))
  .pipe(z.number().int());

const addressSchema = z.record(z.string(), z.unknown());
const actorSchema = z.object({
  channel: z.enum([...CHANNELS, 'admin']),
  id: z.string(),
  name: z.string().optional(),
});
const researcherSchema = actorSchema.extend({ conversationKey: z.string(), address: addressSchema });

// The engine owns the state's shape; the store checks only what it must to hand it back.
const stateSchema = z.looseObject({ v: z.number().int(), lang: z.string(), phase: z.string(), turn: z.number() });
const draftSchema = z.looseObject({ id: z.string(), ref: z.string(), playbook: z.string(), institution: z.string() });

const conversationRowSchema = z.object({
  key: z.string(),
  channel: z.enum(CHANNELS),
  user_id: z.string(),
  state: jsonColumn(stateSchema),
  version: integer,
  address: jsonColumn(addressSchema),
  updated_at: isoTime,
});

export function toConversation(row: unknown): ConversationRecord {
  const r = conversationRowSchema.parse(row);
  return {
    key: r.key,
    channel: r.channel,
    userId: r.user_id,
    state: r.state as unknown as ConversationState,
    version: r.version,
    address: r.address,
    updatedAt: r.updated_at,
  };
}

const caseListRowSchema = z.object({
  id: z.string(),
  ref: z.string(),
  status: z.enum(CASE_STATUSES),
  institution: z.string(),
  playbook: z.string(),
  risk: z.string(),
  researcher: jsonColumn(researcherSchema),
  assignee: jsonColumn(actorSchema.nullable()).optional(),
  advice: optionalText,
  created_at: isoTime,
  updated_at: isoTime,
});

export function toCaseListItem(row: unknown): CaseListItem {
  const r = caseListRowSchema.parse(row);
  const item: CaseListItem = {
    id: r.id,
    ref: r.ref,
    status: r.status,
    institution: r.institution,
    playbook: r.playbook,
    risk: r.risk,
    researcher: r.researcher,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
  if (r.assignee) item.assignee = r.assignee;
  if (r.advice !== undefined) item.advice = r.advice;
  return item;
}

const caseDraftColumn = z.object({ draft: jsonColumn(draftSchema) });

export function toCase(row: unknown, eventRows: unknown[]): CaseRecord {
  const item = toCaseListItem(row);
  const { draft } = caseDraftColumn.parse(row);
  return { ...item, draft: draft as unknown as CaseDraft, history: eventRows.map(toCaseEvent) };
}

const eventRowSchema = z.object({
  at: isoTime,
  actor: jsonColumn(actorSchema),
  action: z.enum(CASE_ACTIONS),
  text: optionalText,
});

function toCaseEvent(row: unknown): CaseEvent {
  const r = eventRowSchema.parse(row);
  const event: CaseEvent = { at: r.at, actor: r.actor, action: r.action };
  if (r.text !== undefined) event.text = r.text;
  return event;
}

const jobRowSchema = z.object({
  id: z.string(),
  kind: z.enum(JOB_KINDS),
  channel: z.enum(CHANNELS),
  idempotency_key: z.string(),
  case_id: optionalText,
  payload: jsonColumn(addressSchema),
  status: z.enum(JOB_STATUSES),
  attempts: integer,
  next_attempt_at: isoTime,
  last_error: optionalText,
  created_at: isoTime,
  delivered_at: isoTime.nullable().optional(),
  result: jsonColumn(addressSchema.nullable()).optional(),
  depends_on: optionalText,
});

export function toJob(row: unknown): OutboxJob {
  const r = jobRowSchema.parse(row);
  const job: OutboxJob = {
    id: r.id,
    kind: r.kind,
    channel: r.channel,
    idempotencyKey: r.idempotency_key,
    payload: r.payload,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    createdAt: r.created_at,
  };
  if (r.case_id !== undefined) job.caseId = r.case_id;
  if (r.last_error !== undefined) job.lastError = r.last_error;
  if (r.delivered_at) job.deliveredAt = r.delivered_at;
  if (r.result) job.result = r.result;
  if (r.depends_on) job.dependsOn = r.depends_on;
  return job;
}

const inboundRowSchema = z.object({
  key: z.string(),
  channel: z.enum(CHANNELS),
  payload: jsonColumn(z.record(z.string(), z.unknown())),
  received_at: isoTime,
  attempts: integer,
});

export function toInbound(row: unknown): InboundItem {
  const r = inboundRowSchema.parse(row);
  return { key: r.key, channel: r.channel, payload: r.payload, receivedAt: r.received_at, attempts: r.attempts };
}

const noticeRowSchema = z.object({ seq: integer, at: isoTime, replies: jsonColumn(z.array(z.unknown())) });

export function toNotice(row: unknown): { seq: number; at: string; replies: unknown[] } {
  return noticeRowSchema.parse(row);
}

const transcriptRowSchema = z.object({ seq: integer, at: isoTime, who: z.enum(['researcher', 'bot']), content: jsonColumn(z.unknown()) });

export function toTranscriptEntry(row: unknown): TranscriptEntry {
  return transcriptRowSchema.parse(row);
}

/** Times come in from callers; one format keeps text comparison in SQLite correct. */
export function normalizeTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`invalid time: ${value}`);
  return date.toISOString();
}

export function addMs(iso: string, ms: number): string {
  return new Date(new Date(iso).getTime() + ms).toISOString();
}
