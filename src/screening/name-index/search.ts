// Finds and scores the listed names a prepared query could match. A query touches only the names
// that share a rare enough word with it (prefix filtering on word weights), so its cost does not
// grow with the size of the lists; exhaustive scores every name (the benchmark's linear scan).
import { type IndexData, recordKey } from './build.js';
import type { PreparedQuery, QueryToken } from './prepare.js';
import type { Scratch } from './scratch.js';
import { scoreRecord, stampQuery } from './score.js';

/**
 * Candidates are the names that could reach this score. Names between the "possible" threshold and
 * this one are still scored when they share the heaviest words, but not searched for otherwise.
 */
const CANDIDATE_SCORE = 0.8;
/** Past this many names for the rarest word a match must hold, they are intersected with the next rarest. */
const INTERSECT_FROM = 2_000;

export interface RecordScore {
  record: number;
  score: number;
  aligned: boolean;
}

/** Every listed name that could reach minScore, scored. With exhaustive, every name is scored. */
export function searchIndex(index: IndexData, scratch: Scratch, query: PreparedQuery, minScore: number, exhaustive: boolean): RecordScore[] {
  const stamp = stampQuery(scratch, query);
  const out: RecordScore[] = [];
  scratch.scored = 0;
  scratch.visiting = { query, stamp, minScore, out };
  if (exhaustive) {
    for (let r = 0; r < index.recEntity.length; r++) if (index.recStart[r + 1]! > index.recStart[r]!) visit(index, scratch, r);
  } else {
    visitMatchCandidates(index, scratch, query, stamp);
    visitPossibleCandidates(index, scratch, query, minScore, stamp);
  }
  // "Bei Hang University" = "Beihang University": the whole name written together.
  if (query.tokens.length > 0) {
    index.compact.forEach(query.key, (r) => {
      if (recordKey(index, r) !== query.key) return;
      const found = out.find((s) => s.record === r);
      if (found?.aligned) return;
      if (found) {
        found.aligned = true;
        found.score = Math.max(found.score, 0.95);
      } else {
        out.push({ record: r, score: 0.95, aligned: true });
      }
    });
  }
  return out;
}

/** Scores a name once per search and keeps it when it is aligned or reaches minScore. */
function visit(index: IndexData, scratch: Scratch, r: number): void {
  const v = scratch.visiting;
  if (scratch.recStamp[r] === v.stamp) return;
  scratch.recStamp[r] = v.stamp;
  scratch.scored++;
  const score = scoreRecord(index, scratch, v.query, r, v.stamp, undefined);
  if (scratch.lastAligned || score >= v.minScore) v.out.push({ record: r, score, aligned: scratch.lastAligned });
}

/**
 * Every name that can be a match, complete: a match pairs every query word except a place after
 * the name or a campus of the entity. So a match holds a typo form of the rarest word that must
 * be paired, or is of an entity with a campus among the query words. When that word is common,
 * its names are kept only if they also hold a form of the next rarest such word.
 */
function visitMatchCandidates(index: IndexData, scratch: Scratch, query: PreparedQuery, stamp: number): void {
  const qt = query.tokens;
  const { postStart, postings, recStart, recPerson } = index;
  const recMark = scratch.recMark;
  let anchor = -1;
  let anchorCount = Infinity;
  let second = -1;
  let secondCount = Infinity;
  for (let qi = 0; qi < qt.length; qi++) {
    const token = qt[qi]!;
    // The first word can never be let through as a place: nothing before it is paired.
    if (token.place && token.position > 0) continue;
    const count = postingCount(index, token);
    if (count < anchorCount) {
      second = anchor;
      secondCount = anchorCount;
      anchor = qi;
      anchorCount = count;
    } else if (count < secondCount) {
      second = qi;
      secondCount = count;
    }
  }
  for (const token of qt) for (const r of index.campusRecords.get(token.text) ?? []) visit(index, scratch, r);
  if (anchor < 0 || anchorCount === 0) return;
  const intersect = second >= 0 && anchorCount > INTERSECT_FROM;
  if (intersect) {
    for (const t of qt[second]!.expansions.keys()) {
      for (let p = postStart[t]!; p < postStart[t + 1]!; p++) recMark[postings[p]!] = stamp;
    }
  }
  // A match pairs every word of the name (a person may have one more): longer names cannot be one.
  const longest = qt.length;
  for (const t of qt[anchor]!.expansions.keys()) {
    for (let p = postStart[t]!; p < postStart[t + 1]!; p++) {
      const r = postings[p]!;
      if (intersect && recMark[r] !== stamp) continue;
      const words = recStart[r + 1]! - recStart[r]!;
      if (words > longest + recPerson[r]!) continue;
      visit(index, scratch, r);
    }
  }
}

/** Names that hold a typo form of this query word. */
function postingCount(index: IndexData, token: QueryToken): number {
  let count = 0;
  for (const t of token.expansions.keys()) count += index.postStart[t + 1]! - index.postStart[t]!;
  return count;
}

/**
 * Names that may score as "possible, not a match" without being a match: best effort, bounded.
 * Those that share one of the heaviest query words (prefix filtering), with typos for the
 * heaviest word and every unknown one; typo neighbours of a common known word ("technologies"
 * for "technology") would bring in thousands of names. A name found through a common word that
 * alone weighs too little to reach the threshold must share another query word as well.
 */
function visitPossibleCandidates(index: IndexData, scratch: Scratch, query: PreparedQuery, minScore: number, stamp: number): void {
  const qt = query.tokens;
  const { postStart, postings, recWeight } = index;
  const threshold = Math.max(minScore, CANDIDATE_SCORE);
  const required = (threshold * query.totalWeight) / (2 - threshold);
  const heaviest = (2 / minScore - 1) * query.totalWeight;
  for (const [n, qi] of prefixTokens(query, threshold).entries()) {
    const token = qt[qi]!;
    const exactId = index.vocab.get(token.text);
    const exact = n > 0 && exactId !== undefined && token.expansions.get(exactId) === 1;
    const ids = exact ? [exactId] : [...token.expansions.keys()];
    let count = 0;
    for (const t of ids) count += postStart[t + 1]! - postStart[t]!;
    const intersect = count > INTERSECT_FROM && token.weight < required && qt.length > 1;
    for (const t of ids) {
      for (let p = postStart[t]!; p < postStart[t + 1]!; p++) {
        const r = postings[p]!;
        // Dice on weights: a name much heavier than the query cannot reach the threshold with
        // equal words (typo pairs may weigh differently, so this is a bound only for those).
        if (recWeight[r]! > heaviest) continue;
        if (!intersect || holdsAnotherWord(index, scratch, r, qi, stamp)) visit(index, scratch, r);
      }
    }
  }
}

/** True when a word of the name is a form of a query word other than qi (a cheap look before scoring). */
function holdsAnotherWord(index: IndexData, scratch: Scratch, r: number, qi: number, stamp: number): boolean {
  const others = ~(1 << qi);
  const { tokStamp, tokExact, tokTypo1, tokTypo2 } = scratch;
  for (let j = index.recStart[r]!; j < index.recStart[r + 1]!; j++) {
    const t = index.recToks[j]!;
    if (tokStamp[t] === stamp && ((tokExact[t]! | tokTypo1[t]! | tokTypo2[t]!) & others) !== 0) return true;
  }
  return false;
}

/**
 * The heaviest query tokens that together weigh more than a listed name can miss and still reach
 * minScore: every such name shares at least one of them. The heaviest token that is not a place
 * is always included, since a place may be let through as a campus.
 */
function prefixTokens(query: PreparedQuery, minScore: number): number[] {
  const total = query.totalWeight;
  const required = (minScore * total) / (2 - minScore);
  const chosen: number[] = [];
  let covered = 0;
  query.tokens.forEach((token, qi) => {
    if (total - covered >= required) {
      chosen.push(qi);
      covered += token.weight;
    }
  });
  const firstNonPlace = query.tokens.findIndex((t) => !t.place);
  if (firstNonPlace >= 0 && !chosen.includes(firstNonPlace)) chosen.push(firstNonPlace);
  return chosen;
}
