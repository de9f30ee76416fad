// A contact point's question to the researcher (issue 13 item 2). A message is the answer only when the
// researcher clearly replies: after the Reply button (`case-reply:<caseId>`), or once they confirm
// "Send this as your answer to case RS-…?" (`case-send:<caseId>` / `case-new:<caseId>`). "Answer later"
// (`case-answer:later`) frees the chat; the question stays open with its Reply button until answered or closed.
import { saysNo, saysYes } from './answers.js';
import { reask } from './runner.js';
import type { Turn } from './turn.js';

/** How a message the researcher typed is handled once it is not for the contact point. */
export type HandleMessage = (turn: Turn, text: string) => void;

/** The quoted message in the confirmation is cut to this length. */
const QUOTE = 300;

export function receiveCaseQuestion(turn: Turn, caseId: string, caseRef: string, text: string): void {
  turn.state.pendingCaseQuestion = { caseId, caseRef, mode: 'open' };
  turn.menu(turn.t('case-question', { ref: caseRef, text }), [
    { label: turn.t('case-reply'), value: `case-reply:${caseId}` },
    { label: turn.t('case-answer-later'), value: 'case-answer:later' },
  ]);
}

/** True when the typed text was taken for the contact point's question (sent, or held for confirmation). */
export function takenForCase(turn: Turn, text: string, handle: HandleMessage): boolean {
  const pending = turn.state.pendingCaseQuestion;
  if (!pending || pending.mode === 'later') return false;
  if (pending.draft !== undefined) {
    if (saysYes(text, turn.ctx.content)) sendCaseAnswer(turn, pending.draft);
    else if (saysNo(text, turn.ctx.content)) newFromDraft(turn, pending.draft, handle);
    else confirmCaseAnswer(turn, text);
    return true;
  }
  if (pending.mode === 'replying') sendCaseAnswer(turn, text);
  // Only a clear reply goes to the contact point: ask before sending a message typed after their question.
  else confirmCaseAnswer(turn, text);
  return true;
}

export function caseAction(turn: Turn, kind: string, arg: string, handle: HandleMessage): void {
  const s = turn.state;
  const pending = s.pendingCaseQuestion;
  const stale = (): void => turn.say(turn.t('case-reply-stale'));
  switch (kind) {
    case 'case-reply':
      if (!pending || pending.caseId !== arg) return stale();
      s.pendingCaseQuestion = { caseId: pending.caseId, caseRef: pending.caseRef, mode: 'replying' };
      return turn.say(turn.t('case-reply-prompt', { ref: pending.caseRef }));
    case 'case-send':
      if (!pending || pending.caseId !== arg || pending.draft === undefined) return stale();
      return sendCaseAnswer(turn, pending.draft);
    case 'case-new':
      if (!pending || pending.caseId !== arg || pending.draft === undefined) return stale();
      return newFromDraft(turn, pending.draft, handle);
    default:
      // "Answer later": messages are new questions until the researcher clicks Reply.
      if (!pending) return stale();
      s.pendingCaseQuestion = { caseId: pending.caseId, caseRef: pending.caseRef, mode: 'later' };
      return turn.menu(turn.t('case-answer-postponed', { ref: pending.caseRef }), [{ label: turn.t('case-reply'), value: `case-reply:${pending.caseId}` }]);
  }
}

/** Sends the researcher's message to the contact point as the answer to their question. */
function sendCaseAnswer(turn: Turn, text: string): void {
  const pending = turn.state.pendingCaseQuestion;
  if (!pending) return;
  turn.effects.push({ type: 'case-answer', caseId: pending.caseId, caseRef: pending.caseRef, text });
  turn.state.pendingCaseQuestion = undefined;
  turn.say(turn.t('case-answer-sent', { ref: pending.caseRef }));
  if (turn.state.phase === 'asking') reask(turn);
}

/** "Send this as your answer to case RS-…?" before anything typed reaches the contact point. */
function confirmCaseAnswer(turn: Turn, text: string): void {
  const pending = turn.state.pendingCaseQuestion;
  if (!pending) return;
  pending.draft = text;
  turn.menu(turn.t('case-confirm-answer', { ref: pending.caseRef, text: text.slice(0, QUOTE) }), [
    { label: turn.t('case-confirm-yes'), value: `case-send:${pending.caseId}` },
    { label: turn.t('case-confirm-new'), value: `case-new:${pending.caseId}` },
  ]);
}

/** "No, it's a new question": the message is handled as usual and the contact point's question stays open. */
function newFromDraft(turn: Turn, draft: string, handle: HandleMessage): void {
  const pending = turn.state.pendingCaseQuestion;
  if (pending) turn.state.pendingCaseQuestion = { caseId: pending.caseId, caseRef: pending.caseRef, mode: 'later' };
  handle(turn, draft);
}
