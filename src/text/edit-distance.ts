// Typo tolerance shared by the engine (typed answers), the router and screening: the
// optimal-string-alignment distance (insert, delete, substitute, swap two neighbours), bounded so
// that most comparisons stop early. Rows are reused, so that comparing many words does not churn
// the garbage collector.

const MAX_LENGTH = 64;
let rows: Int32Array[] = [new Int32Array(MAX_LENGTH + 1), new Int32Array(MAX_LENGTH + 1), new Int32Array(MAX_LENGTH + 1)];

/** The OSA distance between a and b, or max + 1 when it is larger than max (or a word is very long). */
export function boundedDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max || la > MAX_LENGTH || lb > MAX_LENGTH) return max + 1;
  let [prevPrev, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        d = Math.min(d, (prevPrev[j - 2] as number) + 1);
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) {
      rows = [prevPrev, prev, cur];
      return max + 1;
    }
    const spare = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = spare;
  }
  rows = [prevPrev, prev, cur];
  return prev[lb] as number;
}
