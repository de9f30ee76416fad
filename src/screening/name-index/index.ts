// The index behind screening: tokens of every listed name, postings from tokens to names, and a
// deletion index for typos. A query touches only the names that share a rare enough token with it
// (prefix filtering on token weights), so its cost does not grow with the size of the lists.
// build.ts builds the arrays once, prepare.ts looks up a query's words, search.ts finds and scores
// the candidates (score.ts pairs the words), explain.ts says which words paired; scratch.ts is the
// working space every query reuses. This class holds them together.
import type { NameKind, ScreeningEntity } from '../entity.js';
import type { Normaliser } from '../normalise.js';
import { buildIndex, type IndexData, KINDS } from './build.js';
import { explainRecord } from './explain.js';
import { type PreparedQuery, prepareQuery } from './prepare.js';
import { createScratch, type Scratch, scratchBytes } from './scratch.js';
import type { RecordDetail } from './score.js';
import { type RecordScore, searchIndex } from './search.js';

export type { PreparedQuery, QueryToken } from './prepare.js';
export type { PairDetail, RecordDetail } from './score.js';
export type { RecordScore } from './search.js';

export class NameIndex {
  readonly entities: ScreeningEntity[];
  readonly normaliser: Normaliser;
  private readonly data: IndexData;
  private readonly scratch: Scratch;

  constructor(entities: ScreeningEntity[], normaliser: Normaliser) {
    this.entities = entities;
    this.normaliser = normaliser;
    this.data = buildIndex(entities, normaliser);
    this.scratch = createScratch(this.data);
  }

  /** How many names the last search() scored: the work it did, for the benchmark. */
  get lastScored(): number {
    return this.scratch.scored;
  }

  get recordCount(): number {
    return this.data.recEntity.length;
  }

  get vocabularySize(): number {
    return this.data.tokenText.length;
  }

  /** Bytes held in typed arrays (the JavaScript strings and maps come on top). */
  get typedBytes(): number {
    const d = this.data;
    return (
      d.weights.byteLength +
      d.postStart.byteLength +
      d.postings.byteLength +
      d.recEntity.byteLength +
      d.recKind.byteLength +
      d.recStart.byteLength +
      d.recToks.byteLength +
      d.recWeight.byteLength +
      d.deletions.bytes +
      d.compact.bytes +
      scratchBytes(this.scratch)
    );
  }

  entityOf(record: number): ScreeningEntity {
    return this.entities[this.data.recEntity[record]!]!;
  }

  entityIndexOf(record: number): number {
    return this.data.recEntity[record]!;
  }

  kindOf(record: number): NameKind {
    return KINDS[this.data.recKind[record]!]!;
  }

  textOf(record: number): string {
    return this.data.recText[record]!;
  }

  /** Records whose whole name is this abbreviation. */
  abbreviationRecords(key: string): readonly number[] {
    return this.data.abbreviations.get(key) ?? [];
  }

  campusesOf(record: number): Set<string> | undefined {
    return this.data.campusSets[this.data.recEntity[record]!];
  }

  /** Looks up every query token: exactly, with typos through the deletion index, or (exhaustive) against the whole vocabulary. */
  prepare(tokens: string[], exhaustive = false): PreparedQuery {
    return prepareQuery(this.data, this.scratch, tokens, exhaustive);
  }

  /**
   * Every listed name that could reach minScore, scored. With exhaustive, every name is scored
   * (the linear scan the benchmark compares with).
   */
  search(query: PreparedQuery, minScore: number, exhaustive = false): RecordScore[] {
    return searchIndex(this.data, this.scratch, query, minScore, exhaustive);
  }

  /** Which words paired with which, for the explanation of a hit. */
  explain(query: PreparedQuery, r: number): RecordDetail {
    return explainRecord(this.data, this.scratch, query, r);
  }
}
