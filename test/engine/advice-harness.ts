// Drives the real engine through a conversation whose answers are given per question (step id), so that a
// test says what the researcher answers to each question and fails on a question it did not expect.
import { expect } from 'vitest';
import type { ConversationState, EngineInput, Outcome, PlaybookId, Reply } from '../../src/engine/types.js';
import { caseEngine, type Say, type Transcript } from './cases-harness.js';

export function talk(first: string, answers: Record<string, Say>, playbook?: PlaybookId): Transcript {
  const engine = caseEngine();
  let n = 0;
  let state: ConversationState | null = null;
  const asked: string[] = [];
  const replies: Reply[] = [];
  const send = (input: EngineInput) => {
    const r = engine.step(state, input, { at: '2025-10-01T10:00:00.000Z', newId: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` });
    state = r.state;
    replies.push(...r.replies);
    for (const reply of r.replies) if (reply.kind === 'question') asked.push(reply.step);
  };
  const current = (): ConversationState => {
    if (!state) throw new Error('no state');
    return state;
  };
  send({ type: 'text', text: first });
  if (playbook && current().playbook?.id !== playbook) send({ type: 'action', value: `start:${playbook}` });
  if (playbook) expect(current().playbook?.id).toBe(playbook);
  for (let guard = 0; guard < 30 && current().phase === 'asking'; guard++) {
    const step = current().step ?? '';
    const answer = answers[step];
    expect(answer, `unexpected question ${step} (asked so far: ${asked.join(', ')})`).toBeDefined();
    if (answer === undefined) break;
    send(typeof answer === 'string' ? { type: 'text', text: answer } : { type: 'action', value: answer.click, step });
    expect(current().step === step && current().phase === 'asking', `"${JSON.stringify(answer)}" did not answer ${step}`).toBe(false);
  }
  const s = current();
  expect(s.phase, `stopped at ${s.step ?? '?'}`).toBe('outcome');
  const outcome: Outcome | undefined = s.outcome;
  if (!outcome) throw new Error('no outcome');
  return { state: s, asked, replies, outcome };
}

export const click = (value: string): Say => ({ click: `answer:${value}` });
