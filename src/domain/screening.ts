// What screening a name against the lists returns: the engine reads it, src/screening produces it.

export interface ScreeningHit {
  /** List id: seven-sons, sanctions, restricted, own list ids. */
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
  /** What kind of listing this is; the advice treats each kind as the guideline does. */
  kind?: HitKind;
}

export const HIT_KINDS = ['sanction', 'export-control', 'debarment', 'military', 'risk-list', 'restriction', 'crime', 'pep', 'other'] as const;
export type HitKind = (typeof HIT_KINDS)[number];

export interface ScreenedList {
  id: string;
  name: string;
  date: string;
  stale: boolean;
  entries: number;
}

export interface ScreeningResult {
  query: string;
  hits: ScreeningHit[];
  lists: ScreenedList[];
}

export interface Screener {
  screen(name: string, options?: { country?: string; limit?: number }): ScreeningResult;
}
