// The features the router's classifier sees, hashed into a fixed number of buckets:
// - words (every form of a token: as typed, singular, typo fix, compound parts) and word bigrams;
// - character 3- to 5-grams of each word with its boundaries ("<drone>"), for typos, inflections
//   and compounds the vocabulary does not know;
// - the keyword evidence: intent cue groups, signals, and facts (a critical technology, a foreign
//   or higher-risk country, a named institution and its kind, the kind of partner, a funder).
// Each text block is scaled to unit length so that a long message does not drown its evidence.
import type { ExtractedFacts } from '../engine/types.js';
import type { Analysis } from './analyse.js';
import type { Lexicon } from './lexicon.js';

const FEATURE_BITS = 18;
const DIM = 1 << FEATURE_BITS;
const MASK = DIM - 1;

/** A sparse vector: parallel arrays of bucket indices and values. */
export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

/** FNV-1a, 32 bits: fast, stable across runs and platforms. */
export function hash(text: string): number {
  return hashFrom(FNV_OFFSET, text);
}

const BLOCK_SCALE = { word: 1, bigram: 0.6, char: 1, evidence: 1 } as const;

/** The evidence features of a message, by name: what the `why` list explains. */
export function evidenceFeatures(lexicon: Lexicon, a: Analysis, facts: ExtractedFacts): string[] {
  const { homeCountry, riskCountries } = lexicon.content.intents;
  const out = new Set<string>();
  for (const m of a.cues) out.add(`cue:${m.entry.payload.playbook}#${m.entry.payload.group}`);
  for (const m of a.signals) out.add(`signal:${m.entry.payload}`);
  for (const s of facts.signals) out.add(`signal:${s}`);
  for (const s of facts.negatedSignals ?? []) out.add(`not:${s}`);
  for (const d of facts.domains) out.add(`domain:${d}`);
  if (facts.domains.length > 0) out.add('domain');
  const foreign = facts.countries.filter((c) => c !== homeCountry);
  if (foreign.length > 0) out.add('country');
  if (foreign.some((c) => riskCountries.includes(c))) out.add('riskCountry');
  // Only places at home ("from campus Kortrijk back to Leuven"): domestic logistics, seldom a security
  // question. A named institution ("the export control contact at KU Leuven") is more than a place.
  if (facts.countries.length > 0 && foreign.length === 0 && facts.institutions.length === 0) out.add('homeOnly');
  for (const i of facts.institutions) {
    if (i.country === homeCountry) continue;
    out.add(`institution:${i.kind}`);
    out.add('institution');
  }
  if (facts.partnerKind) out.add(`partner:${facts.partnerKind}`);
  for (const f of facts.funders) out.add(`funder:${f}`);
  if (facts.homeInstitution) out.add('home');
  if ((facts.ownerCountries ?? []).length > 0) out.add('owners');
  if ((facts.coAuthorInstitutions ?? []).length > 0) out.add('coAuthors');
  if (a.faqTopics.length > 0) out.add('faqTopic');
  if (a.onlyClarifyWords) out.add('onlyClarifyWords');
  const n = a.tokens.length;
  out.add(n <= 3 ? 'length:short' : n <= 12 ? 'length:medium' : n <= 30 ? 'length:long' : 'length:rambling');
  return [...out];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function step(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

/** The hash of `prefix + text`, continuing from the hash of the prefix. */
function hashFrom(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = step(h, text.charCodeAt(i));
  return h >>> 0;
}

const PREFIX = { word: hashFrom(FNV_OFFSET, 'w:'), bigram: hashFrom(FNV_OFFSET, 'b:'), char: hashFrom(FNV_OFFSET, 'c:') };
const LT = '<'.charCodeAt(0);
const GT = '>'.charCodeAt(0);

/** Adds one block, scaled to length `scale`, into the vector. */
function addBlock(into: Map<number, number>, counts: Map<number, number>, scale: number): void {
  if (counts.size === 0) return;
  let norm = 0;
  for (const c of counts.values()) norm += c * c;
  const k = scale / Math.sqrt(norm);
  for (const [i, c] of counts) into.set(i, (into.get(i) ?? 0) + c * k);
}

function count(map: Map<number, number>, h: number): void {
  const i = h & MASK;
  map.set(i, (map.get(i) ?? 0) + 1);
}

/** Character 3- to 5-grams of "<word>", hashed as they are read (no substrings built). */
function charGrams(into: Map<number, number>, word: string): void {
  const n = word.length + 2;
  const at = (i: number): number => (i === 0 ? LT : i === n - 1 ? GT : word.charCodeAt(i - 1));
  for (let i = 0; i + 3 <= n; i++) {
    let h = PREFIX.char;
    h = step(step(step(h, at(i)), at(i + 1)), at(i + 2));
    count(into, h >>> 0);
    if (i + 4 <= n) {
      h = step(h, at(i + 3));
      count(into, h >>> 0);
      if (i + 5 <= n) count(into, step(h, at(i + 4)) >>> 0);
    }
  }
}

export function featurize(lexicon: Lexicon, a: Analysis, facts: ExtractedFacts): SparseVector {
  const wordCounts = new Map<number, number>();
  const bigramCounts = new Map<number, number>();
  const charCounts = new Map<number, number>();
  let previous = '<s>';
  for (const t of a.tokens) {
    const first = t.forms[0] ?? '';
    for (let j = 0; j < t.forms.length; j++) {
      const f = t.forms[j] ?? '';
      if (t.forms.indexOf(f) === j) count(wordCounts, hashFrom(PREFIX.word, f));
    }
    count(bigramCounts, hashFrom(PREFIX.bigram, `${previous} ${first}`));
    previous = first;
    charGrams(charCounts, first);
  }
  const v = new Map<number, number>();
  addBlock(v, wordCounts, BLOCK_SCALE.word);
  addBlock(v, bigramCounts, BLOCK_SCALE.bigram);
  addBlock(v, charCounts, BLOCK_SCALE.char);
  for (const e of evidenceFeatures(lexicon, a, facts)) {
    const i = hash(`e:${e}`) & MASK;
    v.set(i, (v.get(i) ?? 0) + BLOCK_SCALE.evidence);
  }
  v.set(hash('bias') & MASK, 1);
  const index = new Int32Array(v.size);
  const value = new Float32Array(v.size);
  let k = 0;
  for (const [i, x] of v) {
    index[k] = i;
    value[k] = x;
    k++;
  }
  return { index, value };
}

export const FEATURE_DIM = DIM;
