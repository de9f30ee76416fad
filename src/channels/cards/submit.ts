// What the buttons of our cards send back (Action.Submit data merged with the card's inputs), parsed at
// the edge. Teams delivers it as activity.value; the web chat posts the same object.
import { z } from 'zod';
import { playbookIdSchema } from '../../domain/schemas.js';
import type { EngineInput } from '../../engine/types.js';

/** Id of the Input.Text for a typed answer to a question. */
export const TYPED_ANSWER_INPUT = 'answerText';
/** Ids of the Input.Text fields on the contact point's case card. */
export const CASE_QUESTION_INPUT = 'caseQuestion';
export const CASE_ADVICE_INPUT = 'caseAdvice';

export const CASE_ACTIONS = ['take', 'ask', 'close'] as const;
export type CaseCardActionName = (typeof CASE_ACTIONS)[number];

const MAX_TEXT = 4000;
const text = z.string().trim().min(1).max(MAX_TEXT);

const typedSchema = z.object({ typed: z.literal(true), step: z.string().max(100).optional(), [TYPED_ANSWER_INPUT]: text });
const choiceSchema = z.object({ action: z.string().min(1).max(200), step: z.string().max(100).optional() });
/** The engine checks that the playbook exists. */
const startSchema = z.object({ start: playbookIdSchema });
const caseSchema = z.object({
  caseAction: z.enum(CASE_ACTIONS),
  caseId: z.string().min(1).max(100),
  [CASE_QUESTION_INPUT]: z.string().max(MAX_TEXT).optional(),
  [CASE_ADVICE_INPUT]: z.string().max(MAX_TEXT).optional(),
});

export interface CaseCardAction {
  action: CaseCardActionName;
  caseId: string;
  /** The question (ask) or the advice (close) the contact point typed; trimmed, possibly empty. */
  text: string;
}

export type CardSubmit = { kind: 'engine'; input: EngineInput } | { kind: 'case'; action: CaseCardAction } | { kind: 'invalid' };

/** Turns a submitted card value into an engine input or a case action; anything else is invalid. */
export function parseCardSubmit(value: unknown): CardSubmit {
  const c = caseSchema.safeParse(value);
  if (c.success) {
    const typed = c.data.caseAction === 'ask' ? c.data[CASE_QUESTION_INPUT] : c.data[CASE_ADVICE_INPUT];
    return { kind: 'case', action: { action: c.data.caseAction, caseId: c.data.caseId, text: (typed ?? '').trim() } };
  }
  const typed = typedSchema.safeParse(value);
  if (typed.success) return { kind: 'engine', input: { type: 'text', text: typed.data[TYPED_ANSWER_INPUT] } };
  const choice = choiceSchema.safeParse(value);
  if (choice.success) {
    const input: EngineInput = { type: 'action', value: choice.data.action };
    if (choice.data.step !== undefined) input.step = choice.data.step;
    return { kind: 'engine', input };
  }
  const start = startSchema.safeParse(value);
  if (start.success) return { kind: 'engine', input: { type: 'start', playbook: start.data.start } };
  return { kind: 'invalid' };
}
