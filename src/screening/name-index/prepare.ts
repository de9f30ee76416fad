// A query's words looked up in the screening index: each word's token ids with a credit (exact, or
// a typo form through the deletion index), its weight, and whether it is a place name.
import { deletionHashes } from '../hash-multimap.js';
import { compactKey, isHan } from '../normalise.js';
import { allowedEdits, tokenCredit } from '../similarity.js';
import type { IndexData } from './build.js';
import type { Scratch } from './scratch.js';

/** A query longer than this is cut: names are short, and masks are 32-bit. */
const MAX_QUERY_TOKENS = 24;
/** A Chinese name followed by a campus ("哈尔滨工业大学深圳") matches the name when it has at least this many characters. */
const MIN_HAN_PREFIX = 4;
/** Query words whose typo forms are remembered; the cache starts over when full. */
const EXPANSION_CACHE_SIZE = 20_000;
/** A query word is common, and its typo forms worth remembering, when this many names hold it. */
const CACHE_FROM_NAMES = 100;

export interface QueryToken {
  text: string;
  /** Position in the query, left to right. */
  position: number;
  weight: number;
  /** Vocabulary token id → credit. */
  expansions: ReadonlyMap<number, number>;
  place: boolean;
}

export interface PreparedQuery {
  /** Sorted by weight, heaviest first. */
  tokens: QueryToken[];
  totalWeight: number;
  key: string;
}

/** Looks up every query token: exactly, with typos through the deletion index, or (exhaustive) against the whole vocabulary. */
export function prepareQuery(index: IndexData, scratch: Scratch, tokens: string[], exhaustive: boolean): PreparedQuery {
  const places = index.normaliser.places;
  const unique = [...new Set(tokens)].slice(0, MAX_QUERY_TOKENS);
  const prepared: QueryToken[] = unique.map((text, position) => {
    const expansions = exhaustive ? expandByScan(index, text) : expandCached(index, scratch, text);
    const exact = index.vocab.get(text);
    // An unknown word weighs as the word it most likely stands for: the closest, and of those the
    // most common ("uinted" is "united", not the rare "uintek"). A word no list knows weighs most.
    let weight = exact !== undefined ? index.weights[exact]! : index.unknownWeight;
    if (exact === undefined) {
      let bestCredit = 0;
      for (const [id, credit] of expansions) {
        const w = index.weights[id]!;
        if (credit > bestCredit || (credit === bestCredit && w < weight)) {
          bestCredit = credit;
          weight = w;
        }
      }
    }
    return { text, position, weight, expansions, place: places.has(text) };
  });
  prepared.sort((a, b) => b.weight - a.weight || a.position - b.position);
  const totalWeight = prepared.reduce((sum, t) => sum + t.weight, 0);
  return { tokens: prepared, totalWeight, key: compactKey(unique) };
}

/**
 * Expansions of common query words ("technologies", "state") are remembered: they come back in
 * most queries. Rare words are not, so that a repeated benchmark measures the lookup itself.
 */
function expandCached(index: IndexData, scratch: Scratch, text: string): ReadonlyMap<number, number> {
  const cache = scratch.expansionCache;
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const found = expand(index, scratch, text);
  const id = index.vocab.get(text);
  if (id !== undefined && index.postStart[id + 1]! - index.postStart[id]! >= CACHE_FROM_NAMES) {
    if (cache.size >= EXPANSION_CACHE_SIZE) cache.clear();
    cache.set(text, found);
  }
  return found;
}

function expand(index: IndexData, scratch: Scratch, text: string): Map<number, number> {
  const out = new Map<number, number>();
  const exact = index.vocab.get(text);
  if (exact !== undefined) out.set(exact, 1);
  if (isHan(text)) {
    for (let k = text.length - 1; k >= MIN_HAN_PREFIX; k--) {
      const id = index.vocab.get(text.slice(0, k));
      if (id !== undefined && !out.has(id)) out.set(id, 1);
    }
    return out;
  }
  // A four-letter query may be a five-letter name with a letter dropped ("Roya" for "Royal").
  if (allowedEdits(text.length + 1) === 0) return out;
  // A token found under several deletion forms is compared once.
  const seen = nextExpandStamp(scratch);
  const stamps = scratch.expandStamp;
  if (exact !== undefined) stamps[exact] = seen;
  for (const hash of deletionHashes(text, allowedEdits(text.length))) {
    index.deletions.forEachHash(hash, (id) => {
      if (stamps[id] === seen) return;
      stamps[id] = seen;
      const credit = tokenCredit(text, index.tokenText[id]!);
      if (credit > 0) out.set(id, credit);
    });
  }
  return out;
}

function nextExpandStamp(scratch: Scratch): number {
  scratch.expandStampValue = (scratch.expandStampValue + 1) >>> 0;
  if (scratch.expandStampValue === 0) {
    scratch.expandStamp.fill(0);
    scratch.expandStampValue = 1;
  }
  return scratch.expandStampValue;
}

/** The same expansions as expand(), found by comparing with every token: the linear-scan baseline. */
function expandByScan(index: IndexData, text: string): Map<number, number> {
  const out = new Map<number, number>();
  const han = isHan(text);
  const tokenText = index.tokenText;
  for (let id = 0; id < tokenText.length; id++) {
    const token = tokenText[id]!;
    const credit = han
      ? token === text || (token.length >= MIN_HAN_PREFIX && token.length < text.length && text.startsWith(token))
        ? 1
        : 0
      : tokenCredit(text, token);
    if (credit > 0) out.set(id, credit);
  }
  return out;
}
