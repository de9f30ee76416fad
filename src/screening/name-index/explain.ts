// Explains one hit: which query words paired with which words of the listed name, which were let
// through as a place or campus, and whether the name only matched written together.
import { type IndexData, recordKey } from './build.js';
import type { PreparedQuery } from './prepare.js';
import type { Scratch } from './scratch.js';
import { type RecordDetail, scoreRecord, stampQuery } from './score.js';

export function explainRecord(index: IndexData, scratch: Scratch, query: PreparedQuery, r: number): RecordDetail {
  const stamp = stampQuery(scratch, query);
  const detail: RecordDetail = { pairs: [], unmatchedQuery: [], unmatchedListed: [], forgiven: [], compact: false };
  scoreRecord(index, scratch, query, r, stamp, detail);
  detail.compact = !scratch.lastAligned && recordKey(index, r) === query.key;
  return detail;
}
