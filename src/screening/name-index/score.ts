// Scores one listed name against a prepared query: pairs equal words first, then words one typo
// apart, then two, and weighs the pairs (Dice on word weights). Places after the name and the
// entity's campuses may go unpaired. With a RecordDetail it also writes down which words paired.
import { creditForDistance } from '../similarity.js';
import type { IndexData } from './build.js';
import type { PreparedQuery } from './prepare.js';
import { nextStamp, type Scratch } from './scratch.js';

const TYPO1_CREDIT = creditForDistance(1);
const TYPO2_CREDIT = creditForDistance(2);

export interface PairDetail {
  query: string;
  listed: string;
  credit: number;
}

export interface RecordDetail {
  pairs: PairDetail[];
  /** Query words with no counterpart. */
  unmatchedQuery: string[];
  /** Words of the listed name with no counterpart. */
  unmatchedListed: string[];
  /** Query words let through as a campus or place. */
  forgiven: string[];
  /** True when the whole name only matched written together ("Bei Hang" = "Beihang"). */
  compact: boolean;
}

/** Marks, for this query, which query tokens each vocabulary token stands for and with what credit. */
export function stampQuery(scratch: Scratch, query: PreparedQuery): number {
  const stamp = nextStamp(scratch);
  const { tokStamp, tokExact, tokTypo1, tokTypo2 } = scratch;
  query.tokens.forEach((token, qi) => {
    for (const [t, credit] of token.expansions) {
      if (tokStamp[t] !== stamp) {
        tokStamp[t] = stamp;
        tokExact[t] = 0;
        tokTypo1[t] = 0;
        tokTypo2[t] = 0;
      }
      const bit = 1 << qi;
      if (credit >= 1) tokExact[t]! |= bit;
      else if (credit >= TYPO1_CREDIT) tokTypo1[t]! |= bit;
      else tokTypo2[t]! |= bit;
    }
  });
  return stamp;
}

/**
 * Scores one record against a prepared query; stampQuery() must have stamped the query's tokens.
 * Whether the record is aligned comes back in scratch.lastAligned.
 */
export function scoreRecord(index: IndexData, scratch: Scratch, query: PreparedQuery, r: number, stamp: number, detail: RecordDetail | undefined): number {
  const qt = query.tokens;
  const { recToks, tokenText, weights } = index;
  const { tokStamp, paired } = scratch;
  const start = index.recStart[r]!;
  const end = index.recStart[r + 1]!;
  let usedQ = 0;
  let pairSum = 0;
  let pairedR = 0;
  let lastPairedPos = -1;
  // Equal words pair first, then one typo before two: a listed "aeronautics" must not take the
  // query's "astronautics" (two letters off) while the query's "aeronatuics" is left without one.
  // Inlined rather than a helper closure: this runs for thousands of names per query.
  for (let pass = 0; pass < 3; pass++) {
    if (pass > 0 && pairedR === end - start) break;
    const masks = pass === 0 ? scratch.tokExact : pass === 1 ? scratch.tokTypo1 : scratch.tokTypo2;
    const credit = pass === 0 ? 1 : pass === 1 ? TYPO1_CREDIT : TYPO2_CREDIT;
    for (let j = start; j < end; j++) {
      if (pass === 0) paired[j - start] = 0;
      else if (paired[j - start] === 1) continue;
      const t = recToks[j]!;
      const free = tokStamp[t] === stamp ? masks[t]! & ~usedQ : 0;
      if (free === 0) {
        if (pass === 2) detail?.unmatchedListed.push(tokenText[t]!);
        continue;
      }
      const qi = 31 - Math.clz32(free & -free);
      usedQ |= 1 << qi;
      paired[j - start] = 1;
      const q = qt[qi]!;
      pairSum += credit * (q.weight + weights[t]!);
      pairedR++;
      if (q.position > lastPairedPos) lastPairedPos = q.position;
      detail?.pairs.push({ query: q.text, listed: tokenText[t]!, credit });
    }
  }
  let queryWeight = query.totalWeight;
  let unmatchedQ = 0;
  const campuses = index.campusSets[index.recEntity[r]!];
  for (let qi = 0; qi < qt.length; qi++) {
    if (usedQ & (1 << qi)) continue;
    const q = qt[qi]!;
    const campus = campuses?.has(q.text) === true;
    // A place after the name is a campus ("... Technology Weihai"); the entity's own campuses count anywhere.
    if (pairedR > 0 && (campus || (q.place && q.position > lastPairedPos))) {
      queryWeight -= q.weight;
      detail?.forgiven.push(q.text);
    } else {
      unmatchedQ++;
      detail?.unmatchedQuery.push(q.text);
    }
  }
  const unmatchedR = end - start - pairedR;
  const person = index.recPerson[r] === 1;
  const pairedQ = qt.length - unmatchedQ;
  // Returned through the scratch, not an object: this runs for thousands of names per query.
  const skipsMiddleName = person && unmatchedR === 1 && pairedQ >= 2;
  scratch.lastAligned = pairedR > 0 && unmatchedQ === 0 && (unmatchedR === 0 || skipsMiddleName);
  let recordWeight = index.recWeight[r]!;
  // "Ivan Sidorenko" for a listed "Ivan Ivanovich Sidorenko": a middle name or patronymic left out weighs nothing, or a rare
  // patronymic (and every name added to the lists, which changes the word weights) would push a listed person under the threshold.
  if (skipsMiddleName && unmatchedQ === 0) {
    // Only a word between the first and the last: "Sarah John Wu" is not "John Wu".
    for (let j = start + 1; j < end - 1; j++) if (paired[j - start] !== 1) recordWeight -= weights[recToks[j]!]!;
  }
  return Math.min(1, pairSum / (queryWeight + recordWeight));
}
