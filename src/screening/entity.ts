// What the screener indexes: one entity of a list, with every name it is known by.
import type { HitKind } from '../engine/types.js';

/** Why a name belongs to an entity; the explanation of a hit says which one matched. */
export type NameKind = 'name' | 'alias' | 'former' | 'chinese' | 'abbreviation';

/** A list as hits name it; shared by all entities of the list. */
export interface ListRef {
  id: string;
  name: string;
  /** ISO date (YYYY-MM-DD) of the list version. */
  date: string;
  /** Where the list comes from (a web page), when known. */
  url?: string;
}

export interface ScreeningEntity {
  id: string;
  name: string;
  /** Short all-capital aliases ("HITSZ") are treated as abbreviations. */
  aliases: readonly string[];
  formerNames: readonly string[];
  abbreviations: readonly string[];
  chineseNames: readonly string[];
  /** ISO alpha-2, lower-case. */
  countries: readonly string[];
  topics: readonly string[];
  /** What kind of listing this is: from the entry's topics or datasets, or the list's declared kind. */
  kind: HitKind;
  /** People may be listed with a middle name or patronymic the query leaves out. */
  person: boolean;
  /** Words that may follow the name or an abbreviation as a campus, e.g. "Shenzhen". */
  campuses: readonly string[];
  /** Where the list says the entry comes from, e.g. the sanctions programme. */
  source?: string;
  list: ListRef;
}

export const NONE: readonly string[] = Object.freeze([]);

const ABBREVIATION = /^[\p{Lu}\d][\p{Lu}\d&.-]{1,7}$/u;

/** "HITSZ", "NUAA", "N.U.A.A.": one short word written in capitals. */
function looksLikeAbbreviation(text: string): boolean {
  const t = text.trim();
  return ABBREVIATION.test(t) && /\p{Lu}.*\p{Lu}/u.test(t);
}

/** Every name of an entity with its kind, the main name first. */
export function* namesOf(entity: ScreeningEntity): Generator<{ text: string; kind: NameKind }> {
  yield { text: entity.name, kind: looksLikeAbbreviation(entity.name) ? 'abbreviation' : 'name' };
  for (const text of entity.formerNames) yield { text, kind: 'former' };
  for (const text of entity.abbreviations) yield { text, kind: 'abbreviation' };
  for (const text of entity.chineseNames) yield { text, kind: 'chinese' };
  for (const text of entity.aliases) yield { text, kind: looksLikeAbbreviation(text) ? 'abbreviation' : 'alias' };
}
