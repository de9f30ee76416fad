// Walks a playbook graph: skips what is known, runs checks, asks the next question, ends in an outcome.
import { pick } from '../domain/lang.js';
import type { Goto, Playbook, QuestionStep } from '../content/schema/playbook.js';
import { isUnsure, matchChoice, matchInstitution, saysNo, type TypedAnswer } from './answers.js';
import { areasNamedIn, byField, namesFieldOutsideAreas, standardToolOfOtherField } from './areas.js';
import { runCheck } from './checks.js';
import { holds } from './conditions.js';
import { answerFaq } from './faq-answer.js';
import { factList, mergeExtracted } from './facts.js';
import { unsureFlag } from './flags.js';
import type { PlaybookId } from './ids.js';
import { buildOutcome } from './outcome.js';
import { countryName, summaryMarkdown } from './summary.js';
import { containsPhrase, normalize, normalizedList, tokens } from './text.js';
import type { Turn } from './turn.js';
import { looksLikeName, nameInside, namesInstitution } from './names.js';
import { byAlliedOnly, byNationality } from './nationalities.js';
import type { AnswerRecord, Choice, ExtractedFacts, Facts, ScreeningHit, ScreeningSummary } from './types.js';

const MAX_STEPS_PER_TURN = 200;
const MAX_FREE_TEXT = 200;
/** A text this long that ends in a question mark may ask something else. */
const QUESTION_WORDS = 5;

function resolveGoto(turn: Turn, goto: Goto | undefined): string | undefined {
  if (goto === undefined || typeof goto === 'string') return goto;
  const scope = { facts: turn.state.facts, flags: new Set(turn.state.flags) };
  return goto.find((branch) => holds(branch.when, scope))?.goto;
}

function addFlags(turn: Turn, flags: readonly string[]): void {
  for (const f of flags) if (!turn.state.flags.includes(f)) turn.state.flags.push(f);
}

function addHits(turn: Turn, hits: readonly ScreeningHit[]): void {
  for (const h of hits) {
    if (!turn.state.screening.some((s) => s.list === h.list && s.id === h.id)) turn.state.screening.push(h);
  }
}

/** `carried`: facts kept from the playbook the user is leaving (see redirect.ts); its signals stay too. */
export function startPlaybook(turn: Turn, id: PlaybookId, extracted?: ExtractedFacts, carried?: Facts, quiet = false): void {
  const pb = turn.ctx.content.playbooks.get(id);
  if (!pb) {
    turn.showMenu();
    return;
  }
  const s = turn.state;
  // Facts from a clarifying question belong to this question; otherwise only the user's own institution carries over.
  const keepSignals = s.phase === 'clarifying' || carried !== undefined;
  const kept = carried ?? (s.phase === 'clarifying' ? s.facts : s.facts.institution !== undefined ? { institution: s.facts.institution } : {});
  s.facts = extracted ? mergeExtracted(kept, extracted) : kept;
  if (extracted) s.signals = [...new Set([...(keepSignals ? s.signals : []), ...extracted.signals])];
  else if (!keepSignals) s.signals = [];
  s.excluded = undefined;
  s.nameCheck = undefined;
  s.playbook = { id, rev: pb.rev };
  s.step = pb.start;
  s.answers = [];
  s.flags = [];
  s.screening = [];
  s.screened = undefined;
  s.outcome = undefined;
  s.clarify = undefined;
  s.phase = 'asking';
  if (pb.intro && !quiet) turn.say(pick(pb.intro, s.lang));
  advance(turn);
}

function isKnown(q: QuestionStep, turn: Turn): boolean {
  const value = turn.state.facts[q.fact];
  if (value === undefined) return false;
  return Array.isArray(value) ? value.length > 0 : value !== '';
}

function labelFor(q: QuestionStep, value: string, turn: Turn): string {
  const lang = turn.state.lang;
  if (value === 'unsure') return turn.t('not-sure');
  const answer = q.answers.find((a) => a.value === value);
  if (answer) return pick(answer.label, lang);
  return value;
}

function record(turn: Turn, stepId: string, q: QuestionStep, value: string, label: string, typed: boolean, inferred: boolean): void {
  const rec: AnswerRecord = { step: stepId, fact: q.fact, question: pick(q.text, turn.state.lang), value, label, typed, inferred };
  turn.state.answers = [...turn.state.answers.filter((a) => a.step !== stepId), rec];
}

/**
 * Records an answer (typed, clicked or inferred), raises its flags and moves on. `also`: the other answers named with it
 * on a question that takes several; with `keepsAll` the fact keeps them all ("samples by courier, the code via GitHub,
 * and a summer-school tutorial" is three ways it is shared), so later questions and the outcome see each.
 */
function applyAnswer(
  turn: Turn,
  stepId: string,
  q: QuestionStep,
  value: string,
  label: string,
  typed: boolean,
  inferred: boolean,
  also: readonly string[] = [],
): void {
  const s = turn.state;
  let next: string | undefined;
  if (value === 'unsure') {
    if (!isKnown(q, turn)) s.facts[q.fact] = q.input === 'country' || q.input === 'domain' ? ['unsure'] : 'unsure';
    addFlags(turn, [unsureFlag(q.fact), ...q.unsure.flags]);
    next = q.unsure.next;
  } else {
    const answer = q.answers.find((a) => a.value === value);
    if (answer) {
      const others = q.several && q.keepsAll ? also.filter((v) => v !== value && q.answers.some((a) => a.value === v)) : [];
      // "CSC voor de beurs, ons deel uit BOF": on a question that keeps all it names, what was already known of the
      // fact stays beside it (an FWO project told at the start), and the one that asks the most caution comes first.
      const before = q.keepsAll ? factList(s.facts[q.fact]).filter((v) => v !== 'unsure' && v !== value && !others.includes(v)) : [];
      const order = (v: string): number => {
        const i = (q.several ?? []).indexOf(v);
        return i < 0 ? Number.MAX_SAFE_INTEGER : i;
      };
      const all = [value, ...others, ...before];
      s.facts[q.fact] = all.length > 1 ? (before.length > 0 ? all.sort((x, y) => order(x) - order(y)) : all) : value;
      addFlags(turn, answer.flags);
      next = answer.next;
    }
  }
  record(turn, stepId, q, value, label, typed, inferred);
  s.step = next ?? resolveGoto(turn, q.next);
}

/** The recorded answer's label, with the others named with it ("Software (also: samples)"). */
function labelWithAlso(turn: Turn, q: QuestionStep, value: string, also: readonly string[]): string {
  const main = labelFor(q, value, turn);
  return also.length ? turn.t('answer-also', { label: main, others: also.map((v) => labelFor(q, v, turn)).join('; ') }) : main;
}

/** The flags of the other answers named with the recorded one (`several`): each of them is so too. */
function alsoFlags(q: QuestionStep, also: readonly string[] | undefined): string[] {
  return (also ?? []).flatMap((v) => q.answers.find((a) => a.value === v)?.flags ?? []);
}

/**
 * A typed answer that also answers later questions (`answersAlso`): their fact is filled with what the text names
 * clearly, the recorded answer first and the others after it, so they are taken rather than asked.
 */
function answerLaterToo(turn: Turn, q: QuestionStep, text: string): void {
  const pb = turn.playbook;
  for (const later of q.answersAlso ?? []) {
    const node = pb?.steps[later];
    if (node?.type !== 'question' || isKnown(node, turn) || (node.input !== 'choice' && node.input !== 'yesno')) continue;
    // What the words imply for a question not asked yet is asked there, not assumed (`implied`).
    const m = matchChoice(node, text, turn.ctx.content, turn.state.lang, undefined, { implied: false });
    if (m.kind !== 'answer') continue;
    let values = [m.value, ...(m.also ?? [])];
    // What was said before still holds: an "online masterclass" in the opening is a lecture, and the slides to download
    // named now are what the lecture shares, not another way (the signalled answer `includes` it).
    const signalled = (signalledAnswers(turn, node) ?? []).filter((v) => !values.includes(v) && node.several?.includes(v));
    if (signalled.length > 0) {
      const included = node.answers.filter((a) => signalled.includes(a.value)).flatMap((a) => a.includes ?? []);
      values = [...signalled, ...values.filter((v) => !included.includes(v))];
    }
    turn.state.facts[node.fact] = values.length > 1 ? values : (values[0] ?? m.value);
  }
}

/** Turns a known fact into the answer it implies, so the question is skipped but still on the card. */
function applyKnown(turn: Turn, stepId: string, q: QuestionStep): void {
  const value = turn.state.facts[q.fact];
  const lang = turn.state.lang;
  const values = factList(value);
  if (values.includes('unsure')) {
    applyAnswer(turn, stepId, q, 'unsure', turn.t('not-sure'), false, true);
    return;
  }
  let label = values.join(', ');
  if (q.input === 'country') label = values.map((c) => countryName(c, lang)).join(', ');
  if (q.input === 'domain') {
    label = values
      .map((d) => turn.ctx.content.reference.techAreas.find((a) => a.id === d)?.name ?? null)
      .map((name) => (name ? pick(name, lang) : turn.t('domain-none')))
      .join(', ');
  }
  if (q.input === 'institution') label = turn.ctx.content.reference.contactPoints.find((c) => c.id === values[0])?.name ?? label;
  const single = values[0] ?? '';
  if ((q.input === 'choice' || q.input === 'yesno') && (values.length === 1 || q.several) && q.answers.some((a) => a.value === single)) {
    // Several answers taken from what was said (`several`): the first is recorded, the others are on the card.
    const also = q.several ? values.slice(1).filter((v) => q.answers.some((a) => a.value === v)) : [];
    applyAnswer(turn, stepId, q, single, labelWithAlso(turn, q, single, also), false, true, also);
    addFlags(turn, alsoFlags(q, also));
    return;
  }
  // Several values known ("a CSC scholarship, attached to my FWO project"): every one stays, with its flags.
  const matched = q.answers.filter((a) => values.includes(a.value));
  if (q.input === 'choice' || q.input === 'yesno') label = values.map((v) => labelFor(q, v, turn)).join(', ');
  record(turn, stepId, q, values.join(','), label, false, true);
  for (const a of matched) addFlags(turn, a.flags);
  turn.state.step = matched[0]?.next ?? resolveGoto(turn, q.next);
}

/**
 * Where the defence money comes from, by the country of the defence bodies named (fact `defenceFunders`: "the Saudi
 * Ministry of Defence offered to fund"): the answers that say that origin (`funderOrigin`) join what is known, in the
 * question's `several` order (the one that asks the most caution first, G:635-637), so the question is not asked.
 */
function addFunderOrigin(turn: Turn, q: QuestionStep): void {
  const withOrigin = q.answers.filter((a) => a.funderOrigin !== undefined);
  const countries = countryCodes(turn.state.facts.defenceFunders);
  if (withOrigin.length === 0 || countries.length === 0) return;
  const { eu, alliedOutsideEu, defencePartners } = turn.ctx.content.rules;
  const allied = new Set([...eu, ...alliedOutsideEu, ...defencePartners]);
  const origins = new Set(countries.map((c) => (allied.has(c) ? 'allied' : 'elsewhere')));
  const known = factList(turn.state.facts[q.fact]).filter((v) => v !== 'unsure');
  const given = withOrigin.filter((a) => a.funderOrigin !== undefined && origins.has(a.funderOrigin) && !known.includes(a.value)).map((a) => a.value);
  if (given.length === 0) return;
  const order = (v: string): number => {
    const i = (q.several ?? []).indexOf(v);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  turn.state.facts[q.fact] = [...given, ...known].sort((x, y) => order(x) - order(y));
}

/** An answer implied by a situation recognised in what the user said (signals). */
function inferFromSignals(turn: Turn, q: QuestionStep): string | undefined {
  return signalledAnswers(turn, q)?.[0];
}

/**
 * The answers implied by the situations recognised (signals). Two answers signalled at once ("Research and Innovation
 * Action" also says "innovation action") is no answer: the question is asked. On a question that takes several
 * (`several`), each of them is an answer ("a tutorial at the summer school; I e-mailed them the code"), in its order.
 */
function signalledAnswers(turn: Turn, q: QuestionStep): string[] | undefined {
  const signals = new Set(turn.state.signals);
  const found = q.answers.filter((a) => a.signals.some((sig) => signals.has(sig))).map((a) => a.value);
  if (found.length === 1) return found;
  const order = q.several;
  if (found.length > 1 && order && found.every((v) => order.includes(v))) return order.filter((v) => found.includes(v));
  return undefined;
}

function choicesFor(turn: Turn, q: QuestionStep): Choice[] {
  const lang = turn.state.lang;
  const unsure = { label: turn.t('not-sure'), value: 'answer:unsure' };
  switch (q.input) {
    case 'choice':
    case 'yesno':
      return [...q.answers.map((a) => ({ label: pick(a.label, lang), value: `answer:${a.value}` })), unsure];
    case 'domain':
      return [
        ...turn.ctx.content.reference.techAreas.map((a) => ({ label: pick(a.name, lang), value: `answer:${a.id}` })),
        { label: turn.t('domain-none'), value: 'answer:none' },
        unsure,
      ];
    case 'institution':
      return [...turn.ctx.content.reference.contactPoints.map((c) => ({ label: c.short, value: `answer:${c.id}` })), unsure];
    default:
      return [unsure];
  }
}

const TYPE_HINT: Record<QuestionStep['input'], string> = {
  choice: 'type-hint-choice',
  yesno: 'type-hint-choice',
  country: 'type-hint-country',
  domain: 'type-hint-domain',
  partner: 'type-hint-partner',
  text: 'type-hint-text',
  institution: 'type-hint-choice',
};

function ask(turn: Turn, stepId: string, q: QuestionStep): void {
  const lang = turn.state.lang;
  turn.replies.push({
    kind: 'question',
    text: pick(q.text, lang),
    ...(q.help ? { help: pick(q.help, lang) } : {}),
    step: stepId,
    choices: choicesFor(turn, q),
    typeHint: turn.t(TYPE_HINT[q.input]),
    ...(q.input === 'partner' || q.input === 'country' ? { structured: true } : {}),
    ...(q.input === 'partner' ? { form: { field: q.fact, label: turn.t('form-partner-label'), placeholder: turn.t('form-partner-placeholder') } } : {}),
  });
  turn.state.phase = 'asking';
}

function currentQuestion(turn: Turn): { id: string; q: QuestionStep } | undefined {
  const pb = turn.playbook;
  const id = turn.state.step;
  if (!pb || !id) return undefined;
  const node = pb.steps[id];
  return node && node.type === 'question' ? { id, q: node } : undefined;
}

/** Re-asks the current question (after a language change or a stale click). */
export function reask(turn: Turn): void {
  const current = currentQuestion(turn);
  if (current && turn.state.phase === 'asking') ask(turn, current.id, current.q);
  else turn.showMenu();
}

export function advance(turn: Turn): void {
  const pb = turn.playbook;
  const s = turn.state;
  if (!pb) return turn.showMenu();
  for (let guard = 0; guard < MAX_STEPS_PER_TURN; guard++) {
    const id = s.step;
    const node = id ? pb.steps[id] : undefined;
    if (!id || !node) break; // content check rules this out; fall through to a polite reset
    const scope = { facts: s.facts, flags: new Set(s.flags) };
    if ((node.type === 'question' || node.type === 'check') && node.when && !holds(node.when, scope)) {
      s.step = resolveGoto(turn, node.next);
      continue;
    }
    switch (node.type) {
      case 'question': {
        addFunderOrigin(turn, node);
        if (isKnown(node, turn)) {
          applyKnown(turn, id, node);
          continue;
        }
        const [inferred, ...also] = signalledAnswers(turn, node) ?? [];
        if (inferred) {
          applyAnswer(turn, id, node, inferred, labelWithAlso(turn, node, inferred, also), false, true, also);
          addFlags(turn, alsoFlags(node, also));
          continue;
        }
        ask(turn, id, node);
        return;
      }
      case 'check': {
        const result = runCheck(node.check, s, turn.ctx);
        addFlags(turn, result.flags);
        addHits(turn, result.hits);
        if (result.screened) {
          s.screened = result.screened;
          turn.say(screeningReport(turn, result.hits, result.screened));
        }
        s.step = resolveGoto(turn, node.next);
        continue;
      }
      case 'outcome': {
        finishOutcome(turn, pb, id);
        return;
      }
      case 'faq': {
        answerFaq(turn, s.question ?? '');
        return;
      }
    }
  }
  turn.say(turn.t('state-reset'));
  s.phase = 'idle';
  turn.showMenu();
}

/** What screening found, said as soon as the partner is named: hits with list and date, or none — never a clearance. */
function screeningReport(turn: Turn, hits: readonly ScreeningHit[], screened: ScreeningSummary): string {
  const lines = hits.map((h) => `• ${h.name} — ${h.listName} (${h.listDate}): ${h.match ? turn.t('screening-match') : turn.t('screening-possible')}`);
  if (hits.length === 0) lines.push(turn.t('screening-none', { name: screened.names.join(', ') }));
  lines.push(turn.t('screening-lists', { lists: screened.lists.map((l) => `${l.name} (${l.date})`).join('; ') }));
  for (const n of screened.notChecked ?? []) lines.push(turn.t(`screening-not-checked-${n.reason}`, { name: n.name }));
  for (const l of screened.lists.filter((x) => x.stale)) lines.push(turn.t('screening-stale', { name: l.name, date: l.date }));
  lines.push(turn.t('screening-disclaimer'));
  return lines.join('\n');
}

function finishOutcome(turn: Turn, pb: Playbook, stepId: string): void {
  const node = pb.steps[stepId];
  if (node?.type !== 'outcome') return;
  const s = turn.state;
  const outcome = buildOutcome(pb, node, s, turn.ctx.content);
  s.outcome = outcome;
  s.phase = 'outcome';
  turn.replies.push({ kind: 'outcome', outcome, summaryMarkdown: summaryMarkdown(outcome, s.facts, s.answers, turn.ctx.content, s.lang) });
  if (outcome.escalate) {
    // "The guideline asks you to involve ..." only where a duty requires it; otherwise help is offered (G:525-526).
    turn.menu(turn.t(outcome.escalation === 'required' ? 'escalate-offer' : 'escalate-offer-help'), [
      { label: turn.t('escalate-yes'), value: 'escalate:yes' },
      { label: turn.t('escalate-no'), value: 'escalate:no' },
    ]);
  } else {
    turn.menu(turn.t('escalate-optional'), [
      { label: turn.t('escalate-yes-anyway'), value: 'escalate:yes' },
      { label: turn.t('new-question'), value: 'menu' },
    ]);
  }
}

/** A button click on the current question. */
export function applyButton(turn: Turn, value: string): void {
  const current = currentQuestion(turn);
  if (!current) return turn.showMenu();
  const { id, q } = current;
  const s = turn.state;
  const lang = s.lang;
  if (value === 'unsure') {
    applyAnswer(turn, id, q, 'unsure', turn.t('not-sure'), false, false);
  } else if (q.input === 'domain') {
    const area = turn.ctx.content.reference.techAreas.find((a) => a.id === value);
    if (!area && value !== 'none') return reask(turn);
    s.facts[q.fact] = [value];
    record(turn, id, q, value, area ? pick(area.name, lang) : turn.t('domain-none'), false, false);
    s.step = resolveGoto(turn, q.next);
  } else if (q.input === 'institution') {
    const cp = turn.ctx.content.reference.contactPoints.find((c) => c.id === value);
    if (!cp) return reask(turn);
    s.facts[q.fact] = cp.id;
    record(turn, id, q, cp.id, cp.name, false, false);
    s.step = resolveGoto(turn, q.next);
  } else {
    if (!q.answers.some((a) => a.value === value)) return reask(turn);
    applyAnswer(turn, id, q, value, labelFor(q, value, turn), false, false);
  }
  advance(turn);
}

/** Typed text while a question is open. Returns false when the text did not answer it. */
/** A typed text that is not an answer switches topic only when it clearly is another question. */
const SWITCH_CONFIDENCE = 0.7;
const ASKED_SWITCH_CONFIDENCE = 0.4;

/** The playbook a typed text clearly asks about, when it is not the current one. */
export function otherTopic(turn: Turn, text: string): PlaybookId | undefined {
  const u = turn.ctx.understand.route(text);
  const current = turn.state.playbook?.id;
  // A question of its own ("…?") is only offered as a switch, so a weaker signal is enough.
  const needed = /\?\s*$/.test(text) ? ASKED_SWITCH_CONFIDENCE : SWITCH_CONFIDENCE;
  if (u.playbook && u.playbook !== current && u.playbook !== 'faq' && !u.clarify && u.confidence >= needed && tokens(text).length >= 5) return u.playbook;
  return undefined;
}

function opensOtherTopic(turn: Turn, text: string): boolean {
  return otherTopic(turn, text) !== undefined;
}

export function applyTyped(turn: Turn, text: string): boolean {
  const current = currentQuestion(turn);
  if (!current) return false;
  const { id, q } = current;
  const s = turn.state;
  const lang = s.lang;
  const shown = text.trim().slice(0, MAX_FREE_TEXT);
  // Choice questions read "not sure" in matchChoice, where an answer of their own ("I don't know who owns it") can win.
  const readsChoices = q.input === 'choice' || q.input === 'yesno';
  if (!readsChoices && q.input !== 'text' && isUnsure(text, turn.ctx.content)) {
    applyAnswer(turn, id, q, 'unsure', turn.t('not-sure'), true, false);
    understood(turn, turn.t('not-sure'));
    advance(turn);
    return true;
  }
  // A question of its own about another topic ("do I need an export licence to …?") is no answer to this one.
  if (/\?\s*$/.test(text) && tokens(text).length >= QUESTION_WORDS && opensOtherTopic(turn, text)) return false;
  const extracted = turn.ctx.understand.extract(text);
  switch (q.input) {
    case 'country': {
      if (extracted.countries.length === 0) return false;
      s.facts = mergeExtracted(s.facts, extracted);
      s.facts[q.fact] = [...new Set([...factList(s.facts[q.fact]).filter((c) => c !== 'unsure'), ...extracted.countries])];
      record(turn, id, q, extracted.countries.join(','), shown, true, false);
      understood(turn, extracted.countries.map((c) => countryName(c, lang)).join(', '));
      s.step = resolveGoto(turn, q.next);
      break;
    }
    case 'domain': {
      const areas = turn.ctx.content.reference.techAreas;
      const n = normalize(text);
      // The router's vocabulary first; otherwise the words of the areas' own names, if they point to one area.
      const named = areasNamedIn(text, areas, turn.ctx.content.lexicon);
      const toolOnly = standardToolOfOtherField(text, turn.ctx.content.lexicon);
      const domains = toolOnly ? [] : extracted.domains.length > 0 ? [...extracted.domains] : named.length === 1 ? named : [];
      const none =
        toolOnly ||
        saysNo(text, turn.ctx.content) ||
        containsPhrase(n, normalize(turn.t('domain-none'))) ||
        namesFieldOutsideAreas(text, turn.ctx.content.lexicon);
      if (domains.length === 0 && !none) return false;
      s.facts = mergeExtracted(s.facts, extracted);
      // The technology named is what the derive rules read ("facial recognition", "drones"; rules.yaml `derive`).
      const read = new Set(turn.ctx.content.rules.derive.flatMap((d) => d.when.signals ?? []));
      s.signals = [...new Set([...s.signals, ...extracted.signals.filter((sig) => read.has(sig))])];
      s.facts[q.fact] = domains.length ? domains : ['none'];
      record(turn, id, q, domains.join(',') || 'none', shown, true, false);
      understood(turn, domains.length ? domains.map((d) => areas.find((a) => a.id === d)?.name[lang] ?? d).join(', ') : turn.t('domain-none'));
      s.step = resolveGoto(turn, q.next);
      break;
    }
    case 'partner':
    case 'text': {
      if (shown === '') return false;
      // A sentence is never taken (and screened) as a name without asking: the name inside it is what is asked
      // about ("… it falls under the State Authority for Military Industry"), and the facts it tells (country, kind) are kept.
      if (q.input === 'partner' && !looksLikeName(shown, extracted, turn.ctx.content)) {
        s.facts = mergeExtracted(s.facts, extracted);
        askNameCheck(turn, id, nameInside(shown, turn.ctx.content) ?? shown);
        return true;
      }
      s.facts = mergeExtracted(s.facts, extracted);
      s.facts[q.fact] = shown;
      record(turn, id, q, shown, shown, true, false);
      s.step = resolveGoto(turn, q.next);
      break;
    }
    case 'institution': {
      const cp = matchInstitution(text, turn.ctx.content);
      if (!cp) return false;
      s.facts[q.fact] = cp;
      record(turn, id, q, cp, shown, true, false);
      understood(turn, turn.ctx.content.reference.contactPoints.find((c) => c.id === cp)?.name ?? cp);
      s.step = resolveGoto(turn, q.next);
      break;
    }
    default: {
      const read = byAlliedOnly(q, extracted.countries, turn.ctx.content, (exclude) => matchChoice(q, text, turn.ctx.content, lang, exclude));
      const words =
        outsideEuByCountry(turn, q, extracted) ??
        sharedWithKnownPartners(
          turn,
          q,
          text,
          byField(q, text, extracted.domains, turn.ctx.content, byNationality(q, extracted.countries, turn.ctx.content, read, text)),
        );
      // "University of Tehran, faculteit letteren" for "Is the home institution known for defence research?": a name,
      // not an answer. Its ties are a point to check with the contact point; the name goes to the screening.
      // "Nanjing University, School of Electronic Science …", "een technische universiteit in Ankara, haar labo heet …":
      // a name, or a description of an institution, in the opening clause, or a name inside the text, is such a name too.
      const nameOnly = words.kind === 'none' && q.input === 'yesno' && q.dimension === 'partner' && namesInstitution(shown, extracted, turn.ctx.content);
      if (nameOnly) s.facts = mergeExtracted(s.facts, extracted);
      // "HIT is known for defence research" for "Is the partner tied to the military?", where HIT was named as the
      // co-authors' university beside the partner: it says again what the co-authors' institution is (a point of
      // attention, G:128-130), not whether the partner itself has such ties. Read as not known for the partner.
      const coAuthors = new Set(factList(s.facts.coAuthors));
      const aboutCoAuthors =
        q.input === 'yesno' && q.dimension === 'partner' && extracted.institutions.length > 0 && extracted.institutions.every((i) => coAuthors.has(i.id));
      const match: TypedAnswer = nameOnly || (aboutCoAuthors && words.kind === 'answer') ? { kind: 'unsure' } : words;
      // The contact point reads the answer as the button says it; `typed` tells it was typed.
      if (match.kind === 'answer') {
        // Several answers named at once: the first is recorded, all are on the card and in the echo.
        const label = labelWithAlso(turn, q, match.value, match.also ?? []);
        applyAnswer(turn, id, q, match.value, label, true, false, match.also);
        addFlags(turn, alsoFlags(q, match.also));
        understood(turn, label);
        answerLaterToo(turn, q, text);
      } else if (match.kind === 'unsure') {
        applyAnswer(turn, id, q, 'unsure', turn.t('not-sure'), true, false);
        understood(turn, turn.t('not-sure'));
      }
      // It names two answers, or one only to deny it ("not a university"): ask again, read nothing into it.
      else if (match.kind === 'unclear') return false;
      else {
        // Clearly another question: let the caller offer to switch rather than read an answer into it.
        if (opensOtherTopic(turn, text)) return false;
        // Not an answer, but it may carry facts that answer this question ("it's a company in Malta").
        s.facts = mergeExtracted(s.facts, extracted);
        s.signals = [...new Set([...s.signals, ...extracted.signals])];
        if (!isKnown(q, turn) && !inferFromSignals(turn, q)) return false;
      }
    }
  }
  advance(turn);
  return true;
}

/**
 * "Canada" typed for "Is the recipient outside the EU?": the countries named answer it, by the EU list in
 * rules.yaml (G:337-341). Only for the yes/no questions rules.yaml names in `explicitOutsideEuFacts`.
 */
function outsideEuByCountry(turn: Turn, q: QuestionStep, extracted: ExtractedFacts): TypedAnswer | undefined {
  const { eu, explicitOutsideEuFacts } = turn.ctx.content.rules;
  if (q.input !== 'yesno' || !explicitOutsideEuFacts.includes(q.fact) || extracted.countries.length === 0) return undefined;
  const value = extracted.countries.some((c) => !eu.includes(c)) ? 'yes' : 'no';
  return q.answers.some((a) => a.value === value) ? { kind: 'answer', value } : undefined;
}

/** The ISO codes among a fact's values, without "not sure". */
function countryCodes(v: Facts[string] | undefined): string[] {
  return factList(v).filter((c) => /^[A-Z]{2}$/.test(c));
}

/**
 * "They want quarterly code deliveries", "drafts of text by email" typed for "Would results, software or know-how go to
 * partners outside the EU?": what is shared, not where. It goes to the partners, so what is known of them says where
 * (G:337-341): a paying defence body outside the EU is a yes, all countries known inside the EU a no, any other
 * country outside the EU leaves it unsure. Only when the words gave no answer, the text names
 * something shared (lexicon `sharedThings`) and the countries are known.
 */
function sharedWithKnownPartners(turn: Turn, q: QuestionStep, text: string, match: TypedAnswer): TypedAnswer {
  const { eu, explicitOutsideEuFacts } = turn.ctx.content.rules;
  if (match.kind !== 'none' || q.input !== 'yesno' || !explicitOutsideEuFacts.includes(q.fact)) return match;
  const countries = countryCodes(turn.state.facts.countries);
  if (countries.length === 0) return match;
  const n = normalize(text);
  if (!normalizedList(turn.ctx.content.lexicon.sharedThings).some((t) => containsPhrase(n, t))) return match;
  // A foreign defence body that pays is a partner it goes to (fact `defenceFunders`); a country outside the EU named
  // elsewhere in the story may be only the topic ("peacekeepers in Rwanda"), so it leaves where unsure.
  const funders = countryCodes(turn.state.facts.defenceFunders);
  if (funders.some((c) => !eu.includes(c)) && q.answers.some((a) => a.value === 'yes')) return { kind: 'answer', value: 'yes' };
  if (countries.some((c) => !eu.includes(c))) return { kind: 'unsure' };
  return q.answers.some((a) => a.value === 'no') ? { kind: 'answer', value: 'no' } : match;
}

/** One short line that says how a typed answer was read, so a misreading shows at once. Never for a click. */
function understood(turn: Turn, label: string): void {
  if (label !== '') turn.say(turn.t('understood', { label }));
}

/** "Is 'they want the test data' the organisation's name?" */
function askNameCheck(turn: Turn, stepId: string, text: string): void {
  turn.state.nameCheck = { step: stepId, text };
  turn.state.phase = 'confirming-name';
  turn.menu(turn.t('name-check', { text }), [
    { label: turn.t('name-check-yes'), value: 'name:yes' },
    { label: turn.t('name-check-no'), value: 'name:no' },
  ]);
}

/** The answer to the name check: yes takes the text as the name, no asks for the name again. */
export function answerNameCheck(turn: Turn, yes: boolean): void {
  const s = turn.state;
  const check = s.nameCheck;
  s.nameCheck = undefined;
  s.phase = 'asking';
  const pb = turn.playbook;
  const node = check && pb ? pb.steps[check.step] : undefined;
  if (!check || !node || node.type !== 'question' || s.step !== check.step) return reask(turn);
  if (!yes) {
    turn.say(turn.t('name-check-again'));
    return ask(turn, check.step, node);
  }
  s.facts[node.fact] = check.text;
  record(turn, check.step, node, check.text, check.text, true, false);
  s.step = resolveGoto(turn, node.next);
  advance(turn);
}
