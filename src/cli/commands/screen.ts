// `advisor screen [--json] [--country CC] [--limit N] [--lang en|nl] NAME`
// `advisor screen --csv FILE [--out PREFIX] [--json]`: a whole file of partners, with a CSV and a JSON report.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { z } from 'zod';
import type { Lang } from '../../engine/ids.js';
import { langCodeSchema } from '../../domain/schemas.js';
import type { ScreenedList, ScreeningResult } from '../../engine/types.js';
import {
  createScreener,
  datasetSpecsFromConfig,
  loadDataset,
  readRestrictions,
  readSevenSons,
  screeningConfigSchema,
  yenteFromConfig,
  type YenteScreener,
  type ListScreener,
} from '../../screening/index.js';
import { batchReport, readPartners, reportRows, screenPartners, type BatchScreener, type Partner } from '../../screening/batch.js';
import { writeCsv, type CsvDelimiter } from '../../screening/csv.js';
import { defaultScreeningTexts, fill, type ScreeningTexts } from '../../screening/texts.js';
import type { CliIO } from '../io.js';

const USAGE = `usage: advisor screen [--json] [--country CC] [--limit N] [--lang en|nl] NAME
       advisor screen --csv FILE [--out PREFIX] [--lang en|nl]
Datasets: SCREENING_DATASETS=path[,path...] (each may start with "format:", "listid=ID:" or "kind=KIND:"),
SCREENING_STALE_DAYS (default 30). See docs/screening.md.
`;

const argsSchema = z.object({
  json: z.boolean(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, '--country takes a two-letter ISO country code, e.g. CN')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  lang: langCodeSchema,
  csv: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  name: z.string(),
});
type Args = z.infer<typeof argsSchema>;

function parseArgs(args: string[]): Args | string {
  const raw: Record<string, unknown> = { json: false, lang: 'en' };
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') raw['json'] = true;
    else if (a === '--country' || a === '--limit' || a === '--lang' || a === '--csv' || a === '--out') {
      const value = args[++i];
      if (value === undefined) return `${a} needs a value`;
      raw[a.slice(2)] = value;
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else words.push(a);
  }
  raw['name'] = words.join(' ').trim();
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.map((i) => i.message).join('; ');
  if (!parsed.data.csv && parsed.data.name === '') return 'give a name to screen, or --csv FILE';
  return parsed.data;
}

interface Built {
  screener: ListScreener;
  staleDays: number;
  /** Set when SCREENING_YENTE_URL is: local lists and yente together. */
  yente?: YenteScreener;
}

function buildScreener(io: CliIO, lang: Lang): Built {
  const config = screeningConfigSchema.parse(io.env);
  const datasets = datasetSpecsFromConfig(config).map((spec) => loadDataset(spec));
  const screener = createScreener({
    sevenSons: readSevenSons(),
    restrictions: readRestrictions(),
    datasets,
    staleAfterDays: config.SCREENING_STALE_DAYS,
    today: new Date().toISOString().slice(0, 10),
    lang,
  });
  const yente = yenteFromConfig(config, screener, lang);
  return { screener, staleDays: config.SCREENING_STALE_DAYS, ...(yente ? { yente } : {}) };
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr.write(`advisor screen: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  let built: Built;
  try {
    built = buildScreener(io, parsed.lang);
  } catch (err) {
    io.stderr.write(`advisor screen: ${(err as Error).message}\n`);
    return 2;
  }
  const texts = defaultScreeningTexts();
  if (parsed.csv) return screenFile(parsed, built, texts, io);
  const options = { ...(parsed.country ? { country: parsed.country } : {}), ...(parsed.limit ? { limit: parsed.limit } : {}) };
  const result = built.yente ? await built.yente.screenAsync(parsed.name, options) : built.screener.screen(parsed.name, options);
  if (parsed.json) {
    io.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    io.stdout.write(renderResult(result, texts, parsed.lang, built.staleDays));
  }
  return 0;
}

function renderResult(result: ScreeningResult, texts: ScreeningTexts, lang: Lang, staleDays: number): string {
  const cli = texts.cli;
  const lines: string[] = [`"${result.query}"`, ''];
  if (result.hits.length === 0) lines.push(fill(cli.noHits, lang));
  const rows = result.hits.map((h) => [
    h.match ? fill(cli.match, lang) : fill(cli.possible, lang),
    h.score.toFixed(2),
    h.kind ? fill(texts.hitKinds[h.kind], lang) : '',
    h.list,
    h.name,
    h.matched,
  ]);
  const widths = [0, 1, 2, 3, 4].map((c) => Math.max(...rows.map((r) => r[c]!.length), 0));
  result.hits.forEach((h, i) => {
    const r = rows[i]!;
    lines.push(r.map((cell, c) => (c < 5 ? cell.padEnd(widths[c]!) : cell)).join('  '));
    lines.push(`    ${h.why}`);
  });
  lines.push('', `${fill(cli.listsHeader, lang)}:`);
  for (const l of result.lists) lines.push(`  ${describeList(l, texts, lang, staleDays)}`);
  lines.push(...describeUnchecked(result, texts, lang));
  for (const n of result.notChecked ?? []) lines.push('', `${fill(cli.notScreened, lang)}: ${n.text}`);
  lines.push('', fill(cli.notClearance, lang), '');
  return lines.join('\n');
}

/** What was not screened, and where to check it by hand. */
function describeUnchecked(result: Pick<ScreeningResult, 'checkByHand'>, texts: ScreeningTexts, lang: Lang): string[] {
  if (!result.checkByHand || result.checkByHand.length === 0) return [];
  const lines = ['', `${fill(texts.cli.notScreened, lang)}:`];
  for (const u of result.checkByHand) {
    lines.push(`  ${fill(texts.hitKinds[u.kind], lang)}: ${u.text}`);
    for (const l of u.links) lines.push(`    ${l.title}: ${l.url}`);
  }
  return lines;
}

function describeList(l: ScreenedList, texts: ScreeningTexts, lang: Lang, staleDays: number): string {
  const stale = l.stale ? ` — ${fill(texts.cli.stale, lang, { days: staleDays })}` : '';
  const kinds = (l.kinds ?? []).map((k) => fill(texts.hitKinds[k], lang)).join(', ');
  return `${l.id}: ${l.name} (${fill(texts.cli.dated, lang)} ${l.date}, ${l.entries} ${fill(texts.cli.entries, lang)}${kinds ? `; ${kinds}` : ''})${stale}`;
}

/** A bar on a terminal; otherwise a plain line every tenth, so logs stay readable. */
function progress(io: CliIO, total: number): (done: number) => void {
  const tty = (io.stderr as NodeJS.WriteStream).isTTY === true;
  let lastTenth = -1;
  return (done) => {
    if (tty) {
      const width = 30;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      if (done === total) io.stderr.write('\n');
      return;
    }
    const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      io.stderr.write(`screened ${done}/${total}\n`);
    }
  };
}

async function screenFile(args: Args, built: Built, texts: ScreeningTexts, io: CliIO): Promise<number> {
  const { screener, staleDays, yente } = built;
  let partners: Partner[];
  let delimiter: CsvDelimiter;
  try {
    ({ partners, delimiter } = readPartners(readFileSync(args.csv!)));
  } catch (err) {
    io.stderr.write(`advisor screen: cannot read ${args.csv}: ${(err as Error).message}\n`);
    return 2;
  }
  const prefix = args.out ?? join(dirname(args.csv!), `${basename(args.csv!, extname(args.csv!))}.screening`);
  const batch: BatchScreener = {
    screen: (name, options) => (yente ? yente.screenAsync(name, options) : screener.screen(name, options)),
    coverage: () => ({ lists: screener.lists, missing: screener.missing, checkByHand: screener.checkByHand }),
  };
  const { results, coverage } = await screenPartners(partners, batch, progress(io, partners.length));
  const report = batchReport(args.csv!, new Date().toISOString(), results, coverage, fill(texts.cli.notClearance, args.lang));
  // The report keeps the file's delimiter: a `;` file from Excel comes back as one.
  writeFileSync(`${prefix}.csv`, writeCsv(reportRows(results, coverage.lists), delimiter));
  writeFileSync(`${prefix}.json`, `${JSON.stringify(report, null, 2)}\n`);
  const { withMatch: matches, possibleOnly } = report.summary;
  const summary = fill(texts.cli.screened, args.lang, { count: partners.length, matches, possible: possibleOnly });
  if (args.json) io.stdout.write(`${JSON.stringify({ csv: `${prefix}.csv`, json: `${prefix}.json`, ...report.summary })}\n`);
  else {
    const listLines = coverage.lists.map((l) => `  ${describeList(l, texts, args.lang, staleDays)}`);
    io.stdout.write(
      [
        summary,
        `${prefix}.csv`,
        `${prefix}.json`,
        '',
        `${fill(texts.cli.listsHeader, args.lang)}:`,
        ...listLines,
        ...describeUnchecked(coverage, texts, args.lang),
        '',
        fill(texts.cli.notClearance, args.lang),
        '',
      ].join('\n'),
    );
  }
  return 0;
}
