// CSV in and out through csv-parse / csv-stringify. Reading detects the delimiter from the header line:
// Excel in Belgium and the Netherlands saves with ';'. Writing adds a BOM, so Excel reads UTF-8 names
// (Chinese, Cyrillic) right, and neutralises cells that a spreadsheet would run as a formula.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export type CsvDelimiter = ',' | ';' | '\t';
const CANDIDATES: CsvDelimiter[] = [',', ';', '\t'];

/** The delimiter the first line uses most, outside quotes; ',' when none occurs. */
export function detectDelimiter(text: string): CsvDelimiter {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const counts = new Map<CsvDelimiter, number>(CANDIDATES.map((d) => [d, 0]));
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if ([...counts.values()].some((n) => n > 0)) break;
    } else if (!quoted && counts.has(c as CsvDelimiter)) counts.set(c as CsvDelimiter, (counts.get(c as CsvDelimiter) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of CANDIDATES) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

export interface ParsedCsv {
  delimiter: CsvDelimiter;
  records: string[][];
}

/** Every record of a CSV text (header included), quoted fields with delimiters and line breaks kept whole. */
export function parseCsv(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): ParsedCsv {
  const records = parse(text, {
    delimiter,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];
  return { delimiter, records };
}

export function readCsvFile(path: string): ParsedCsv {
  return parseCsv(readFileSync(path, 'utf8'));
}

/** Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet shows as text: a leading apostrophe keeps "=HYPERLINK(…)" from running. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** CSV text with a BOM, every cell neutralised, quoted where the format needs it, CRLF line ends as Excel expects. */
export function stringifyCsv(rows: string[][], delimiter: CsvDelimiter = ','): string {
  return stringify(
    rows.map((row) => row.map(neutraliseCell)),
    { bom: true, delimiter, record_delimiter: 'windows' },
  );
}
