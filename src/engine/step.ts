// The engine: (state, input) → (state, replies, effects). Pure and deterministic: everything it needs
// from outside (time, a fresh id, who is talking) arrives in `meta`, everything it knows in `ctx`.
import { isUnsure, saysNo, saysYes, matchInstitution } from './answers.js';
import type { EngineContext } from './context.js';
import { answerFaqEntry } from './faq-answer.js';
import { rankFaq } from './faq.js';
import { beginEscalation, cancelEscalation, chooseInstitution, confirmEscalation, declineEscalation } from './escalation.js';
import type { Lang } from './ids.js';
import { allTexts, allWords } from '../domain/lang.js';
import { knownLang, knownState, languageNamed } from './known.js';
import { mergeExtracted } from './facts.js';
import { advance, applyButton, applyTyped, otherTopic, reask, startPlaybook } from './runner.js';
import { freshState, parseState } from './state.js';
import { normalize, roughlyEquals } from './text.js';
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
      turn.state.pendingCaseQuestion = { caseId: input.caseId, caseRef: input.caseRef };
      turn.menu(turn.t('case-question', { ref: input.caseRef, text: input.text }), [
        { label: turn.t('case-answer-later'), value: 'case-answer:later' },
      ]);
      return;
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
      if (s.phase !== 'asking' || (stepRef !== undefined && stepRef !== s.step)) {
        turn.say(turn.t('stale-click'));
        return reask(turn);
      }
      return applyButton(turn, arg);
    case 'escalate':
      if (s.phase !== 'outcome') return staleOrMenu(turn);
      return arg === 'yes' ? beginEscalation(turn) : declineEscalation(turn);
    case 'inst':
      if (s.phase !== 'choosing-institution') return staleOrMenu(turn);
      return chooseInstitution(turn, arg);
    case 'confirm':
      if (s.phase !== 'confirming') return staleOrMenu(turn);
      return arg === 'yes' ? confirmEscalation(turn) : cancelEscalation(turn);
    case 'case-answer':
      turn.say(turn.t('case-answer-postponed'));
      return;
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

type Command = keyof EngineContext['content']['lexicon']['commands'];

/** Command phrases, normalised once per loaded lexicon. */
const commandPhrases = new WeakMap<EngineContext['content']['lexicon']['commands'], Array<[Command, string[]]>>();

function phrasesOfCommands(commands: EngineContext['content']['lexicon']['commands']): Array<[Command, string[]]> {
  let list = commandPhrases.get(commands);
  if (!list) {
    list = (Object.keys(commands) as Command[]).map((name) => [name, allWords(commands[name]).map(normalize)]);
    commandPhrases.set(commands, list);
  }
  return list;
}

function command(turn: Turn, text: string): Command | undefined {
  const n = normalize(text);
  for (const [name, phrases] of phrasesOfCommands(turn.ctx.content.lexicon.commands)) {
    // No typos for a language: "Netherlands" typed as a country is not "nederlands".
    const exact = name === 'english' || name === 'dutch';
    if (phrases.some((p) => (exact ? n === p : roughlyEquals(n, p)))) return name;
  }
  return undefined;
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
      turn.effects.push({ type: 'forget-user' });
      turn.state = { ...freshState(s.lang), langChosen: s.langChosen, turn: s.turn };
      turn.say(turn.t('forgotten'));
      return;
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
  if (s.pendingCaseQuestion) {
    const { caseId, caseRef } = s.pendingCaseQuestion;
    turn.effects.push({ type: 'case-answer', caseId, caseRef, text });
    s.pendingCaseQuestion = undefined;
    turn.say(turn.t('case-answer-sent', { ref: caseRef }));
    return;
  }
  switch (s.phase) {
    case 'asking':
      if (applyTyped(turn, text)) return;
      return notAnAnswer(turn, text);
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
      if (pick) return startPlaybook(turn, pick);
      return newQuestion(turn, text);
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
      { label: turn.t('switch-to', { title }), value: `start:${other}` },
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
  if (u.playbook && !u.clarify) return startPlaybook(turn, u.playbook, u.facts);
  const alternatives = [...(u.playbook ? [u.playbook] : []), ...u.alternatives.map((a) => a.playbook)].filter(
    (id, i, all) => all.indexOf(id) === i,
  );
  if (alternatives.length === 0) {
    s.phase = 'idle';
    turn.say(turn.t('off-topic'));
    return turn.showMenu('empty');
  }
  // Keep what was understood so that the chosen playbook does not ask it again.
  s.phase = 'clarifying';
  s.facts = mergeExtracted(s.facts.institution !== undefined ? { institution: s.facts.institution } : {}, u.facts);
  s.signals = u.facts.signals;
  s.clarify = alternatives.slice(0, 3);
  turn.menu(turn.t('clarify'), [
    ...s.clarify.map((id) => ({ label: turn.ctx.content.playbooks.get(id)?.title[s.lang] ?? id, value: `start:${id}` })),
    { label: turn.t('something-else'), value: 'menu' },
  ]);
}
