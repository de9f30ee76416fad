// A real engine (real content, router and screener) and a small conversation driver for tests.
import { parseState } from '../../src/engine/state.js';
import type { ConversationState, EngineInput, Reply, StepResult, TurnMeta } from '../../src/engine/types.js';
import { createAdvisorEngine, type AdvisorEngine } from '../../src/runtime/engine.js';

let shared: AdvisorEngine | undefined;

export function testEngine(): AdvisorEngine {
  shared ??= createAdvisorEngine({ today: '2026-01-01' });
  return shared;
}

let counter = 0;
export function meta(): TurnMeta {
  counter += 1;
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return { at: '2026-01-01T10:00:00.000Z', newId: id, user: { id: 'U1', channel: 'cli' } };
}

export class Conversation {
  state: ConversationState | null = null;
  last: StepResult | undefined;
  readonly transcript: Reply[] = [];

  constructor(readonly engine: AdvisorEngine = testEngine()) {}

  send(input: EngineInput): StepResult {
    const result = this.engine.step(this.state, input, meta());
    if (parseState(result.state) === null) throw new Error('engine produced an invalid state');
    this.state = result.state;
    this.last = result;
    this.transcript.push(...result.replies);
    return result;
  }

  say(text: string): StepResult {
    return this.send({ type: 'text', text });
  }

  /** Clicks the button with this label (or value) among the last replies. */
  click(labelOrValue: string): StepResult {
    const replies = this.last?.replies ?? [];
    for (const r of [...replies].reverse()) {
      if (r.kind !== 'question' && r.kind !== 'menu') continue;
      const c = r.choices.find((x) => x.label === labelOrValue || x.value === labelOrValue);
      if (c) return this.send({ type: 'action', value: c.value, ...(r.kind === 'question' ? { step: r.step } : {}) });
    }
    throw new Error(`no button "${labelOrValue}" in: ${JSON.stringify(replies.map((r) => ('choices' in r ? r.choices.map((c) => c.label) : r.kind)))}`);
  }

  question(): Extract<Reply, { kind: 'question' }> | undefined {
    return this.last?.replies.find((r): r is Extract<Reply, { kind: 'question' }> => r.kind === 'question');
  }

  outcome() {
    return this.last?.replies.find((r): r is Extract<Reply, { kind: 'outcome' }> => r.kind === 'outcome');
  }

  /** Every question text asked so far. */
  asked(): string[] {
    return this.transcript.filter((r): r is Extract<Reply, { kind: 'question' }> => r.kind === 'question').map((r) => r.text);
  }
}
