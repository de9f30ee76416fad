// A phrase index: many short phrases ("drone*", "little is known", "worked for the military"),
// found in a message in one pass over its words.
import { phraseWords } from './text.js';

/**
 * One word of a phrase: a whole word, a word start (`drone*`), a compound's tail (`*herkenning`:
 * gezichtsherkenning, looppatroonherkenning, but not "herkenning" alone), or any one word (`*`).
 */
export type Part = { kind: 'word'; text: string } | { kind: 'prefix'; text: string } | { kind: 'suffix'; text: string } | { kind: 'any' };

export interface Entry<T> {
  term: string;
  parts: Part[];
  /** `^what is`: only counts at the start of the message (a greeting or mention may come first). */
  anchored?: boolean;
  /** Set when the phrase only counts typed with these capitals (US, HIT). */
  cased?: string[];
  payload: T;
}

/** A word of the message with the forms it may stand for (itself, its singular, a typo fix, compound parts). */
export interface Token {
  orig: string;
  forms: string[];
  /** A new clause starts at this word (punctuation before it). */
  clause?: true;
  /** A new sentence starts at this word. */
  sentence?: true;
  /** A question mark follows this word. */
  asks?: true;
}

export interface Match<T> {
  entry: Entry<T>;
  start: number;
  /** Exclusive. */
  end: number;
}

const PREFIX_KEY = 3;
/** How many words may precede an anchored phrase ("hey, what is …", "@bot wat is …"). */
const ANCHOR_SLACK = 2;

/** Compiles "co-supervis*" into [co][supervis…]. */
function compile(term: string): Part[] {
  const parts: Part[] = [];
  for (const piece of term.trim().split(/\s+/)) {
    if (piece === '*') {
      parts.push({ kind: 'any' });
      continue;
    }
    if (piece.startsWith('*') && !piece.endsWith('*') && piece.length > PREFIX_KEY) {
      parts.push({ kind: 'suffix', text: phraseWords(piece.slice(1)).join('') });
      continue;
    }
    const isPrefix = piece.endsWith('*') && piece.length > 1;
    const ws = phraseWords(isPrefix ? piece.slice(0, -1) : piece);
    ws.forEach((w, i) => {
      const last = i === ws.length - 1;
      parts.push(isPrefix && last && w.length >= PREFIX_KEY ? { kind: 'prefix', text: w } : { kind: 'word', text: w });
    });
  }
  return parts;
}

/** Plural endings a compound's tail may carry: gezichtsherkenningen, onderwaterdrones. */
const TAIL_ENDINGS = ['', 's', 'en'];

function endsInTail(form: string, tail: string): boolean {
  return TAIL_ENDINGS.some((e) => form.length > tail.length + e.length && form.endsWith(tail + e));
}

function partMatches(part: Part, token: Token): boolean {
  if (part.kind === 'any') return true;
  for (const f of token.forms) {
    if (part.kind === 'word' ? f === part.text : part.kind === 'prefix' ? f.startsWith(part.text) : endsInTail(f, part.text)) return true;
  }
  return false;
}

export class PhraseIndex<T> {
  private readonly byWord = new Map<string, Entry<T>[]>();
  private readonly byPrefix = new Map<string, Entry<T>[]>();
  /** Phrases that start with a compound's tail: few, so each word is tried against all of them. */
  private readonly byTail: Entry<T>[] = [];
  readonly entries: Entry<T>[] = [];

  /** `casedWords`: folded phrases that only count with the capitals written in the content. */
  constructor(private readonly casedWords: ReadonlySet<string> = new Set()) {}

  add(term: string, payload: T): void {
    const anchored = term.startsWith('^');
    const parts = compile(anchored ? term.slice(1) : term);
    const first = parts[0];
    if (!first || first.kind === 'any') return;
    const entry: Entry<T> = { term, parts, payload };
    if (anchored) entry.anchored = true;
    const folded = parts.map((p) => (p.kind === 'any' ? '*' : p.text)).join(' ');
    if (this.casedWords.has(folded)) entry.cased = term.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    this.entries.push(entry);
    if (first.kind === 'suffix') {
      this.byTail.push(entry);
      return;
    }
    const map = first.kind === 'word' ? this.byWord : this.byPrefix;
    const key = first.kind === 'word' ? first.text : first.text.slice(0, PREFIX_KEY);
    const bucket = map.get(key);
    if (bucket) bucket.push(entry);
    else map.set(key, [entry]);
  }

  /** Every phrase found, at every place, in order of place. */
  matchAll(tokens: readonly Token[]): Match<T>[] {
    const out: Match<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (!token) continue;
      const seen = new Set<Entry<T>>();
      for (const form of token.forms) {
        for (const candidates of [this.byWord.get(form), this.byPrefix.get(form.slice(0, PREFIX_KEY)), this.byTail.length > 0 ? this.byTail : undefined]) {
          if (!candidates) continue;
          for (const entry of candidates) {
            if (seen.has(entry)) continue;
            seen.add(entry);
            if (entry.anchored && i > ANCHOR_SLACK) continue;
            if (this.matchesAt(entry, tokens, i)) out.push({ entry, start: i, end: i + entry.parts.length });
          }
        }
      }
    }
    return out;
  }

  private matchesAt(entry: Entry<T>, tokens: readonly Token[], at: number): boolean {
    if (at + entry.parts.length > tokens.length) return false;
    for (let j = 0; j < entry.parts.length; j++) {
      const part = entry.parts[j];
      const token = tokens[at + j];
      if (!part || !token || !partMatches(part, token)) return false;
    }
    if (entry.cased) {
      // A cased name counts only where the message has exactly its capitals.
      const typed = tokens
        .slice(at, at + entry.parts.length)
        .map((t) => t.orig)
        .join(' ');
      if (typed !== entry.cased.join(' ')) return false;
    }
    return true;
  }

  /** The words and word starts this index knows, for typo correction and compound splitting. */
  vocabulary(): { words: string[]; stems: string[] } {
    const words: string[] = [];
    const stems: string[] = [];
    for (const e of this.entries) {
      for (const p of e.parts) {
        if (p.kind === 'word') words.push(p.text);
        else if (p.kind === 'prefix') stems.push(p.text);
      }
    }
    return { words, stems };
  }
}

/** Keeps the longest of overlapping matches (then the earliest); the rest in order of place. */
export function longestNonOverlapping<T>(matches: readonly Match<T>[]): Match<T>[] {
  const sorted = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: boolean[] = [];
  const kept: Match<T>[] = [];
  for (const m of sorted) {
    let free = true;
    for (let i = m.start; i < m.end; i++) if (taken[i]) free = false;
    if (!free) continue;
    for (let i = m.start; i < m.end; i++) taken[i] = true;
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}
