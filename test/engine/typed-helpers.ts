// Reads a typed text the way the engine does while a question is open: "not sure" first, then the answers.
import { isUnsure, matchChoice } from '../../src/engine/answers.js';
import type { QuestionStep } from '../../src/content/schema/playbook.js';
import type { PlaybookId } from '../../src/engine/ids.js';
import type { Reply } from '../../src/engine/types.js';
import { Conversation, testEngine } from '../helpers/engine.js';

function question(playbook: PlaybookId, step: string): QuestionStep {
  const node = testEngine().content.playbooks.get(playbook)?.steps[step];
  if (node?.type !== 'question') throw new Error(`${playbook} has no question ${step}`);
  return node;
}

/** The value a typed text records on this question: an answer's value, "unsure", or "again" when it is asked again. */
export function typed(playbook: PlaybookId, step: string, text: string): string {
  const content = testEngine().content;
  const q = question(playbook, step);
  // Choice and yes/no questions read "not sure" inside matchChoice, so that an answer saying "I don't know who" wins.
  if (q.input !== 'choice' && q.input !== 'yesno' && isUnsure(text, content)) return 'unsure';
  const m = matchChoice(q, text, content, 'en');
  return m.kind === 'answer' ? m.value : m.kind === 'unsure' ? 'unsure' : 'again';
}

/** Every choice or yes/no question of every playbook. */
export function allQuestions(): Array<{ playbook: PlaybookId; step: string; q: QuestionStep }> {
  const out: Array<{ playbook: PlaybookId; step: string; q: QuestionStep }> = [];
  for (const [id, pb] of testEngine().content.playbooks) {
    for (const [step, node] of Object.entries(pb.steps)) {
      if (node.type === 'question' && (node.input === 'choice' || node.input === 'yesno')) out.push({ playbook: id, step, q: node });
    }
  }
  return out;
}

/** Starts a playbook and clicks "not sure" (or the value given for a step) until `step` is asked. */
export function at(playbook: PlaybookId, step: string, lang: 'en' | 'nl', clicks: Record<string, string> = {}): Conversation {
  const c = new Conversation();
  c.send({ type: 'set-lang', lang });
  c.send({ type: 'start', playbook });
  for (let i = 0; i < 20 && c.state?.step !== step; i++) c.click(`answer:${clicks[c.state?.step ?? ''] ?? 'unsure'}`);
  if (c.state?.step !== step) throw new Error(`${playbook} did not reach ${step}`);
  return c;
}

/** What the replies say, as one text. */
export const texts = (replies: readonly Reply[]): string => replies.map((r) => ('text' in r ? r.text : '')).join('\n');
