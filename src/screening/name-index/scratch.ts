// The scratch space of the screening index: stamps and bit masks sized to the index, reused by
// every query instead of allocated per query (the screener is synchronous, so one set is enough).
import type { IndexData } from './build.js';
import type { PreparedQuery, QueryToken } from './prepare.js';
import type { RecordScore } from './search.js';

export interface Scratch {
  /** Per vocabulary token, the stamp of the query that last marked it; the masks below hold for that query only. */
  readonly tokStamp: Uint32Array;
  /** Per vocabulary token, the query tokens it equals, is one typo from, or two typos from (bit masks). */
  readonly tokExact: Int32Array;
  readonly tokTypo1: Int32Array;
  readonly tokTypo2: Int32Array;
  /** Per word of the record being scored: 1 once paired. */
  readonly paired: Uint8Array;
  /** Per record, the stamp of the search that last scored it. */
  readonly recStamp: Uint32Array;
  /** Records that hold a word of a second required query word, for intersecting long postings. */
  readonly recMark: Uint32Array;
  readonly expandStamp: Uint32Array;
  expandStampValue: number;
  /** Query words whose typo forms are remembered (prepare.ts). */
  readonly expansionCache: Map<string, ReadonlyMap<number, number>>;
  stamp: number;
  /** Whether the last scored record is aligned: set by scoreRecord(), which runs too often to return an object. */
  lastAligned: boolean;
  /** The search under way, for visit(): kept here so that no closure is made per search. */
  visiting: { query: PreparedQuery; stamp: number; minScore: number; out: RecordScore[] };
  /** How many names the last search scored: the work it did, for the benchmark. */
  scored: number;
}

const NO_TOKENS: QueryToken[] = [];

export function createScratch(index: IndexData): Scratch {
  const tokenCount = index.tokenText.length;
  const records = index.recEntity.length;
  let longest = 0;
  for (let r = 0; r < records; r++) longest = Math.max(longest, index.recStart[r + 1]! - index.recStart[r]!);
  return {
    tokStamp: new Uint32Array(tokenCount),
    tokExact: new Int32Array(tokenCount),
    tokTypo1: new Int32Array(tokenCount),
    tokTypo2: new Int32Array(tokenCount),
    paired: new Uint8Array(longest),
    recStamp: new Uint32Array(records),
    recMark: new Uint32Array(records),
    expandStamp: new Uint32Array(tokenCount),
    expandStampValue: 0,
    expansionCache: new Map(),
    stamp: 0,
    lastAligned: false,
    visiting: { query: { tokens: NO_TOKENS, totalWeight: 0, key: '' }, stamp: 0, minScore: 1, out: [] },
    scored: 0,
  };
}

/** A new query stamp; when the counter wraps, the stamped arrays start over. */
export function nextStamp(scratch: Scratch): number {
  scratch.stamp = (scratch.stamp + 1) >>> 0;
  if (scratch.stamp === 0) {
    scratch.tokStamp.fill(0);
    scratch.recStamp.fill(0);
    scratch.recMark.fill(0);
    scratch.stamp = 1;
  }
  return scratch.stamp;
}

/** Bytes held in the scratch's typed arrays, as counted by NameIndex.typedBytes. */
export function scratchBytes(scratch: Scratch): number {
  return scratch.tokStamp.byteLength * 4 + scratch.expandStamp.byteLength + scratch.recStamp.byteLength + scratch.recMark.byteLength;
}
