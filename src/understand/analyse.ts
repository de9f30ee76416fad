// One pass over a message: words, then every phrase of every index found in it. Both
// extract() and route() start from this.
import type { DomainId, Lang, PartnerKind } from '../engine/types.js';
import type { Cue, Lexicon, Place } from './lexicon.js';
import { longestNonOverlapping, type Match, type Token } from './phrases.js';
import { words } from './text.js';

export interface Analysis {
  tokens: Token[];
  /** Typo corrections and compound splits, for the why list. */
  notes: string[];
  places: Match<Place>[];
  domains: Match<DomainId>[];
  signals: Match<string>[];
  cues: Match<Cue>[];
  partnerKinds: Match<PartnerKind>[];
  faqTopics: Match<string>[];
  /** Token positions where a "this is where I work" phrase ends. */
  homeEnds: Set<number>;
  lang?: Lang;
  /** True when the message is nothing but greetings and "help". */
  onlyClarifyWords: boolean;
}

/** What the words at these positions were, as typed. */
export function typed(tokens: readonly Token[], m: { start: number; end: number }): string {
  return tokens
    .slice(m.start, m.end)
    .map((t) => t.orig)
    .join(' ');
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export function analyse(lexicon: Lexicon, text: string): Analysis {
  const notes: string[] = [];
  const tokens: Token[] = [];
  let en = 0;
  let nl = 0;
  for (const w of words(text)) {
    if (lexicon.en.has(w.norm)) en++;
    if (lexicon.nl.has(w.norm)) nl++;
    const { token, note } = lexicon.vocabulary.expand(w);
    tokens.push(token);
    if (note) notes.push(note);
  }

  const places = longestNonOverlapping(lexicon.places.matchAll(tokens)).filter((m) => m.entry.payload.kind !== 'ignore');
  const named = places.filter((m) => m.entry.payload.kind !== 'country');
  // "Institute of Space Technology" names a partner, not a technology.
  const domains = lexicon.domains.matchAll(tokens).filter((m) => !named.some((n) => overlaps(n, m)));

  const exclusions = lexicon.signalExclusions.matchAll(tokens);
  const signals = lexicon.signals
    .matchAll(tokens)
    .filter((m) => !exclusions.some((x) => x.entry.payload === m.entry.payload && overlaps(x, m)));

  const homeEnds = new Set(lexicon.homeBefore.matchAll(tokens).map((m) => m.end));

  const clarifyMatches = lexicon.clarify.matchAll(tokens);
  const covered = new Set<number>();
  for (const m of clarifyMatches) for (let i = m.start; i < m.end; i++) covered.add(i);
  const onlyClarifyWords =
    clarifyMatches.length > 0 &&
    tokens.every((t, i) => covered.has(i) || lexicon.en.has(t.forms[0] ?? '') || lexicon.nl.has(t.forms[0] ?? ''));

  const result: Analysis = {
    tokens,
    notes,
    places,
    domains,
    signals,
    cues: lexicon.cues.matchAll(tokens),
    partnerKinds: lexicon.partnerKinds.matchAll(tokens),
    faqTopics: lexicon.faqTopics.matchAll(tokens),
    homeEnds,
    onlyClarifyWords,
  };
  if (en > nl) result.lang = 'en';
  else if (nl > en) result.lang = 'nl';
  return result;
}
