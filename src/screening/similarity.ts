// Token similarity: how much credit a token of the query earns for a token of a listed name.
import { boundedDistance } from '../text/edit-distance.js';

/** Typos allowed in a token of this length: none in short tokens, where one letter makes another word. */
export function allowedEdits(length: number): number {
  if (length < 5) return 0;
  if (length < 10) return 1;
  return 2;
}

/** From this length on, a typo may also hit the first letter. */
const LONG_WORD = 6;

/** Credit for a token pair at this edit distance: exact 1, one typo 0.9, two typos 0.8. */
export function creditForDistance(distance: number): number {
  return 1 - 0.1 * distance;
}

/** Optimal-string-alignment distance, or max + 1 as soon as it must exceed max (shared with the engine and the router). */
const boundedEditDistance = boundedDistance;

/**
 * Credit (0..1) for comparing two tokens, 0 when they are different words. Typos are allowed by the
 * length of the longer token (a dropped letter makes the query shorter), none below five letters.
 */
export function tokenCredit(query: string, listed: string): number {
  if (query === listed) return 1;
  const max = allowedEdits(Math.max(query.length, listed.length));
  if (max === 0) return 0;
  // In short words a different first letter makes a different name (Sedov, Medov); the first two
  // letters typed the wrong way round ("aSrah", "rIina") are still the same name.
  if (
    Math.min(query.length, listed.length) < LONG_WORD &&
    query.charCodeAt(0) !== listed.charCodeAt(0) &&
    !(query.length === listed.length && query[0] === listed[1] && query[1] === listed[0] && query.slice(2) === listed.slice(2))
  ) {
    return 0;
  }
  const d = boundedEditDistance(query, listed, max);
  return d <= max ? creditForDistance(d) : 0;
}
