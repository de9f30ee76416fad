// What people say about the conversation itself, at any step: "this is not about hiring", "I meant a
// visiting researcher", "send it after all", "not now". Read from content/lexicon.yaml (intents), clause by
// clause, and cancelled by a negation just before a phrase ("don't send it" is no "send").
import type { Content } from '../content/load.js';
import { normalize } from './text.js';

export type MetaIntent =
  /** `denied`: what the user says it is not about; `rest`: what else they said (the other clauses). */
  | { kind: 'not-about'; denied: string; rest: string }
  /** `rest`: what the user says they meant. */
  | { kind: 'meant'; rest: string }
  | { kind: 'send' }
  | { kind: 'not-now' };

type IntentName = 'notAbout' | 'meant' | 'send' | 'notNow';
type Lexicon = Content['lexicon'];

/** Other words allowed between two words of a phrase ("stuur het toch maar door" for "stuur toch door"). */
const GAP = 2;
/** How far before a phrase a negation still cancels it ("I do not want you to send it"). */
const NEGATION_REACH = 3;
/**
 * "Send it after all" and "not now" speak for the message only when it says little else: "I'll visit China
 * later this year" is a new question, not "later".
 */
const ESCALATION_EXTRA_WORDS = 5;

interface Prepared {
  phrases: Array<{ intent: IntentName; words: string[]; negative: boolean }>;
  negations: Set<string>;
}

const cache = new WeakMap<Lexicon, Prepared>();

function prepare(lexicon: Lexicon): Prepared {
  const hit = cache.get(lexicon);
  if (hit) return hit;
  const negations = new Set([...lexicon.negations.en, ...lexicon.negations.nl].map(normalize));
  const phrases: Prepared['phrases'] = [];
  for (const intent of ['notAbout', 'meant', 'send', 'notNow'] as const) {
    for (const p of [...lexicon.intents[intent].en, ...lexicon.intents[intent].nl]) {
      const words = normalize(p)
        .split(' ')
        .filter((w) => w !== '');
      if (words.length) phrases.push({ intent, words, negative: words.some((w) => negations.has(w)) });
    }
  }
  // Longest first: "niet doorsturen" (not now) before "doorsturen".
  phrases.sort((a, b) => b.words.length - a.words.length);
  const prepared = { phrases, negations };
  cache.set(lexicon, prepared);
  return prepared;
}

const CLAUSE_BREAK = /[,;:.!?()[\]\n]+|\s[-–—]+\s|\s(?:but|maar|however)\s/i;

/** The text cut into clauses at punctuation and at "but"/"maar", as typed. */
function rawClausesOf(text: string): string[] {
  return text.split(CLAUSE_BREAK).filter((c) => normalize(c) !== '');
}

/** The clauses as normalised words. */
function clausesOf(text: string): string[][] {
  return rawClausesOf(text).map((c) => normalize(c).split(' '));
}

/** A clause as typed, from its `from`-th normalised word on: "I meant Peking University" → "Peking University". */
function typedFrom(raw: string, from: number): string {
  const parts = raw.trim().split(/\s+/);
  let seen = 0;
  let i = 0;
  while (i < parts.length && seen < from) {
    seen += normalize(parts[i] ?? '')
      .split(' ')
      .filter((w) => w !== '').length;
    i++;
  }
  return parts.slice(i).join(' ');
}

/** Where the phrase's words occur in order, at most `gap` words apart: [start, end), or undefined. */
function find(words: string[], phrase: string[], gap: number): [number, number] | undefined {
  for (let start = 0; start < words.length; start++) {
    if (words[start] !== phrase[0]) continue;
    let at = start;
    let ok = true;
    for (const w of phrase.slice(1)) {
      let next = -1;
      for (let j = at + 1; j <= at + 1 + gap && j < words.length; j++) {
        if (words[j] === w) {
          next = j;
          break;
        }
      }
      if (next < 0) {
        ok = false;
        break;
      }
      at = next;
    }
    if (ok) return [start, at + 1];
  }
  return undefined;
}

interface Found {
  intent: IntentName;
  clause: number;
  start: number;
  end: number;
}

function findIn(clauses: string[][], p: Prepared): Found[] {
  const found: Found[] = [];
  clauses.forEach((words, clause) => {
    const taken: Array<[number, number]> = [];
    for (const phrase of p.phrases) {
      // Only the sending phrases need gaps (Dutch splits its verbs); "not sure about" is no "not about".
      const aboutEscalation = phrase.intent === 'send' || phrase.intent === 'notNow';
      const span = find(words, phrase.words, aboutEscalation ? GAP : 0);
      if (!span) continue;
      const [start, end] = span;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      if (!phrase.negative) {
        // "don't send it", "stuur het niet door": a negation before or inside the phrase cancels it.
        // Dutch may put it right after: "stuur het toch niet door".
        const around = [...words.slice(Math.max(0, start - NEGATION_REACH), start), ...words.slice(start, aboutEscalation ? end + GAP : end)];
        if (around.some((w) => p.negations.has(w))) continue;
      }
      if (aboutEscalation && words.length > phrase.words.length + GAP * (phrase.words.length - 1) + ESCALATION_EXTRA_WORDS) continue;
      taken.push(span);
      found.push({ intent: phrase.intent, clause, start, end });
    }
  });
  return found;
}

/** The meta-intent of a typed text, if it has one. "Not about" wins over "meant"; "not now" over "send". */
export function metaIntent(text: string, content: Content): MetaIntent | undefined {
  const p = prepare(content.lexicon);
  const raw = rawClausesOf(text);
  const clauses = clausesOf(text);
  const found = findIn(clauses, p);
  if (found.length === 0) return undefined;
  const by = (intent: IntentName) => found.find((f) => f.intent === intent);
  const notAbout = by('notAbout');
  const meant = by('meant');
  if (notAbout) {
    const denied = (clauses[notAbout.clause] ?? []).slice(notAbout.end).join(' ');
    const rest =
      meant && meant.clause !== notAbout.clause
        ? typedFrom(raw[meant.clause] ?? '', meant.end)
        : raw
            .filter((_, i) => i !== notAbout.clause)
            .map((c) => c.trim())
            .join(', ');
    return { kind: 'not-about', denied, rest: rest.trim() };
  }
  if (meant) {
    // What follows "I meant", with the clauses after it: "I meant a visiting researcher, from Iran".
    const rest = [typedFrom(raw[meant.clause] ?? '', meant.end), ...raw.slice(meant.clause + 1)].map((c) => c.trim()).filter(Boolean);
    return { kind: 'meant', rest: rest.join(', ') };
  }
  if (by('notNow')) return { kind: 'not-now' };
  if (by('send')) return { kind: 'send' };
  return undefined;
}
