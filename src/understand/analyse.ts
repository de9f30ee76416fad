// One pass over a message: words, then every phrase of every index found in it. Both
// extract() and route() start from this.
import type { DomainId, Lang, PartnerKind } from '../engine/types.js';
import type { Attribution, Cue, Lexicon, Place } from './lexicon.js';
import { longestNonOverlapping, type Match, type Token } from './phrases.js';
import type { NegationKind } from './scope.js';
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
  negations: Match<NegationKind>[];
  attributions: Match<Attribution>[];
  /** The message as typed, for organisation names the gazetteers do not know. */
  text: string;
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

  // An ambiguous demonym ("letten", "Frans") is a country only just before a person or organisation noun.
  const nounStarts = new Set(lexicon.contextNouns.matchAll(tokens).map((m) => m.start));
  // A demonym said as a language ("een Engelse vertaling", "she speaks Russian", "everything in
  // Russian.") is no country, unless a person or organisation noun follows ("in Chinese companies").
  // Looked up only when the message has a demonym at all: most have none.
  let language: { after: Set<number>; verbEnds: Set<number>; inEnds: Set<number> } | undefined;
  const spoken = (m: { start: number; end: number }): boolean => {
    language ??= {
      after: new Set(lexicon.spokenAfter.matchAll(tokens).map((x) => x.start)),
      verbEnds: new Set(lexicon.spokenVerbs.matchAll(tokens).map((x) => x.end)),
      inEnds: new Set(lexicon.spokenAtClauseEnd.matchAll(tokens).map((x) => x.end)),
    };
    const { after: spokenAfter, verbEnds, inEnds } = language;
    const next = tokens[m.end];
    const sameClause = next !== undefined && !next.clause;
    if (sameClause && spokenAfter.has(m.end)) return true;
    if (sameClause && nounStarts.has(m.end)) return false;
    return verbEnds.has(m.start) || (inEnds.has(m.start) && !sameClause);
  };
  const places = longestNonOverlapping(lexicon.places.matchAll(tokens)).filter((m) => {
    const p = m.entry.payload;
    if (p.kind === 'ignore') return false;
    if (p.kind !== 'country' || (p.what !== 'demonym' && p.what !== 'name')) return true;
    if (p.what === 'demonym' && spoken(m)) return false;
    const matched = tokens.slice(m.start, m.end);
    const word = matched.map((t) => t.forms[0]).join(' ');
    // A typo read as such a word needs the context too: "shots" corrected to "schots" is no Scot.
    const needsContext = lexicon.needContext.has(word) || (matched.length === 1 && matched[0]?.forms.some((f) => lexicon.needContext.has(f)));
    return !needsContext || nounStarts.has(m.end) || nounStarts.has(m.end + 1);
  });
  const named = places.filter((m) => m.entry.payload.kind !== 'country');
  // "Institute of Space Technology" names a partner, not a technology.
  const domains = lexicon.domains.matchAll(tokens).filter((m) => !named.some((n) => overlaps(n, m)));

  const exclusions = lexicon.signalExclusions.matchAll(tokens);
  const signals = lexicon.signals.matchAll(tokens).filter((m) => !exclusions.some((x) => x.entry.payload === m.entry.payload && overlaps(x, m)));

  const homeEnds = new Set(lexicon.homeBefore.matchAll(tokens).map((m) => m.end));

  const clarifyMatches = lexicon.clarify.matchAll(tokens);
  const covered = new Set<number>();
  for (const m of clarifyMatches) for (let i = m.start; i < m.end; i++) covered.add(i);
  const onlyClarifyWords =
    clarifyMatches.length > 0 && tokens.every((t, i) => covered.has(i) || lexicon.en.has(t.forms[0] ?? '') || lexicon.nl.has(t.forms[0] ?? ''));

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
    negations: lexicon.negations.matchAll(tokens),
    attributions: lexicon.attributions.matchAll(tokens),
    text,
  };
  if (en > nl) result.lang = 'en';
  else if (nl > en) result.lang = 'nl';
  return result;
}
