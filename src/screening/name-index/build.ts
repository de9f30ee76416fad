// Builds the screening index once from the entities: the vocabulary with a weight per word, postings
// from words to names, the deletion index for typos and the written-together keys, in typed arrays.
// Read-only once built; the search's scratch space lives beside it (search-state.ts).
import { namesOf, type NameKind, type ScreeningEntity } from '../entity.js';
import { deletionHashes, type HashMultiMap, HashMultiMapBuilder } from '../hash-multimap.js';
import { compactKey, isHan, type Normaliser } from '../normalise.js';
import { allowedEdits } from '../similarity.js';

export const KINDS: NameKind[] = ['name', 'alias', 'former', 'chinese', 'abbreviation'];

/** Records are the listed names (one entity has several), tokens the distinct words of all names. */
export interface IndexData {
  readonly entities: ScreeningEntity[];
  readonly normaliser: Normaliser;
  /** Word → token id. */
  readonly vocab: Map<string, number>;
  readonly tokenText: string[];
  readonly weights: Float32Array;
  /** The records of token t are postings[postStart[t] .. postStart[t + 1]). */
  readonly postStart: Int32Array;
  readonly postings: Int32Array;
  readonly recEntity: Int32Array;
  readonly recKind: Uint8Array;
  readonly recText: string[];
  /** The tokens of record r are recToks[recStart[r] .. recStart[r + 1]). */
  readonly recStart: Int32Array;
  readonly recToks: Int32Array;
  readonly recWeight: Float32Array;
  /** 1 when the record names a person: kept beside the other typed arrays, not read from the entity objects. */
  readonly recPerson: Uint8Array;
  readonly deletions: HashMultiMap;
  /** Records by their words written together ("beihanguniversity"). */
  readonly compact: HashMultiMap;
  readonly abbreviations: Map<string, number[]>;
  readonly unknownWeight: number;
  readonly campusSets: Array<Set<string> | undefined>;
  /** Campus word → records of the entities with that campus (a campus may stand in for a query word). */
  readonly campusRecords: Map<string, number[]>;
}

export function buildIndex(entities: ScreeningEntity[], normaliser: Normaliser): IndexData {
  const vocab = new Map<string, number>();
  const tokenText: string[] = [];
  const df: number[] = [];
  const recEntityList: number[] = [];
  const recKindList: number[] = [];
  const recText: string[] = [];
  const recStartList: number[] = [0];
  const recToksList: number[] = [];
  const abbreviations = new Map<string, number[]>();
  const campusSets: Array<Set<string> | undefined> = [];

  const addRecord = (entity: number, text: string, kind: NameKind, seen: Set<string>): void => {
    if (kind === 'abbreviation') {
      const key = compactKey(normaliser.rawTokens(text));
      if (key === '' || seen.has(`#${key}`)) return;
      seen.add(`#${key}`);
      const list = abbreviations.get(key) ?? [];
      list.push(recEntityList.length);
      abbreviations.set(key, list);
    } else {
      const tokens = [...new Set(normaliser.tokens(text))];
      const key = tokens.join(' ');
      if (tokens.length === 0 || seen.has(key)) return;
      seen.add(key);
      for (const token of tokens) {
        let id = vocab.get(token);
        if (id === undefined) {
          id = tokenText.length;
          vocab.set(token, id);
          tokenText.push(token);
          df.push(0);
        }
        df[id]!++;
        recToksList.push(id);
      }
    }
    recEntityList.push(entity);
    recKindList.push(KINDS.indexOf(kind));
    recText.push(text);
    recStartList.push(recToksList.length);
  };

  entities.forEach((entity, i) => {
    const seen = new Set<string>();
    for (const { text, kind } of namesOf(entity)) addRecord(i, text, kind, seen);
    campusSets.push(entity.campuses.length > 0 ? new Set(entity.campuses.flatMap((c) => normaliser.rawTokens(c))) : undefined);
  });

  const records = recEntityList.length;
  const tokenCount = tokenText.length;
  const recEntity = Int32Array.from(recEntityList);
  const recStart = Int32Array.from(recStartList);
  const recToks = Int32Array.from(recToksList);

  // Rare tokens weigh more: a shared "Harbin" says more than a shared "University".
  const weights = new Float32Array(tokenCount);
  for (let t = 0; t < tokenCount; t++) weights[t] = Math.log(1 + records / df[t]!);

  const postStart = new Int32Array(tokenCount + 1);
  for (let t = 0; t < tokenCount; t++) postStart[t + 1] = postStart[t]! + df[t]!;
  const postings = new Int32Array(recToks.length);
  const fill = postStart.slice(0, tokenCount);
  const recWeight = new Float32Array(records);
  for (let r = 0; r < records; r++) {
    let w = 0;
    for (let j = recStart[r]!; j < recStart[r + 1]!; j++) {
      const t = recToks[j]!;
      postings[fill[t]!++] = r;
      w += weights[t]!;
    }
    recWeight[r] = w;
  }

  // Symmetric deletion: a token goes in with every form of it with up to as many letters left
  // out as it may have typos. Two tokens within the allowed distance share such a form: the
  // longer needs at most that many deletions, the shorter that many less the difference in
  // length, which is never more than its own allowance. Four-letter tokens go in as they are:
  // a five-letter query with one letter too many finds them.
  const deletions = new HashMultiMapBuilder();
  for (let t = 0; t < tokenCount; t++) {
    const token = tokenText[t]!;
    if (isHan(token) || allowedEdits(token.length + 1) === 0) continue;
    for (const hash of deletionHashes(token, allowedEdits(token.length))) deletions.addHash(hash, t);
  }

  const compact = new HashMultiMapBuilder();
  for (let r = 0; r < records; r++) {
    if (recStart[r + 1]! - recStart[r]! > 0) compact.add(keyOf(tokenText, recStart, recToks, r), r);
  }

  const campusRecords = new Map<string, number[]>();
  for (let r = 0; r < records; r++) {
    const campuses = campusSets[recEntity[r]!];
    if (!campuses || recStart[r + 1]! === recStart[r]!) continue;
    for (const campus of campuses) {
      const list = campusRecords.get(campus) ?? [];
      list.push(r);
      campusRecords.set(campus, list);
    }
  }

  return {
    entities,
    normaliser,
    vocab,
    tokenText,
    weights,
    postStart,
    postings,
    recEntity,
    recKind: Uint8Array.from(recKindList),
    recText,
    recStart,
    recToks,
    recWeight,
    recPerson: Uint8Array.from(recEntityList, (e) => (entities[e]!.person ? 1 : 0)),
    deletions: deletions.build(),
    compact: compact.build(),
    abbreviations,
    unknownWeight: Math.log(1 + Math.max(records, 1)),
    campusSets,
    campusRecords,
  };
}

/** The words of record r written together: the key of `compact`. */
export function recordKey(index: IndexData, r: number): string {
  return keyOf(index.tokenText, index.recStart, index.recToks, r);
}

function keyOf(tokenText: string[], recStart: Int32Array, recToks: Int32Array, r: number): string {
  let key = '';
  for (let j = recStart[r]!; j < recStart[r + 1]!; j++) key += tokenText[recToks[j]!]!;
  return key;
}
