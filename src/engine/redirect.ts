// Changing playbook mid-way: "this is not about hiring", "I meant a visiting researcher", another topic, or
// "None of these: tell me more". The router decides on what the user said; facts both playbooks ask for carry over.
import { mergeExtracted } from './facts.js';
import type { MetaIntent } from './intents.js';
import type { PlaybookId } from './ids.js';
import { applyTyped, startPlaybook } from './runner.js';
import { normalize } from './text.js';
import type { Turn } from './turn.js';
import type { Facts, Understanding } from './types.js';

/** Confidence the router needs to start a playbook without asking, on a text the user offers as a correction. */
const REDIRECT_CONFIDENCE = 0.5;
/** A playbook title word this long, or its first letters, names the topic ("hiring" / "aanwerving" ~ "aanwerven"). */
const TITLE_STEM = 5;
/** At most this many playbooks in a menu of alternatives. */
const MAX_OPTIONS = 3;

/**
 * The facts of the conversation that the next playbook also asks about, plus the user's institution and who funds
 * the work: the funder decides restrictions and duties in every playbook (FWO approval, Horizon Europe's Article
 * 22(5)), asked there or not.
 */
function carriedFacts(turn: Turn, to: PlaybookId): Facts {
  const pb = turn.ctx.content.playbooks.get(to);
  const s = turn.state;
  const names = new Set(['institution', 'funders']);
  for (const node of Object.values(pb?.steps ?? {})) if (node.type === 'question') names.add(node.fact);
  const kept: Facts = {};
  for (const [name, value] of Object.entries(s.facts)) if (names.has(name)) kept[name] = value;
  return kept;
}

/** Starts another playbook mid-way, keeping the shared facts, and says so. */
export function switchPlaybook(turn: Turn, id: PlaybookId, said?: string): void {
  const s = turn.state;
  const carried = carriedFacts(turn, id);
  // The situations come from everything the user said, less what they denied.
  const text = [s.question ?? '', said ?? ''].join(' ').trim();
  const extracted = said ? turn.ctx.understand.extract(said) : undefined;
  s.signals = text ? turn.ctx.understand.extract(text).signals : [];
  if (said) s.question = [s.question, said].filter(Boolean).join(' ');
  const title = turn.ctx.content.playbooks.get(id)?.title[s.lang] ?? id;
  turn.say(turn.t(Object.keys(carried).some((k) => k !== 'institution') ? 'switched-kept' : 'switched', { title }));
  startPlaybook(turn, id, extracted, carried);
}

interface Routed {
  /** A playbook the router is sure of. */
  pick?: PlaybookId;
  /** Playbooks that fit, best first. */
  options: PlaybookId[];
  u: Understanding;
}

/** Routes a text, leaving out the playbooks the user said it is not about. */
function routeExcluding(turn: Turn, text: string, excluded: readonly PlaybookId[]): Routed {
  const u = turn.ctx.understand.route(text);
  const options = [...(u.playbook ? [u.playbook] : []), ...u.alternatives.map((a) => a.playbook)]
    .filter((id, i, all) => all.indexOf(id) === i && !excluded.includes(id) && id !== 'faq')
    .slice(0, MAX_OPTIONS);
  const sure = u.playbook !== null && !excluded.includes(u.playbook) && !u.clarify && u.confidence >= REDIRECT_CONFIDENCE;
  return { ...(sure && u.playbook ? { pick: u.playbook } : {}), options, u };
}

/** True when the words name this playbook: the router places them there, or they are its title's words. */
function namesPlaybook(turn: Turn, words: string, id: PlaybookId): boolean {
  const n = normalize(words);
  if (n === '') return false;
  const u = turn.ctx.understand.route(words);
  if (u.playbook === id) return true;
  const pb = turn.ctx.content.playbooks.get(id);
  if (!pb) return false;
  const stems = [pb.title.en, pb.title.nl]
    .flatMap((t) => normalize(t).split(' '))
    .filter((w) => w.length >= TITLE_STEM)
    .map((w) => w.slice(0, TITLE_STEM));
  return n.split(' ').some((w) => w.length >= TITLE_STEM && stems.includes(w.slice(0, TITLE_STEM)));
}

/** The clarifying menu: the fitting playbooks and, always, "None of these: tell me more". */
export function offerPlaybooks(turn: Turn, options: readonly PlaybookId[], action: 'start' | 'switch', textKey = 'clarify'): void {
  const s = turn.state;
  s.phase = 'clarifying';
  s.clarify = [...options];
  turn.menu(turn.t(textKey), [
    ...options.map((id) => ({ label: turn.ctx.content.playbooks.get(id)?.title[s.lang] ?? id, value: `${action}:${id}` })),
    { label: turn.t('tell-more-choice'), value: 'more' },
  ]);
}

/** "None of these: tell me more": one more sentence, routed together with what was said. */
export function askTellMore(turn: Turn, textKey = 'tell-more'): void {
  turn.state.phase = 'telling-more';
  turn.say(turn.t(textKey));
}

/** The extra sentence after "tell me more": route it with the question; start, offer, or show the topics. */
export function tellMore(turn: Turn, text: string): void {
  const s = turn.state;
  const excluded = s.excluded ?? [];
  const combined = [s.question ?? '', text].join(' ').trim();
  const alone = routeExcluding(turn, text, excluded);
  const both = routeExcluding(turn, combined, excluded);
  const pick = alone.pick ?? both.pick;
  // Redirecting away from a playbook mid-way carries its facts; a fresh question does not.
  const redirecting = s.excluded !== undefined && s.playbook !== undefined;
  if (pick) return redirecting ? switchPlaybook(turn, pick, text) : startFromClarify(turn, pick, combined);
  const options = [...both.options, ...alone.options].filter((id, i, all) => all.indexOf(id) === i).slice(0, MAX_OPTIONS);
  s.question = combined;
  // Keep what was understood, so that the playbook picked from the menu does not ask it again.
  s.facts = mergeExtracted(s.facts, both.u.facts);
  s.signals = [...new Set([...s.signals, ...both.u.facts.signals])];
  if (options.length > 0) return offerPlaybooks(turn, options, redirecting ? 'switch' : 'start');
  // Still nothing that fits: the whole list, never a dead end.
  s.phase = 'idle';
  turn.say(turn.t('tell-more-nothing'));
  turn.showMenu('empty');
}

function startFromClarify(turn: Turn, id: PlaybookId, text: string): void {
  const s = turn.state;
  s.question = text;
  s.phase = 'clarifying'; // keeps the facts understood so far
  startPlaybook(turn, id, turn.ctx.understand.extract(text));
}

/**
 * "This is not about X" / "I meant Y". Returns false when the text is no redirect after all (an answer that
 * happens to say "it's not about money", or "I mean, yes"), so that the caller reads it as usual.
 */
export function redirect(turn: Turn, intent: Extract<MetaIntent, { kind: 'not-about' | 'meant' }>): boolean {
  const s = turn.state;
  const current = s.phase === 'asking' || s.phase === 'outcome' || s.phase === 'confirming-name' ? s.playbook?.id : undefined;
  const excluded = [...(s.excluded ?? [])];
  if (intent.kind === 'not-about') {
    const target = current ?? (intent.denied ? (turn.ctx.understand.route(intent.denied).playbook ?? undefined) : undefined);
    // "It's not about the money" while answering is an answer, not a redirect: it must name the topic we are on.
    if (current && intent.denied !== '' && !namesPlaybook(turn, intent.denied, current)) return false;
    if (target && !excluded.includes(target)) excluded.push(target);
  }
  const said = intent.rest;
  if (intent.kind === 'meant') {
    if (said === '') return false;
    const top = turn.ctx.understand.route(said).playbook;
    // "I meant China": no other topic, so it is an answer to the open question.
    if (top === null || top === current || top === 'faq' || excluded.includes(top)) return false;
  }
  s.excluded = excluded;
  if (said !== '') {
    const routed = routeExcluding(turn, said, [...excluded, ...(current ? [current] : [])]);
    // The user is correcting us: one playbook left that fits is the one they mean.
    const pick = routed.pick ?? (routed.options.length === 1 ? routed.options[0] : undefined);
    if (pick) {
      if (current) switchPlaybook(turn, pick, said);
      else startFromClarify(turn, pick, said);
      return true;
    }
    if (routed.options.length > 0) {
      offerPlaybooks(turn, routed.options, current ? 'switch' : 'start');
      return true;
    }
  }
  // Nothing new said: what else could the first question have meant?
  const fromQuestion = routeExcluding(turn, s.question ?? '', [...excluded, ...(current ? [current] : [])]);
  if (fromQuestion.options.length > 0) {
    offerPlaybooks(turn, fromQuestion.options, current ? 'switch' : 'start', 'not-about-offer');
    return true;
  }
  askTellMore(turn, 'not-about-ask');
  return true;
}

/**
 * "I meant Peking University" after the partner's name was given: the correction answers the previous
 * question again. The playbook is replayed from the facts without that answer, so that its checks (screening)
 * and flags follow the corrected answer; the other answers keep how they were given.
 */
export function correctPrevious(turn: Turn, text: string): boolean {
  const s = turn.state;
  const pb = turn.playbook;
  if (s.phase !== 'asking' || !pb || !s.playbook || text === '') return false;
  const last = [...s.answers].reverse().find((a) => !a.inferred && a.step !== s.step);
  const node = last ? pb.steps[last.step] : undefined;
  if (!last || !node || node.type !== 'question') return false;
  const saved = structuredClone(s);
  const said = turn.replies.length;
  const undo = (): false => {
    turn.state = saved;
    turn.replies.splice(said);
    return false;
  };
  const facts = structuredClone(s.facts);
  delete facts[node.fact];
  const before = new Map(s.answers.map((a) => [a.step, a]));
  startPlaybook(turn, s.playbook.id, undefined, facts, true);
  turn.state.question = saved.question;
  turn.replies.splice(said);
  if (turn.state.step !== last.step || turn.state.phase !== 'asking') return undo();
  if (!applyTyped(turn, text)) return undo();
  // Replayed answers were given by the user, not inferred: keep how they came.
  turn.state.answers = turn.state.answers.map((a) => {
    const old = before.get(a.step);
    return old && old.value === a.value && a.step !== last.step ? old : a;
  });
  return true;
}
