// Token similarity: how much credit a token of the query earns for a token of a listed name.

/** Typos allowed in a token of this length: none in short tokens, where one letter makes another word. */
export function allowedEdits(length: number): number {
  if (length < 5) return 0;
  if (length < 10) return 1;
  return 2;
}

/** From this length on, a typo may also hit the first letter. */
export const LONG_WORD = 6;

/** Credit for a token pair at this edit distance: exact 1, one typo 0.9, two typos 0.8. */
export function creditForDistance(distance: number): number {
  return 1 - 0.1 * distance;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), or max + 1 as soon
 * as the distance must exceed max.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (a === b) return 0;
  let prevPrev = new Array<number>(lb + 1).fill(0);
  let prev = new Array<number>(lb + 1);
  let cur = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, prevPrev[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const spare = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = spare;
  }
  return prev[lb]!;
}

/**
 * Credit (0..1) for comparing two tokens, 0 when they are different words. Typos are allowed by the
 * length of the longer token (a dropped letter makes the query shorter), none below five letters.
 */
export function tokenCredit(query: string, listed: string): number {
  if (query === listed) return 1;
  const max = allowedEdits(Math.max(query.length, listed.length));
  if (max === 0) return 0;
  // In short words a different first letter makes a different name (Sedov, Medov).
  if (Math.min(query.length, listed.length) < LONG_WORD && query.charCodeAt(0) !== listed.charCodeAt(0)) return 0;
  const d = boundedEditDistance(query, listed, max);
  return d <= max ? creditForDistance(d) : 0;
}
