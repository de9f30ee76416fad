// Typo tolerance for the router: how many typos a word may carry. The distance itself is shared.
export { boundedDistance } from '../text/edit-distance.js';

/** How many typos a word of this length may carry and still be recognised. */
export function allowedTypos(length: number): number {
  if (length >= 9) return 2;
  if (length >= 5) return 1;
  return 0;
}
