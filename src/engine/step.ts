// The engine: (state, input) → (state, replies, effects). Pure and deterministic: everything it needs
// from outside (time, a fresh id, who is talking) arrives in `meta`, everything it knows in `ctx`.
import { isUnsure, saysNo, saysYes, matchInstitution } from './answers.js';
import type { EngineContext } from './context.js';
import { answerFaqEntry } from './faq-answer.js';
import { rankFaq } from './faq.js';
import { beginEscalation, cancelEscalation, chooseInstitution, confirmEscalation, declineEscalation } from './escalation.js';
import type { Lang } from './ids.js';
import { allTexts } from '../domain/lang.js';
import { knownLang, knownState, languageNamed } from './known.js';
import { mergeExtracted } from './facts.js';
import { caseAction, receiveCaseQuestion, takenForCase } from './case-reply.js';
import { commandIn, type Command } from './commands.js';
import { metaIntent, type MetaIntent } from './intents.js';
import { looksLikeName } from './names.js';
import { askTellMore, correctPrevious, offerPlaybooks, redirect, switchPlaybook, tellMore } from './redirect.js';
import { advance, answerNameCheck, applyButton, applyTyped, otherTopic, reask, startPlaybook } from './runner.js';
import { freshState, parseState } from './state.js';
import { normalize } from './text.js';
import { Turn } from './turn.js';
import type { CaseStatus, ConversationState, EngineInput, StepResult, TurnMeta } from './types.js';

/** Longer messages are cut before they are analysed; nothing in a question needs more. */
const MAX_TEXT = 4000;

export function step(prev: unknown, input: EngineInput, ctx: EngineContext, meta: TurnMeta): StepResult {
  // Parsing returns a fresh copy, so the caller's state is never changed (no clone needed).
  const restored = prev === null || prev === undefined ? freshState() : parseState(prev);
  const turn = new Turn(ctx, meta, restored ? knownState(restored, ctx.content) : freshState());
  if (!restored) turn.say(turn.t('state-reset'));
  turn.state.turn += 1;
  if (playbookChanged(turn) && (input.type === 'text' || input.type === 'action')) {
    return finish(turn);
  }
  handle(turn, input);
  return finish(turn);
}

function finish(turn: Turn): StepResult {
  return { state: turn.state, replies: turn.replies, effects: turn.effects };
}

/** A stored conversation whose playbook has since changed restarts it politely, keeping the facts. */
function playbookChanged(turn: Turn): boolean {
  const s = turn.state;
  if (!s.playbook || s.phase !== 'asking') return false;
  const current = turn.ctx.content.playbooks.get(s.playbook.id);
  if (current && current.rev === s.playbook.rev) return false;
  turn.say(turn.t('playbook-updated'));
  if (!current) {
    s.phase = 'idle';
    s.playbook = undefined;
    turn.showMenu();
    return true;
  }
  s.playbook = { id: current.id, rev: current.rev };
  s.step = current.start;
  s.answers = [];
  s.flags = [];
  s.screening = [];
  advance(turn);
  return true;
}

function handle(turn: Turn, input: EngineInput): void {
  switch (input.type) {
    case 'text':
      return handleText(turn, input.text);
    case 'action':
      return handleAction(turn, input.value, input.step);
    case 'start':
      return turn.ctx.content.playbooks.has(input.playbook) ? startPlaybook(turn, input.playbook) : turn.showMenu();
    case 'set-lang':
      return knownLang(input.lang, turn.ctx.content) ? setLang(turn, input.lang) : undefined;
    case 'case-question':
      return receiveCaseQuestion(turn, input.caseId, input.caseRef, input.text);
    case 'case-status':
      return caseStatus(turn, input.caseRef, input.status, input.advice);
  }
}

function setLang(turn: Turn, lang: Lang): void {
  turn.state.lang = lang;
  turn.state.langChosen = true;
  turn.say(turn.t('lang-set'));
  if (turn.state.phase === 'asking') reask(turn);
}

function caseStatus(turn: Turn, ref: string, status: CaseStatus, advice?: string): void {
  const s = turn.state;
  turn.say(turn.t(`case-status-${status}`, { ref, advice: advice ?? '' }));
  if (status === 'closed' && s.pendingCaseQuestion?.caseRef === ref) s.pendingCaseQuestion = undefined;
}

function restart(turn: Turn): void {
  const old = turn.state;
  const next: ConversationState = { ...freshState(old.lang), langChosen: old.langChosen, cases: old.cases, turn: old.turn };
  if (old.facts.institution !== undefined) next.facts.institution = old.facts.institution;
  if (old.pendingCaseQuestion) next.pendingCaseQuestion = old.pendingCaseQuestion;
  turn.state = next;
  turn.say(turn.t('restarted'));
  turn.showMenu();
}

function handleAction(turn: Turn, value: string, stepRef: string | undefined): void {
  const s = turn.state;
  const [kind, ...rest] = value.split(':');
  const arg = rest.join(':');
  switch (kind) {
    case 'start':
      if (turn.ctx.content.playbooks.has(arg)) return startPlaybook(turn, arg);
      return turn.showMenu();
    case 'switch':
      // Another playbook mid-way: the facts both ask about carry over.
      if (!turn.ctx.content.playbooks.has(arg)) return turn.showMenu();
      return s.playbook ? switchPlaybook(turn, arg) : startPlaybook(turn, arg);
    case 'more':
      return askTellMore(turn);
    case 'name':
      if (s.phase !== 'confirming-name') return staleOrMenu(turn);
      return answerNameCheck(turn, arg === 'yes');
    case 'menu':
      s.phase = s.phase === 'asking' ? 'asking' : 'idle';
      return turn.showMenu();
    case 'restart':
      return restart(turn);
    case 'continue':
      return reask(turn);
    case 'lang':
      if (knownLang(arg, turn.ctx.content)) return setLang(turn, arg);
      return;
    case 'faq': {
      const entry = turn.ctx.content.reference.faq.find((f) => f.id === arg);
      if (!entry) return turn.showMenu();
      const related = rankFaq(allTexts(entry.question).join(' '), turn.ctx.content.reference.faq)
        .map((r) => r.entry)
        .filter((e) => e.id !== entry.id);
      return answerFaqEntry(turn, entry, related);
    }
    case 'answer':
      // A click on the question's own buttons while its name check is open answers the question instead.
      if (s.phase === 'confirming-name' && (stepRef === undefined || stepRef === s.step)) {
        s.phase = 'asking';
        s.nameCheck = undefined;
      }
      if (s.phase !== 'asking' || (stepRef !== undefined && stepRef !== s.step)) {
        turn.say(turn.t('stale-click'));
        return reask(turn);
      }
      return applyButton(turn, arg);
    case 'escalate':
      // After "Not now" or "Cancel" the outcome still offers to send it, as long as it is the last one.
      if (s.phase === 'escalated' && s.outcome && arg === 'yes') return alreadySent(turn);
      if (!s.outcome || !RESUMABLE.has(s.phase)) return staleOrMenu(turn);
      return arg === 'yes' ? beginEscalation(turn) : declineEscalation(turn);
    case 'inst':
      if (s.phase !== 'choosing-institution') return staleOrMenu(turn);
      return chooseInstitution(turn, arg);
    case 'confirm':
      if (s.phase !== 'confirming') return staleOrMenu(turn);
      return arg === 'yes' ? confirmEscalation(turn) : cancelEscalation(turn);
    case 'case-reply':
    case 'case-send':
    case 'case-new':
    case 'case-answer':
      return caseAction(turn, kind, arg, handleMessage);
    default:
      turn.say(turn.t('not-understood'));
      return turn.showMenu();
  }
}

function staleOrMenu(turn: Turn): void {
  turn.say(turn.t('stale-click'));
  if (turn.state.phase === 'asking') reask(turn);
  else turn.showMenu();
}

function command(turn: Turn, text: string): Command | undefined {
  return commandIn(text, turn.ctx.content.lexicon.commands);
}

function handleText(turn: Turn, raw: string): void {
  const s = turn.state;
  const text = raw.slice(0, MAX_TEXT);
  if (normalize(text) === '') {
    turn.say(turn.t('empty'));
    return s.phase === 'asking' ? reask(turn) : turn.showMenu();
  }
  const named = languageNamed(text, turn.ctx.content);
  if (named !== undefined) return setLang(turn, named);
  switch (command(turn, text)) {
    case 'restart':
      return restart(turn);
    case 'help':
      if (s.phase === 'asking') {
        turn.showMenu();
        return reask(turn);
      }
      return turn.showMenu();
    case 'forget':
      return forget(turn);
    case 'english':
      return setLang(turn, 'en');
    case 'dutch':
      return setLang(turn, 'nl');
    case 'cancel':
      if (s.phase === 'confirming' || s.phase === 'choosing-institution') return cancelEscalation(turn);
      return restart(turn);
    default:
      break;
  }
  if (takenForCase(turn, text, handleMessage)) return;
  handleMessage(turn, text);
}

/** "forget me": the conversations go, the cases already sent stay with the institution, and the reply names them. */
function forget(turn: Turn): void {
  const s = turn.state;
  const sent = [...new Set([...(turn.meta.sentCases ?? []), ...s.cases])];
  turn.effects.push({ type: 'forget-user' });
  turn.state = { ...freshState(s.lang), langChosen: s.langChosen, turn: s.turn };
  turn.say(sent.length > 0 ? turn.t('forgotten-cases', { refs: sent.join(', ') }) : turn.t('forgotten'));
}

/** Phases in which the last outcome can still be sent to the contact point. */
const RESUMABLE = new Set(['outcome', 'idle', 'clarifying', 'telling-more']);

function alreadySent(turn: Turn): void {
  const ref = turn.state.cases[turn.state.cases.length - 1] ?? '';
  turn.menu(turn.t('already-sent', { ref }), [{ label: turn.t('new-question'), value: 'menu' }]);
}

/** "This is not about …", "I meant …", "send it after all", "not now": true when handled. */
function handleIntent(turn: Turn, intent: MetaIntent): boolean {
  const s = turn.state;
  switch (intent.kind) {
    case 'not-about':
    case 'meant':
      if (s.phase === 'choosing-institution' || s.phase === 'confirming' || s.phase === 'escalated') return false;
      if (s.phase === 'confirming-name') {
        s.phase = 'asking';
        s.nameCheck = undefined;
      }
      // "I meant China", "I meant Peking University": a correction of this answer or the one before, if it reads
      // as one; otherwise another topic.
      if (intent.kind === 'meant' && s.phase === 'asking' && (answersStrictly(turn, intent.rest) || correctPrevious(turn, intent.rest))) return true;
      return redirect(turn, intent);
    case 'send':
      if (!s.outcome || s.outcome.playbook === 'faq') return false;
      if (s.phase === 'escalated') {
        alreadySent(turn);
        return true;
      }
      if (s.phase === 'confirming') {
        confirmEscalation(turn);
        return true;
      }
      if (!RESUMABLE.has(s.phase)) return false;
      beginEscalation(turn);
      return true;
    case 'not-now':
      if (s.phase === 'outcome' && s.outcome) {
        declineEscalation(turn);
        return true;
      }
      if (s.phase === 'confirming' || s.phase === 'choosing-institution') {
        cancelEscalation(turn);
        return true;
      }
      return false;
  }
}

/** Answers the open question only by its firm readers (a choice, a country, a name, an institution), not a guess. */
function answersStrictly(turn: Turn, text: string): boolean {
  const s = turn.state;
  const node = s.step ? turn.playbook?.steps[s.step] : undefined;
  if (node?.type !== 'question' || node.input === 'domain' || node.input === 'text') return false;
  if (node.input === 'partner' && !looksLikeName(text, turn.ctx.understand.extract(text), turn.ctx.content)) return false;
  return applyTyped(turn, text);
}

function handleMessage(turn: Turn, text: string): void {
  const s = turn.state;
  const intent = metaIntent(text, turn.ctx.content);
  if (intent && handleIntent(turn, intent)) return;
  switch (s.phase) {
    case 'asking':
      if (intent?.kind === 'meant' && applyTyped(turn, intent.rest)) return;
      if (applyTyped(turn, text)) return;
      return notAnAnswer(turn, text);
    case 'confirming-name':
      if (saysYes(text, turn.ctx.content)) return answerNameCheck(turn, true);
      if (saysNo(text, turn.ctx.content)) return answerNameCheck(turn, false);
      // Another try at the name, or an answer of another kind.
      s.phase = 'asking';
      s.nameCheck = undefined;
      if (applyTyped(turn, text)) return;
      return notAnAnswer(turn, text);
    case 'telling-more':
      // Still not sure: the whole list of topics, never a dead end.
      if (isUnsure(text, turn.ctx.content)) {
        s.phase = 'idle';
        return turn.showMenu('tell-more-menu');
      }
      return tellMore(turn, text);
    case 'choosing-institution': {
      const id = matchInstitution(text, turn.ctx.content);
      if (id) return chooseInstitution(turn, id);
      if (saysNo(text, turn.ctx.content) || isUnsure(text, turn.ctx.content)) return chooseInstitution(turn, 'other');
      turn.say(turn.t('not-understood-institution'));
      return beginEscalation(turn);
    }
    case 'confirming':
      if (saysYes(text, turn.ctx.content)) return confirmEscalation(turn);
      if (saysNo(text, turn.ctx.content)) return cancelEscalation(turn);
      turn.say(turn.t('not-understood'));
      s.phase = 'outcome';
      return beginEscalation(turn);
    case 'clarifying': {
      const pick = /^\d$/.test(normalize(text)) ? s.clarify?.[Number(normalize(text)) - 1] : undefined;
      if (pick) return s.excluded !== undefined && s.playbook ? switchPlaybook(turn, pick) : startPlaybook(turn, pick);
      // "Not sure" at the clarifying question asks for one more sentence; it is no question of its own.
      if (isUnsure(text, turn.ctx.content)) return askTellMore(turn);
      // A clear question of its own starts afresh; anything else says more about the first one.
      const own = turn.ctx.understand.route(text);
      if (own.playbook && !own.clarify && s.excluded === undefined) return newQuestion(turn, text);
      return tellMore(turn, text);
    }
    case 'outcome':
      if (s.outcome && saysYes(text, turn.ctx.content)) return beginEscalation(turn);
      if (s.outcome && saysNo(text, turn.ctx.content)) return declineEscalation(turn);
      return newQuestion(turn, text);
    default:
      return newQuestion(turn, text);
  }
}

/** Typed text that does not answer the open question: another topic, or ask again. */
function notAnAnswer(turn: Turn, text: string): void {
  const other = otherTopic(turn, text);
  if (other) {
    const title = turn.ctx.content.playbooks.get(other)?.title[turn.state.lang] ?? other;
    turn.menu(turn.t('switch-topic', { title }), [
      { label: turn.t('switch-to', { title }), value: `switch:${other}` },
      { label: turn.t('continue'), value: 'continue' },
    ]);
    return;
  }
  const current_ = turn.playbook && turn.state.step ? turn.playbook.steps[turn.state.step] : undefined;
  const key =
    current_?.type === 'question' && current_.input === 'country'
      ? 'not-understood-country'
      : current_?.type === 'question' && current_.input === 'domain'
        ? 'not-understood-domain'
        : 'not-understood';
  turn.say(turn.t(key));
  reask(turn);
}

function newQuestion(turn: Turn, text: string): void {
  const s = turn.state;
  const u = turn.ctx.understand.route(text);
  if (!s.langChosen && u.lang) s.lang = u.lang;
  s.question = text;
  s.excluded = undefined;
  if (u.playbook && !u.clarify) return startPlaybook(turn, u.playbook, u.facts);
  const alternatives = [...(u.playbook ? [u.playbook] : []), ...u.alternatives.map((a) => a.playbook)].filter((id, i, all) => all.indexOf(id) === i);
  if (alternatives.length === 0) {
    s.phase = 'idle';
    turn.say(turn.t('off-topic'));
    return turn.showMenu('empty');
  }
  // Keep what was understood so that the chosen playbook does not ask it again.
  s.phase = 'clarifying';
  s.facts = mergeExtracted(s.facts.institution !== undefined ? { institution: s.facts.institution } : {}, u.facts);
  s.signals = u.facts.signals;
  offerPlaybooks(turn, alternatives.slice(0, 3), 'start');
}
