// Test doubles for the services: an engine-like step, a fake channel, a log capture.
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import { freshState } from '../../src/engine/state.js';
import type { ConversationState, EngineInput, StepResult, TurnMeta } from '../../src/engine/types.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/types.js';
import type { Deliverer, DeliveryResult, InstitutionRouting } from '../../src/service/types.js';
import type { OutboxJob } from '../../src/store/types.js';
import { draft } from '../store/fixtures.js';

export const ROUTING: InstitutionRouting[] = [
  {
    id: 'uhasselt',
    slack: { teamId: 'T1', channelId: 'C-RS' },
    teams: { serviceUrl: 'https://smba.example/emea/', conversationId: '19:rs@thread' },
    inbox: true,
  },
  { id: 'kuleuven', inbox: true },
];

export async function memoryStore(): Promise<Store> {
  const store = createSqliteStore({ path: ':memory:' });
  await store.migrate();
  return store;
}

export function captureLogger(level: pino.Level = 'debug'): { logger: Logger; lines: () => Array<Record<string, unknown>> } {
  const out: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      out.push(chunk.toString());
      cb();
    },
  });
  const logger = pino({ level }, sink);
  return {
    logger,
    lines: () =>
      out
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

export const silentLogger = pino({ level: 'silent' });

/**
 * A stand-in for the engine's step with the same contract: "confirm" escalates, "forget me" forgets,
 * a case question sets the pending question and the next text answers it; other text is an answer.
 */
export function fakeStep(institution = 'uhasselt') {
  const calls: Array<{ state: ConversationState | null; input: EngineInput; meta: TurnMeta }> = [];
  const step = (prev: ConversationState | null, input: EngineInput, meta: TurnMeta): StepResult => {
    calls.push({ state: prev, input, meta });
    const state: ConversationState = structuredClone(prev ?? freshState('en'));
    state.turn += 1;
    if (input.type === 'case-question') {
      state.pendingCaseQuestion = { caseId: input.caseId, caseRef: input.caseRef };
      return { state, replies: [{ kind: 'text', text: `question about ${input.caseRef}` }], effects: [] };
    }
    if (input.type === 'case-status') return { state, replies: [{ kind: 'text', text: `${input.caseRef} is ${input.status}` }], effects: [] };
    if (input.type === 'set-lang') {
      state.lang = input.lang;
      return { state, replies: [], effects: [] };
    }
    if (input.type !== 'text') return { state, replies: [], effects: [] };
    if (state.pendingCaseQuestion) {
      const { caseId, caseRef } = state.pendingCaseQuestion;
      delete state.pendingCaseQuestion;
      return { state, replies: [{ kind: 'text', text: 'sent' }], effects: [{ type: 'case-answer', caseId, caseRef, text: input.text }] };
    }
    if (input.text === 'confirm') {
      const d = { ...draft(meta.newId, institution), createdAt: meta.at };
      state.phase = 'escalated';
      state.cases.push(d.ref);
      return {
        state,
        replies: [
          { kind: 'case-created', caseRef: d.ref, contactPoint: { id: institution, name: 'RS desk', email: 'rs@example.org', specialised: [] }, text: 'sent' },
        ],
        effects: [{ type: 'escalate', case: d }],
      };
    }
    if (input.text === 'forget me') {
      const sent = meta.sentCases?.length ? `: ${meta.sentCases.join(', ')}` : '';
      return { state, replies: [{ kind: 'text', text: `forgotten${sent}` }], effects: [{ type: 'forget-user' }] };
    }
    state.answers.push({ step: `s${state.turn}`, fact: 'note', question: 'q', value: input.text, label: input.text, typed: true, inferred: false });
    return { state, replies: [{ kind: 'question', text: 'next?', step: `s${state.turn}`, choices: [] }], effects: [] };
  };
  return { step, calls };
}

/**
 * A channel that remembers what was posted under which idempotency key, like a Slack channel
 * searched by message metadata. `plan` says what each attempt does.
 */
export function fakeChannel(
  channel: Deliverer['channel'],
  plan: (job: OutboxJob, attempt: number) => 'ok' | 'fail-before' | 'fail-after' | 'throw-after' | DeliveryResult = () => 'ok',
) {
  const posted = new Map<string, number>();
  const attempts = new Map<string, number>();
  const deliverer: Deliverer = {
    channel,
    async deliver(job) {
      const attempt = (attempts.get(job.idempotencyKey) ?? 0) + 1;
      attempts.set(job.idempotencyKey, attempt);
      if (posted.has(job.idempotencyKey)) return { ok: true, result: { ts: job.idempotencyKey, found: true } };
      const action = plan(job, attempt);
      if (typeof action === 'object') return action;
      if (action === 'fail-before') return { ok: false, retryable: true, error: 'unavailable' };
      posted.set(job.idempotencyKey, (posted.get(job.idempotencyKey) ?? 0) + 1);
      if (action === 'fail-after') return { ok: false, retryable: true, error: 'timeout' };
      if (action === 'throw-after') throw new Error('socket hang up');
      return { ok: true, result: { ts: job.idempotencyKey } };
    },
  };
  return { deliverer, posted, attempts };
}

/** A clock tests move by hand. */
export function manualClock(start = '2025-03-01T10:00:00.000Z') {
  let now = Date.parse(start);
  return {
    clock: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
    iso: () => new Date(now).toISOString(),
  };
}

export function counterIds(prefix = 'id') {
  let n = 0;
  return () => `${prefix}${++n}`;
}
