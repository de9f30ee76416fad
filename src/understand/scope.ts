// Which words a fact is said with: negation ("not on the list"), doubt ("not sure whether") and
// attribution ("the main shareholder is Russian"), each looked for in the same clause, close by.
import type { Match, Token } from './phrases.js';

/** True when no clause break lies between positions a and b (a ≤ b). */
function sameClause(tokens: readonly Token[], a: number, b: number): boolean {
  for (let i = a + 1; i <= b && i < tokens.length; i++) if (tokens[i]?.clause) return false;
  return true;
}

/** The marker that ends at most `window` words before `at`, in the same clause, nearest first. */
function before<T>(tokens: readonly Token[], markers: readonly Match<T>[], at: number, window: number): Match<T>[] {
  return markers.filter((m) => m.end <= at && at - m.end <= window && sameClause(tokens, m.start, at)).sort((x, y) => y.end - x.end);
}

/**
 * A marker the span is said of, in the same clause: the span at most `after` words after it
 * ("the main shareholder is a Russian businessman", "co-authors from NUDT") or at most `before`
 * words before it ("Russian owners", "NUDT co-authors").
 */
export function near<T>(
  tokens: readonly Token[],
  markers: readonly Match<T>[],
  span: { start: number; end: number },
  window: { before: number; after: number },
): Match<T> | undefined {
  return markers.find((m) => {
    if (m.end <= span.start) return span.start - m.end <= window.after && sameClause(tokens, m.start, span.start);
    if (m.start >= span.end) return m.start - span.end <= window.before && sameClause(tokens, span.end - 1, m.start);
    return false;
  });
}

export type Polarity = 'said' | 'denied' | 'unsure';
export type NegationKind = 'not' | 'unsure' | 'notAfter';

/**
 * Whether a phrase at `at` is said, denied ("none of it is on the list", or, after it, "I checked the
 * dual-use list and it is not on it") or left open ("not sure whether").
 */
export function polarity(tokens: readonly Token[], negations: readonly Match<NegationKind>[], at: number, window: number, afterWindow = 0): Polarity {
  const found = before(
    tokens,
    negations.filter((m) => m.entry.payload !== 'notAfter'),
    at,
    window,
  );
  if (found.some((m) => m.entry.payload === 'unsure')) return 'unsure';
  // "not sure" overlaps its own "not": doubt wins, handled above.
  if (found.length > 0) return 'denied';
  const later = negations.some((m) => m.entry.payload === 'notAfter' && m.start > at && m.start - at <= afterWindow && sameClause(tokens, at, m.start));
  return later ? 'denied' : 'said';
}

/**
 * True when the span is what a yes/no question asks ("is dat dual use?", "is carbon fibre on the dual-use list?"): its
 * sentence ends in a question mark, opens with a question word (`starts`, at the sentence's first word) and the span
 * ends at most `trailing` words before the mark. "Is it OK to send dual-use samples to China?" asks about sending.
 */
export function asked(tokens: readonly Token[], starts: ReadonlySet<number>, span: { start: number; end: number }, trailing: number): boolean {
  let first = span.start;
  while (first > 0 && !tokens[first]?.sentence) first--;
  let last = span.end - 1;
  while (last < tokens.length - 1 && !tokens[last]?.asks && !tokens[last + 1]?.sentence) last++;
  return tokens[last]?.asks === true && last - (span.end - 1) <= trailing && starts.has(first);
}
