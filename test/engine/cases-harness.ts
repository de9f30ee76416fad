// Drives the real engine (content, router, screener) through a conversation, turn by turn, the way a
// channel would: typed text or a clicked button. Used by the transcript tests of the guideline's cases.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createAdvisorEngine, type AdvisorEngine } from '../../src/runtime/engine.js';
import { loadDataset } from '../../src/screening/index.js';
import type { ConversationState, EngineInput, Outcome, PlaybookId, Reply } from '../../src/engine/types.js';

/** A sanctions list for the tests: fictitious entries, so that a "hit" never depends on real data. */
const SANCTIONS_FIXTURE = [
  'name,aliases,country,list,source',
  'Ural Test Polytechnic University,UTPU,ru,sanctions,test fixture',
].join('\n');

let shared: AdvisorEngine | undefined;

/** One engine per test file: content, router and screener are built once. */
export function caseEngine(): AdvisorEngine {
  if (shared) return shared;
  const dir = mkdtempSync(join(tmpdir(), 'cases-'));
  const file = join(dir, 'sanctions.csv');
  writeFileSync(file, SANCTIONS_FIXTURE);
  shared = createAdvisorEngine({ datasets: [loadDataset({ path: file, format: 'simple-csv', listId: 'sanctions', kind: 'sanction' })], today: '2025-10-01' });
  return shared;
}

export type Say = string | { click: string };

export interface Transcript {
  state: ConversationState;
  /** Every question step that was put to the user, in order. */
  asked: string[];
  replies: Reply[];
  outcome: Outcome;
}

function questionOf(replies: Reply[]): string | undefined {
  return [...replies].reverse().find((r): r is Extract<Reply, { kind: 'question' }> => r.kind === 'question')?.step;
}

/**
 * Opens the playbook with the first message (taking the clarifying menu's button when the router
 * asks), then gives one answer per open question. Fails when an answer is not understood (the same
 * question comes back) or when the conversation does not end in an outcome.
 */
export function converse(playbook: PlaybookId, first: string, answers: Say[]): Transcript {
  const engine = caseEngine();
  let n = 0;
  const meta = () => ({ at: '2025-10-01T10:00:00.000Z', newId: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` });
  const asked: string[] = [];
  const all: Reply[] = [];
  let state: ConversationState | null = null;
  const send = (input: EngineInput): Reply[] => {
    const r = engine.step(state, input, meta());
    state = r.state;
    all.push(...r.replies);
    for (const reply of r.replies) if (reply.kind === 'question') asked.push(reply.step);
    return r.replies;
  };
  send({ type: 'text', text: first });
  const current = (): ConversationState => {
    if (!state) throw new Error('no state');
    return state;
  };
  if (current().playbook?.id !== playbook) {
    expect(current().phase, `first message routed to ${current().playbook?.id ?? 'nothing'}`).toBe('clarifying');
    expect(current().clarify ?? []).toContain(playbook);
    send({ type: 'action', value: `start:${playbook}` });
  }
  expect(current().playbook?.id).toBe(playbook);
  for (const answer of answers) {
    const before = current().step;
    expect(current().phase, `answer "${JSON.stringify(answer)}" came after the questions ended`).toBe('asking');
    const replies =
      typeof answer === 'string'
        ? send({ type: 'text', text: answer })
        : send({ type: 'action', value: answer.click, ...(before ? { step: before } : {}) });
    const again = current().phase === 'asking' && questionOf(replies) === before;
    expect(again, `"${JSON.stringify(answer)}" did not answer ${before}`).toBe(false);
  }
  const s = current();
  expect(s.phase, `the conversation stopped at ${s.step ?? '?'} instead of an outcome`).toBe('outcome');
  if (!s.outcome) throw new Error('no outcome');
  return { state: s, asked, replies: all, outcome: s.outcome };
}

export interface Expected {
  risk: Outcome['risk'][];
  /** Step ids that must be in the outcome. */
  steps: string[];
  /** Phrases (lower-case) that must occur in the steps' texts. */
  phrases?: string[];
  duties?: string[];
  noDuties?: string[];
  measures?: string[];
  /** Questions that must not have been asked (their answer was in the first message). */
  notAsked?: string[];
}

export function expectOutcome(t: Transcript, want: Expected): void {
  const o = t.outcome;
  expect(want.risk).toContain(o.risk);
  const ids = o.steps.map((s) => s.id);
  for (const id of want.steps) expect(ids, `step ${id}`).toContain(id);
  const text = o.steps.map((s) => s.text).join('\n').toLowerCase();
  for (const p of want.phrases ?? []) expect(text, `phrase "${p}"`).toContain(p);
  const duties = o.duties.map((d) => d.id);
  for (const d of want.duties ?? []) expect(duties, `duty ${d}`).toContain(d);
  for (const d of want.noDuties ?? []) expect(duties, `duty ${d}`).not.toContain(d);
  const measures = o.measures.map((m) => m.id);
  for (const m of want.measures ?? []) expect(measures, `measure ${m}`).toContain(m);
  for (const s of o.steps) expect(s.cites.length, `step ${s.id} cites nothing`).toBeGreaterThan(0);
  for (const q of want.notAsked ?? []) expect(t.asked, `${q} was asked again`).not.toContain(q);
  // A step id shows once; a duplicate would mean two conditions overlap.
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(duties).size).toBe(duties.length);
}

/** The answer recorded for a question, and whether it was taken from what the user said. */
export function answerOf(t: Transcript, step: string): { value: string; inferred: boolean } | undefined {
  const a = t.state.answers.find((x) => x.step === step);
  return a ? { value: a.value, inferred: a.inferred } : undefined;
}
