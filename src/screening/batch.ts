// Screening a whole file of partners, shared by `advisor screen --csv` and the inbox's upload: the
// partners read from the CSV, each screened (with yente when it is set), and the report as rows
// with a `kind` column and as JSON with the lists checked, their dates and what was not screened.
import type { HitKind, ScreenedList, ScreeningHit, ScreeningResult, UncheckedKind } from '../domain/screening.js';
import { parseCsv, type CsvDelimiter } from './csv.js';

export interface Partner {
  /** The record number in the file (the header is record 1 when there is one). */
  row: number;
  name: string;
  country?: string;
}

export interface PartnerResult {
  partner: Partner;
  hits: ScreeningHit[];
  notChecked?: ScreeningResult['notChecked'];
}

/** What the screener covers: the lists with their dates, and the kinds no loaded list has. */
export interface Coverage {
  lists: ScreenedList[];
  missing: HitKind[];
  checkByHand: UncheckedKind[];
}

export type ScreenOne = (name: string, options: { country?: string }) => ScreeningResult | Promise<ScreeningResult>;

/** The screener a batch runs against: the running server's (or the CLI's), with yente when set. */
export interface BatchScreener {
  screen: ScreenOne;
  coverage(): Coverage;
}

/**
 * Partners from a CSV with a `name` (or `partner`) column and an optional `country` column, or a
 * first column of names without a header. `;`, `,` or tab separated; a BOM and quoted fields are fine.
 */
export function readPartners(input: string | Buffer): { partners: Partner[]; delimiter: CsvDelimiter } {
  const { records, delimiter } = parseCsv(input);
  const partners: Partner[] = [];
  let nameCol = 0;
  let countryCol = -1;
  records.forEach((row, i) => {
    const cells = row.map((c) => c.trim());
    const lower = cells.map((c) => c.toLowerCase());
    if (i === 0 && (lower.includes('name') || lower.includes('partner'))) {
      nameCol = lower.includes('name') ? lower.indexOf('name') : lower.indexOf('partner');
      countryCol = lower.indexOf('country');
      return;
    }
    const name = cells[nameCol]?.replace(/\s+/g, ' ');
    if (!name) return;
    const country = countryCol >= 0 ? cells[countryCol] : undefined;
    partners.push({ row: i + 1, name, ...(country && /^[A-Za-z]{2}$/.test(country) ? { country: country.toUpperCase() } : {}) });
  });
  return { partners, delimiter };
}

/**
 * Screens every partner in order, giving the event loop a turn now and then so a server stays
 * responsive. The coverage is what the screenings said: every list that answered (yente included
 * once it answered), and the kinds that were missing for every partner.
 */
export async function screenPartners(
  partners: Partner[],
  screener: BatchScreener,
  onProgress?: (done: number, total: number) => void,
): Promise<{ results: PartnerResult[]; coverage: Coverage }> {
  const results: PartnerResult[] = [];
  const lists = new Map<string, ScreenedList>();
  let missing: HitKind[] | undefined;
  let checkByHand: UncheckedKind[] = [];
  onProgress?.(0, partners.length);
  for (const [i, partner] of partners.entries()) {
    const r = await screener.screen(partner.name, partner.country ? { country: partner.country } : {});
    results.push({ partner, hits: r.hits, ...(r.notChecked?.length ? { notChecked: r.notChecked } : {}) });
    for (const l of r.lists) lists.set(l.id, l);
    const here = r.missing ?? [];
    missing = missing === undefined ? here : missing.filter((k) => here.includes(k));
    if (checkByHand.length === 0) checkByHand = r.checkByHand ?? [];
    onProgress?.(i + 1, partners.length);
    if (i % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
  }
  if (missing === undefined) return { results, coverage: screener.coverage() };
  const kinds = missing;
  return { results, coverage: { lists: [...lists.values()], missing: kinds, checkByHand: checkByHand.filter((c) => kinds.includes(c.kind)) } };
}

const REPORT_HEADER = [
  'row',
  'partner',
  'country',
  'result',
  'kind',
  'list',
  'list_date',
  'list_stale',
  'id',
  'listed_name',
  'matched',
  'score',
  'why',
  'not_checked',
];

/** One row per hit, one "no hit" row per partner without hits; lists that did not answer in `not_checked`. */
export function reportRows(results: PartnerResult[], lists: ScreenedList[]): string[][] {
  const stale = new Map(lists.map((l) => [l.id, l.stale]));
  const rows: string[][] = [REPORT_HEADER];
  for (const { partner, hits, notChecked } of results) {
    const base = [String(partner.row), partner.name, partner.country ?? ''];
    const unchecked = (notChecked ?? []).map((n) => `${n.name}: ${n.reason}`).join('; ');
    if (hits.length === 0) {
      rows.push([...base, 'no hit', '', '', '', '', '', '', '', '', '', unchecked]);
      continue;
    }
    for (const h of hits) {
      rows.push([
        ...base,
        h.match ? 'match' : 'possible',
        h.kind ?? '',
        h.list,
        h.listDate,
        stale.get(h.list) ? 'stale' : '',
        h.id,
        h.name,
        h.matched,
        h.score.toFixed(3),
        h.why,
        unchecked,
      ]);
    }
  }
  return rows;
}

export interface BatchSummary {
  partners: number;
  withMatch: number;
  possibleOnly: number;
  /** Partners for whom a remote list (yente) did not answer. */
  notChecked: number;
}

function summarise(results: PartnerResult[]): BatchSummary {
  return {
    partners: results.length,
    withMatch: results.filter((r) => r.hits.some((h) => h.match)).length,
    possibleOnly: results.filter((r) => r.hits.length > 0 && !r.hits.some((h) => h.match)).length,
    notChecked: results.filter((r) => (r.notChecked?.length ?? 0) > 0).length,
  };
}

export interface BatchReport {
  source: string;
  screenedAt: string;
  summary: BatchSummary;
  lists: ScreenedList[];
  missing?: HitKind[];
  checkByHand?: UncheckedKind[];
  note: string;
  partners: Array<{ row: number; name: string; country: string | undefined; hits: ScreeningHit[]; notChecked?: ScreeningResult['notChecked'] }>;
}

/** The full results with the lists, their dates and staleness, and what was not screened. */
export function batchReport(source: string, screenedAt: string, results: PartnerResult[], coverage: Coverage, note: string): BatchReport {
  return {
    source,
    screenedAt,
    summary: summarise(results),
    lists: coverage.lists,
    ...(coverage.missing.length > 0 ? { missing: coverage.missing, checkByHand: coverage.checkByHand } : {}),
    note,
    partners: results.map(({ partner, hits, notChecked }) => ({
      row: partner.row,
      name: partner.name,
      country: partner.country,
      hits,
      ...(notChecked ? { notChecked } : {}),
    })),
  };
}
