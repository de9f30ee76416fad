// What screening a name against the lists returns: the engine reads it, src/screening produces it.

export interface ScreeningHit {
  /** List id: seven-sons, chinese-military, restricted, opensanctions-<dataset>, own list ids. */
  list: string;
  listName: string;
  /** ISO date of the list version. */
  listDate: string;
  id: string;
  name: string;
  /** The name or alias of the entry that matched. */
  matched: string;
  score: number;
  /** True when the hit is a match; false is a "possible, not a match". */
  match: boolean;
  why: string;
  country?: string;
  /** Topics of the entry, e.g. sanction, debarment, crime. */
  topics?: string[];
  /** What kind of listing this is; the advice treats each kind as the guideline does. The screener always sets it. */
  kind?: HitKind;
  /** Where the list says the entry comes from (OpenSanctions source datasets, a list's source). */
  source?: string;
}

export const HIT_KINDS = ['sanction', 'export-control', 'debarment', 'military', 'risk-list', 'restriction', 'crime', 'pep', 'other'] as const;
export type HitKind = (typeof HIT_KINDS)[number];

export interface ScreenedList {
  id: string;
  name: string;
  date: string;
  stale: boolean;
  entries: number;
  /** The kinds of listing its entries have (a sanctions export also holds debarments, PEPs ...). */
  kinds?: HitKind[];
  url?: string;
}

/** A kind of list the guideline asks to check that no loaded list covers: check it by hand. */
export interface UncheckedKind {
  kind: HitKind;
  /** One sentence in the screener's language, e.g. "No sanctions list is loaded: check the name on ...". */
  text: string;
  links: Array<{ id: string; title: string; url: string }>;
}

export interface ScreeningResult {
  query: string;
  hits: ScreeningHit[];
  /** The lists actually checked, with their dates. */
  lists: ScreenedList[];
  /** Kinds of list that were not checked because no data for them is loaded, e.g. ['sanction']. */
  missing?: HitKind[];
  /** For each missing kind: what to say and where to check by hand (OpenSanctions, the EU sanctions map). */
  checkByHand?: UncheckedKind[];
  /** Lists asked remotely (yente) that did not answer in time or failed: not checked, said as such. */
  notChecked?: Array<{ list: string; name: string; reason: 'timeout' | 'error' | 'pending'; text: string }>;
}

export interface Screener {
  screen(name: string, options?: { country?: string; limit?: number }): ScreeningResult;
}
