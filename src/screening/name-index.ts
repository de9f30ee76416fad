// The index behind screening: tokens of every listed name, postings from tokens to names, and a
// deletion index for typos. A query touches only the names that share a rare enough token with it
// (prefix filtering on token weights), so its cost does not grow with the size of the lists.
import { namesOf, type NameKind, type ScreeningEntity } from './entity.js';
import { deletionHashes, type HashMultiMap, HashMultiMapBuilder } from './hash-multimap.js';
import { compactKey, isHan, type Normaliser } from './normalise.js';
import { allowedEdits, creditForDistance, tokenCredit } from './similarity.js';

const KINDS: NameKind[] = ['name', 'alias', 'former', 'chinese', 'abbreviation'];
/** A query longer than this is cut: names are short, and masks are 32-bit. */
const MAX_QUERY_TOKENS = 24;
/**
 * Candidates are the names that could reach this score. Names between the "possible" threshold and
 * this one are still scored when they share the heaviest words, but not searched for otherwise.
 */
const CANDIDATE_SCORE = 0.8;
/** A Chinese name followed by a campus ("哈尔滨工业大学深圳") matches the name when it has at least this many characters. */
const MIN_HAN_PREFIX = 4;
const TYPO1_CREDIT = creditForDistance(1);
const TYPO2_CREDIT = creditForDistance(2);
/** Past this many names for the rarest word a match must hold, they are intersected with the next rarest. */
const INTERSECT_FROM = 2_000;
/** Query words whose typo forms are remembered; the cache starts over when full. */
const EXPANSION_CACHE_SIZE = 20_000;
/** A query word is common, and its typo forms worth remembering, when this many names hold it. */
const CACHE_FROM_NAMES = 100;

export interface QueryToken {
  text: string;
  /** Position in the query, left to right. */
  position: number;
  weight: number;
  /** Vocabulary token id → credit. */
  expansions: ReadonlyMap<number, number>;
  place: boolean;
}

export interface PreparedQuery {
  /** Sorted by weight, heaviest first. */
  tokens: QueryToken[];
  totalWeight: number;
  key: string;
}

export interface RecordScore {
  record: number;
  score: number;
  aligned: boolean;
}

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

export class NameIndex {
  readonly entities: ScreeningEntity[];
  readonly normaliser: Normaliser;
  private readonly vocab: Map<string, number>;
  private readonly tokenText: string[];
  private readonly weights: Float32Array;
  private readonly postStart: Int32Array;
  private readonly postings: Int32Array;
  private readonly recEntity: Int32Array;
  private readonly recKind: Uint8Array;
  private readonly recText: string[];
  private readonly recStart: Int32Array;
  private readonly recToks: Int32Array;
  private readonly recWeight: Float32Array;
  /** 1 when the record names a person: kept beside the other typed arrays, not read from the entity objects. */
  private readonly recPerson: Uint8Array;
  private readonly deletions: HashMultiMap;
  private readonly compact: HashMultiMap;
  private readonly abbreviations: Map<string, number[]>;
  private readonly unknownWeight: number;
  private readonly campusSets: Array<Set<string> | undefined>;
  // Scratch space, reused by every query (the screener is synchronous).
  private readonly tokStamp: Uint32Array;
  /** Per vocabulary token, the query tokens it equals, is one typo from, or two typos from (bit masks). */
  private readonly tokExact: Int32Array;
  private readonly tokTypo1: Int32Array;
  private readonly tokTypo2: Int32Array;
  private readonly pairedScratch: Uint8Array;
  private readonly recStamp: Uint32Array;
  /** Records that hold a word of a second required query word, for intersecting long postings. */
  private readonly recMark: Uint32Array;
  private readonly expandStamp: Uint32Array;
  private expandStampValue = 0;
  /** Campus word → records of the entities with that campus (a campus may stand in for a query word). */
  private readonly campusRecords: Map<string, number[]>;
  private readonly expansionCache = new Map<string, ReadonlyMap<number, number>>();
  private stamp = 0;
  private lastAligned = false;
  /** The search under way, for visit(): kept in a field so that no closure is made per search. */
  private visiting: { query: PreparedQuery; stamp: number; minScore: number; out: RecordScore[] } = {
    query: { tokens: [], totalWeight: 0, key: '' },
    stamp: 0,
    minScore: 1,
    out: [],
  };
  /** How many names the last search() scored: the work it did, for the benchmark. */
  lastScored = 0;

  constructor(entities: ScreeningEntity[], normaliser: Normaliser) {
    this.entities = entities;
    this.normaliser = normaliser;
    this.vocab = new Map();
    this.tokenText = [];
    const df: number[] = [];
    const recEntity: number[] = [];
    const recKind: number[] = [];
    const recText: string[] = [];
    const recStart: number[] = [0];
    const recToks: number[] = [];
    const abbreviations = new Map<string, number[]>();
    this.campusSets = [];

    const addRecord = (entity: number, text: string, kind: NameKind, seen: Set<string>): void => {
      if (kind === 'abbreviation') {
        const key = compactKey(normaliser.rawTokens(text));
        if (key === '' || seen.has(`#${key}`)) return;
        seen.add(`#${key}`);
        const list = abbreviations.get(key) ?? [];
        list.push(recEntity.length);
        abbreviations.set(key, list);
      } else {
        const tokens = [...new Set(normaliser.tokens(text))];
        const key = tokens.join(' ');
        if (tokens.length === 0 || seen.has(key)) return;
        seen.add(key);
        for (const token of tokens) {
          let id = this.vocab.get(token);
          if (id === undefined) {
            id = this.tokenText.length;
            this.vocab.set(token, id);
            this.tokenText.push(token);
            df.push(0);
          }
          df[id]!++;
          recToks.push(id);
        }
      }
      recEntity.push(entity);
      recKind.push(KINDS.indexOf(kind));
      recText.push(text);
      recStart.push(recToks.length);
    };

    entities.forEach((entity, i) => {
      const seen = new Set<string>();
      for (const { text, kind } of namesOf(entity)) addRecord(i, text, kind, seen);
      this.campusSets.push(
        entity.campuses.length > 0 ? new Set(entity.campuses.flatMap((c) => normaliser.rawTokens(c))) : undefined,
      );
    });

    const records = recEntity.length;
    const tokenCount = this.tokenText.length;
    this.recEntity = Int32Array.from(recEntity);
    this.recKind = Uint8Array.from(recKind);
    this.recPerson = Uint8Array.from(recEntity, (e) => (entities[e]!.person ? 1 : 0));
    this.recText = recText;
    this.recStart = Int32Array.from(recStart);
    this.recToks = Int32Array.from(recToks);
    this.abbreviations = abbreviations;

    // Rare tokens weigh more: a shared "Harbin" says more than a shared "University".
    this.weights = new Float32Array(tokenCount);
    for (let t = 0; t < tokenCount; t++) this.weights[t] = Math.log(1 + records / df[t]!);
    this.unknownWeight = Math.log(1 + Math.max(records, 1));

    this.postStart = new Int32Array(tokenCount + 1);
    for (let t = 0; t < tokenCount; t++) this.postStart[t + 1] = this.postStart[t]! + df[t]!;
    this.postings = new Int32Array(this.recToks.length);
    const fill = this.postStart.slice(0, tokenCount);
    this.recWeight = new Float32Array(records);
    for (let r = 0; r < records; r++) {
      let w = 0;
      for (let j = this.recStart[r]!; j < this.recStart[r + 1]!; j++) {
        const t = this.recToks[j]!;
        this.postings[fill[t]!++] = r;
        w += this.weights[t]!;
      }
      this.recWeight[r] = w;
    }

    // Symmetric deletion: a token goes in with every form of it with up to as many letters left
    // out as it may have typos. Two tokens within the allowed distance share such a form: the
    // longer needs at most that many deletions, the shorter that many less the difference in
    // length, which is never more than its own allowance. Four-letter tokens go in as they are:
    // a five-letter query with one letter too many finds them.
    const deletions = new HashMultiMapBuilder();
    for (let t = 0; t < tokenCount; t++) {
      const token = this.tokenText[t]!;
      if (isHan(token) || allowedEdits(token.length + 1) === 0) continue;
      for (const hash of deletionHashes(token, allowedEdits(token.length))) deletions.addHash(hash, t);
    }
    this.deletions = deletions.build();

    const compact = new HashMultiMapBuilder();
    for (let r = 0; r < records; r++) {
      if (this.recStart[r + 1]! - this.recStart[r]! > 0) compact.add(this.recordKey(r), r);
    }
    this.compact = compact.build();

    this.tokStamp = new Uint32Array(tokenCount);
    this.tokExact = new Int32Array(tokenCount);
    this.tokTypo1 = new Int32Array(tokenCount);
    this.tokTypo2 = new Int32Array(tokenCount);
    let longest = 0;
    for (let r = 0; r < records; r++) longest = Math.max(longest, this.recStart[r + 1]! - this.recStart[r]!);
    this.pairedScratch = new Uint8Array(longest);
    this.recStamp = new Uint32Array(records);
    this.recMark = new Uint32Array(records);
    this.expandStamp = new Uint32Array(tokenCount);

    this.campusRecords = new Map();
    for (let r = 0; r < records; r++) {
      const campuses = this.campusSets[this.recEntity[r]!];
      if (!campuses || this.recStart[r + 1]! === this.recStart[r]!) continue;
      for (const campus of campuses) {
        const list = this.campusRecords.get(campus) ?? [];
        list.push(r);
        this.campusRecords.set(campus, list);
      }
    }
  }

  get recordCount(): number {
    return this.recEntity.length;
  }

  get vocabularySize(): number {
    return this.tokenText.length;
  }

  /** Bytes held in typed arrays (the JavaScript strings and maps come on top). */
  get typedBytes(): number {
    return (
      this.weights.byteLength +
      this.postStart.byteLength +
      this.postings.byteLength +
      this.recEntity.byteLength +
      this.recKind.byteLength +
      this.recStart.byteLength +
      this.recToks.byteLength +
      this.recWeight.byteLength +
      this.deletions.bytes +
      this.compact.bytes +
      this.tokStamp.byteLength * 4 +
      this.expandStamp.byteLength +
      this.recStamp.byteLength +
      this.recMark.byteLength
    );
  }

  entityOf(record: number): ScreeningEntity {
    return this.entities[this.recEntity[record]!]!;
  }

  entityIndexOf(record: number): number {
    return this.recEntity[record]!;
  }

  kindOf(record: number): NameKind {
    return KINDS[this.recKind[record]!]!;
  }

  textOf(record: number): string {
    return this.recText[record]!;
  }

  /** Records whose whole name is this abbreviation. */
  abbreviationRecords(key: string): readonly number[] {
    return this.abbreviations.get(key) ?? [];
  }

  campusesOf(record: number): Set<string> | undefined {
    return this.campusSets[this.recEntity[record]!];
  }

  /** Looks up every query token: exactly, with typos through the deletion index, or (exhaustive) against the whole vocabulary. */
  prepare(tokens: string[], exhaustive = false): PreparedQuery {
    const places = this.normaliser.places;
    const unique = [...new Set(tokens)].slice(0, MAX_QUERY_TOKENS);
    const prepared: QueryToken[] = unique.map((text, position) => {
      const expansions = exhaustive ? this.expandByScan(text) : this.expandCached(text);
      const exact = this.vocab.get(text);
      // An unknown word weighs as the word it most likely stands for: the closest, and of those the
      // most common ("uinted" is "united", not the rare "uintek"). A word no list knows weighs most.
      let weight = exact !== undefined ? this.weights[exact]! : this.unknownWeight;
      if (exact === undefined) {
        let bestCredit = 0;
        for (const [id, credit] of expansions) {
          const w = this.weights[id]!;
          if (credit > bestCredit || (credit === bestCredit && w < weight)) {
            bestCredit = credit;
            weight = w;
          }
        }
      }
      return { text, position, weight, expansions, place: places.has(text) };
    });
    prepared.sort((a, b) => b.weight - a.weight || a.position - b.position);
    const totalWeight = prepared.reduce((sum, t) => sum + t.weight, 0);
    return { tokens: prepared, totalWeight, key: compactKey(unique) };
  }

  /**
   * Expansions of common query words ("technologies", "state") are remembered: they come back in
   * most queries. Rare words are not, so that a repeated benchmark measures the lookup itself.
   */
  private expandCached(text: string): ReadonlyMap<number, number> {
    const cached = this.expansionCache.get(text);
    if (cached !== undefined) return cached;
    const found = this.expand(text);
    const id = this.vocab.get(text);
    if (id !== undefined && this.postStart[id + 1]! - this.postStart[id]! >= CACHE_FROM_NAMES) {
      if (this.expansionCache.size >= EXPANSION_CACHE_SIZE) this.expansionCache.clear();
      this.expansionCache.set(text, found);
    }
    return found;
  }

  private expand(text: string): Map<number, number> {
    const out = new Map<number, number>();
    const exact = this.vocab.get(text);
    if (exact !== undefined) out.set(exact, 1);
    if (isHan(text)) {
      for (let k = text.length - 1; k >= MIN_HAN_PREFIX; k--) {
        const id = this.vocab.get(text.slice(0, k));
        if (id !== undefined && !out.has(id)) out.set(id, 1);
      }
      return out;
    }
    // A four-letter query may be a five-letter name with a letter dropped ("Roya" for "Royal").
    if (allowedEdits(text.length + 1) === 0) return out;
    // A token found under several deletion forms is compared once.
    const seen = this.nextExpandStamp();
    if (exact !== undefined) this.expandStamp[exact] = seen;
    for (const hash of deletionHashes(text, allowedEdits(text.length))) {
      this.deletions.forEachHash(hash, (id) => {
        if (this.expandStamp[id] === seen) return;
        this.expandStamp[id] = seen;
        const credit = tokenCredit(text, this.tokenText[id]!);
        if (credit > 0) out.set(id, credit);
      });
    }
    return out;
  }

  private nextExpandStamp(): number {
    this.expandStampValue = (this.expandStampValue + 1) >>> 0;
    if (this.expandStampValue === 0) {
      this.expandStamp.fill(0);
      this.expandStampValue = 1;
    }
    return this.expandStampValue;
  }

  /** The same expansions as expand(), found by comparing with every token: the linear-scan baseline. */
  private expandByScan(text: string): Map<number, number> {
    const out = new Map<number, number>();
    const han = isHan(text);
    for (let id = 0; id < this.tokenText.length; id++) {
      const token = this.tokenText[id]!;
      const credit = han
        ? token === text || (token.length >= MIN_HAN_PREFIX && token.length < text.length && text.startsWith(token))
          ? 1
          : 0
        : tokenCredit(text, token);
      if (credit > 0) out.set(id, credit);
    }
    return out;
  }

  /** Marks, for this query, which query tokens each vocabulary token stands for and with what credit. */
  private stampQuery(query: PreparedQuery): number {
    const stamp = this.nextStamp();
    query.tokens.forEach((token, qi) => {
      for (const [t, credit] of token.expansions) {
        if (this.tokStamp[t] !== stamp) {
          this.tokStamp[t] = stamp;
          this.tokExact[t] = 0;
          this.tokTypo1[t] = 0;
          this.tokTypo2[t] = 0;
        }
        const bit = 1 << qi;
        if (credit >= 1) this.tokExact[t]! |= bit;
        else if (credit >= TYPO1_CREDIT) this.tokTypo1[t]! |= bit;
        else this.tokTypo2[t]! |= bit;
      }
    });
    return stamp;
  }

  private nextStamp(): number {
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      this.tokStamp.fill(0);
      this.recStamp.fill(0);
      this.recMark.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  /**
   * Every listed name that could reach minScore, scored. With exhaustive, every name is scored
   * (the linear scan the benchmark compares with).
   */
  search(query: PreparedQuery, minScore: number, exhaustive = false): RecordScore[] {
    const stamp = this.stampQuery(query);
    const out: RecordScore[] = [];
    this.lastScored = 0;
    this.visiting = { query, stamp, minScore, out };
    if (exhaustive) {
      for (let r = 0; r < this.recEntity.length; r++) if (this.recStart[r + 1]! > this.recStart[r]!) this.visit(r);
    } else {
      this.visitMatchCandidates(query, stamp);
      this.visitPossibleCandidates(query, minScore, stamp);
    }
    // "Bei Hang University" = "Beihang University": the whole name written together.
    if (query.tokens.length > 0) {
      this.compact.forEach(query.key, (r) => {
        if (this.recordKey(r) !== query.key) return;
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
  private visit(r: number): void {
    const v = this.visiting;
    if (this.recStamp[r] === v.stamp) return;
    this.recStamp[r] = v.stamp;
    this.lastScored++;
    const score = this.scoreRecord(v.query, r, v.stamp, undefined);
    if (this.lastAligned || score >= v.minScore) v.out.push({ record: r, score, aligned: this.lastAligned });
  }

  /**
   * Every name that can be a match, complete: a match pairs every query word except a place after
   * the name or a campus of the entity. So a match holds a typo form of the rarest word that must
   * be paired, or is of an entity with a campus among the query words. When that word is common,
   * its names are kept only if they also hold a form of the next rarest such word.
   */
  private visitMatchCandidates(query: PreparedQuery, stamp: number): void {
    const qt = query.tokens;
    let anchor = -1;
    let anchorCount = Infinity;
    let second = -1;
    let secondCount = Infinity;
    for (let qi = 0; qi < qt.length; qi++) {
      const token = qt[qi]!;
      // The first word can never be let through as a place: nothing before it is paired.
      if (token.place && token.position > 0) continue;
      const count = this.postingCount(token);
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
    for (const token of qt) for (const r of this.campusRecords.get(token.text) ?? []) this.visit(r);
    if (anchor < 0 || anchorCount === 0) return;
    const intersect = second >= 0 && anchorCount > INTERSECT_FROM;
    if (intersect) {
      for (const t of qt[second]!.expansions.keys()) {
        for (let p = this.postStart[t]!; p < this.postStart[t + 1]!; p++) this.recMark[this.postings[p]!] = stamp;
      }
    }
    // A match pairs every word of the name (a person may have one more): longer names cannot be one.
    const longest = qt.length;
    for (const t of qt[anchor]!.expansions.keys()) {
      for (let p = this.postStart[t]!; p < this.postStart[t + 1]!; p++) {
        const r = this.postings[p]!;
        if (intersect && this.recMark[r] !== stamp) continue;
        const words = this.recStart[r + 1]! - this.recStart[r]!;
        if (words > longest + this.recPerson[r]!) continue;
        this.visit(r);
      }
    }
  }

  /** Names that hold a typo form of this query word. */
  private postingCount(token: QueryToken): number {
    let count = 0;
    for (const t of token.expansions.keys()) count += this.postStart[t + 1]! - this.postStart[t]!;
    return count;
  }

  /**
   * Names that may score as "possible, not a match" without being a match: best effort, bounded.
   * Those that share one of the heaviest query words (prefix filtering), with typos for the
   * heaviest word and every unknown one; typo neighbours of a common known word ("technologies"
   * for "technology") would bring in thousands of names. A name found through a common word that
   * alone weighs too little to reach the threshold must share another query word as well.
   */
  private visitPossibleCandidates(query: PreparedQuery, minScore: number, stamp: number): void {
    const qt = query.tokens;
    const threshold = Math.max(minScore, CANDIDATE_SCORE);
    const required = (threshold * query.totalWeight) / (2 - threshold);
    const heaviest = (2 / minScore - 1) * query.totalWeight;
    for (const [n, qi] of this.prefixTokens(query, threshold).entries()) {
      const token = qt[qi]!;
      const exactId = this.vocab.get(token.text);
      const exact = n > 0 && exactId !== undefined && token.expansions.get(exactId) === 1;
      const ids = exact ? [exactId] : [...token.expansions.keys()];
      let count = 0;
      for (const t of ids) count += this.postStart[t + 1]! - this.postStart[t]!;
      const intersect = count > INTERSECT_FROM && token.weight < required && qt.length > 1;
      for (const t of ids) {
        for (let p = this.postStart[t]!; p < this.postStart[t + 1]!; p++) {
          const r = this.postings[p]!;
          // Dice on weights: a name much heavier than the query cannot reach the threshold with
          // equal words (typo pairs may weigh differently, so this is a bound only for those).
          if (this.recWeight[r]! > heaviest) continue;
          if (!intersect || this.holdsAnotherWord(r, qi, stamp)) this.visit(r);
        }
      }
    }
  }

  /** True when a word of the name is a form of a query word other than qi (a cheap look before scoring). */
  private holdsAnotherWord(r: number, qi: number, stamp: number): boolean {
    const others = ~(1 << qi);
    for (let j = this.recStart[r]!; j < this.recStart[r + 1]!; j++) {
      const t = this.recToks[j]!;
      if (this.tokStamp[t] === stamp && ((this.tokExact[t]! | this.tokTypo1[t]! | this.tokTypo2[t]!) & others) !== 0) return true;
    }
    return false;
  }

  /**
   * The heaviest query tokens that together weigh more than a listed name can miss and still reach
   * minScore: every such name shares at least one of them. The heaviest token that is not a place
   * is always included, since a place may be let through as a campus.
   */
  private prefixTokens(query: PreparedQuery, minScore: number): number[] {
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

  private recordKey(r: number): string {
    let key = '';
    for (let j = this.recStart[r]!; j < this.recStart[r + 1]!; j++) key += this.tokenText[this.recToks[j]!]!;
    return key;
  }

  /** Scores one record against a prepared query; search() must have stamped the query's tokens. */
  private scoreRecord(query: PreparedQuery, r: number, stamp: number, detail: RecordDetail | undefined): number {
    const qt = query.tokens;
    const start = this.recStart[r]!;
    const end = this.recStart[r + 1]!;
    let usedQ = 0;
    let pairSum = 0;
    let pairedR = 0;
    let lastPairedPos = -1;
    // Equal words pair first, then one typo before two: a listed "aeronautics" must not take the
    // query's "astronautics" (two letters off) while the query's "aeronatuics" is left without one.
    // Inlined rather than a helper closure: this runs for thousands of names per query.
    for (let pass = 0; pass < 3; pass++) {
      if (pass > 0 && pairedR === end - start) break;
      const masks = pass === 0 ? this.tokExact : pass === 1 ? this.tokTypo1 : this.tokTypo2;
      const credit = pass === 0 ? 1 : pass === 1 ? TYPO1_CREDIT : TYPO2_CREDIT;
      for (let j = start; j < end; j++) {
        if (pass === 0) this.pairedScratch[j - start] = 0;
        else if (this.pairedScratch[j - start] === 1) continue;
        const t = this.recToks[j]!;
        const free = this.tokStamp[t] === stamp ? masks[t]! & ~usedQ : 0;
        if (free === 0) {
          if (pass === 2) detail?.unmatchedListed.push(this.tokenText[t]!);
          continue;
        }
        const qi = 31 - Math.clz32(free & -free);
        usedQ |= 1 << qi;
        this.pairedScratch[j - start] = 1;
        const q = qt[qi]!;
        pairSum += credit * (q.weight + this.weights[t]!);
        pairedR++;
        if (q.position > lastPairedPos) lastPairedPos = q.position;
        detail?.pairs.push({ query: q.text, listed: this.tokenText[t]!, credit });
      }
    }
    let queryWeight = query.totalWeight;
    let unmatchedQ = 0;
    const campuses = this.campusSets[this.recEntity[r]!];
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
    const person = this.recPerson[r] === 1;
    const pairedQ = qt.length - unmatchedQ;
    const aligned =
      pairedR > 0 && unmatchedQ === 0 && (unmatchedR === 0 || (person && unmatchedR === 1 && pairedQ >= 2));
    // Returned through a field, not an object: this runs for thousands of names per query.
    this.lastAligned = aligned;
    return Math.min(1, pairSum / (queryWeight + this.recWeight[r]!));
  }

  /** Which words paired with which, for the explanation of a hit. */
  explain(query: PreparedQuery, r: number): RecordDetail {
    const stamp = this.stampQuery(query);
    const detail: RecordDetail = { pairs: [], unmatchedQuery: [], unmatchedListed: [], forgiven: [], compact: false };
    this.scoreRecord(query, r, stamp, detail);
    detail.compact = !this.lastAligned && this.recordKey(r) === query.key;
    return detail;
  }
}
