// Partner files as people make them: Excel in Belgium writes `;`-separated files, often with a BOM,
// names may be quoted and hold newlines. Read with a real parser (csv-parse), written with one
// (csv-stringify), with a BOM so Excel reads the UTF-8, and with cells that a spreadsheet would take
// for a formula (= + - @, tab, carriage return) neutralised by a leading quote.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export type CsvDelimiter = ',' | ';' | '\t';

const BOM = '\uFEFF';

/** The delimiter of the first record: the one of `;`, `,` and tab that occurs most outside quotes. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text.startsWith(BOM) ? text.slice(1) : text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.keys(counts) as CsvDelimiter[]).sort((a, b) => counts[b] - counts[a])[0]!;
  return counts[best] > 0 ? best : ',';
}

/**
 * A file's text: UTF-8 (with or without a BOM), or, when it is not valid UTF-8, Windows-1252, which
 * is what Excel's plain "CSV (;)" writes on a Belgian Windows.
 */
function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('windows-1252').decode(data);
  }
}

/** The records of a CSV text, with its delimiter; a BOM is dropped, quoted fields may hold newlines. */
export function parseCsv(input: string | Buffer): { records: string[][]; delimiter: CsvDelimiter } {
  const text = typeof input === 'string' ? input : decodeText(input);
  const delimiter = detectDelimiter(text);
  const records = parse(text, {
    bom: true,
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  }) as string[][];
  return { records, delimiter };
}

/** A cell a spreadsheet would run as a formula gets a leading quote, so it shows as text. */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** A CSV text with a BOM, every cell neutralised, quoted where needed. */
export function writeCsv(rows: string[][], delimiter: CsvDelimiter = ','): string {
  return (
    BOM +
    stringify(
      rows.map((r) => r.map(neutraliseFormula)),
      { delimiter, record_delimiter: '\r\n' },
    )
  );
}
