// Loads external screening datasets: OpenSanctions targets.simple.csv, OpenSanctions
// FollowTheMoney JSON lines, and a simple CSV (name, aliases, country, list, source).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { z } from 'zod';
import { NONE, type ListRef, type ScreeningEntity } from './entity.js';
import { isHan } from './normalise.js';
import { readCsvRecords, readLines } from './read-lines.js';

export const DATASET_FORMATS = ['opensanctions-csv', 'ftm-jsonl', 'simple-csv'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

export interface DatasetSpec {
  path: string;
  /** Detected from the file when absent. */
  format?: DatasetFormat;
  /** The list id hits carry; "sanctions" for OpenSanctions files, the file name otherwise. */
  listId?: string;
  /** The list's name as hits show it. */
  name?: string;
}

export interface LoadedDataset {
  id: string;
  name: string;
  path: string;
  format: DatasetFormat;
  /** ISO date (YYYY-MM-DD) of the data. */
  date: string;
  /** Where the date comes from: the records, a metadata file next to it, or the file's modification time. */
  dateSource: 'records' | 'metadata' | 'mtime';
  /** The lists in the file: one, or one per value of a simple CSV's "list" column. */
  lists: ListRef[];
  entities: ScreeningEntity[];
}

export class DatasetError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'DatasetError';
  }
}

const OPENSANCTIONS_COLUMNS = ['id', 'schema', 'name', 'aliases', 'countries', 'last_change'] as const;
/** FollowTheMoney schemata that name a party one could partner with or that can be sanctioned. */
const FTM_SCHEMATA = new Set(['Person', 'Organization', 'Company', 'LegalEntity', 'PublicBody', 'Vessel', 'Airplane']);

export function detectFormat(path: string): DatasetFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'ftm-jsonl';
  for (const line of readLines(path)) {
    if (line.trim() === '') continue;
    if (line.trimStart().startsWith('{')) return 'ftm-jsonl';
    const header = line.toLowerCase().split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    return OPENSANCTIONS_COLUMNS.every((c) => header.includes(c)) ? 'opensanctions-csv' : 'simple-csv';
  }
  throw new DatasetError(path, 'the file is empty');
}

export function loadDataset(spec: DatasetSpec): LoadedDataset {
  if (!existsSync(spec.path)) throw new DatasetError(spec.path, 'no such file');
  const format = spec.format ?? detectFormat(spec.path);
  const fallbackId = format === 'simple-csv' ? slug(basename(spec.path, extname(spec.path))) : 'sanctions';
  const list: ListRef = {
    id: spec.listId ?? fallbackId,
    name: spec.name ?? (format === 'simple-csv' ? basename(spec.path) : `OpenSanctions (${basename(spec.path)})`),
    date: '',
  };
  const loaded =
    format === 'opensanctions-csv'
      ? loadOpenSanctionsCsv(spec.path, list)
      : format === 'ftm-jsonl'
        ? loadFtmJsonl(spec.path, list)
        : loadSimpleCsv(spec.path, list, spec.listId !== undefined);
  const metadataDate = readMetadataDate(spec.path);
  const mtime = statSync(spec.path).mtime.toISOString().slice(0, 10);
  const date = metadataDate ?? loaded.recordsDate ?? mtime;
  const dateSource = metadataDate ? 'metadata' : loaded.recordsDate ? 'records' : 'mtime';
  for (const l of loaded.lists) l.date = date;
  return {
    id: list.id,
    name: list.name,
    path: spec.path,
    format,
    date,
    dateSource,
    lists: loaded.lists,
    entities: loaded.entities,
  };
}

interface Parsed {
  entities: ScreeningEntity[];
  lists: ListRef[];
  recordsDate?: string;
}

/** Repeated strings (dataset names, country codes) are kept once. */
class Interner {
  private readonly seen = new Map<string, string>();
  get(value: string): string {
    const known = this.seen.get(value);
    if (known !== undefined) return known;
    this.seen.set(value, value);
    return value;
  }
}

function splitMulti(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(';')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function later(a: string | undefined, b: string): string {
  const day = b.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && (a === undefined || day > a) ? day : (a ?? '');
}

function splitChinese(names: string[]): { latin: string[]; chinese: string[] } {
  const latin: string[] = [];
  const chinese: string[] = [];
  for (const n of names) (isHan(n) ? chinese : latin).push(n);
  return { latin, chinese };
}

function loadOpenSanctionsCsv(path: string, list: ListRef): Parsed {
  const records = readCsvRecords(path);
  const first = records.next();
  if (first.done) throw new DatasetError(path, 'the file is empty');
  const header = first.value.map((c) => c.trim().toLowerCase());
  const col = (name: string): number => header.indexOf(name);
  const missing = OPENSANCTIONS_COLUMNS.filter((c) => col(c) < 0);
  if (missing.length > 0) throw new DatasetError(path, `not an OpenSanctions targets.simple.csv: no column ${missing.join(', ')}`);
  const [iId, iSchema, iName, iAliases, iCountries, iSanctions, iDataset, iLastSeen, iLastChange] = [
    'id', 'schema', 'name', 'aliases', 'countries', 'sanctions', 'dataset', 'last_seen', 'last_change',
  ].map(col);
  const strings = new Interner();
  const entities: ScreeningEntity[] = [];
  let date: string | undefined;
  for (const row of records) {
    const name = row[iName!]?.trim();
    const id = row[iId!]?.trim();
    if (!name || !id) continue;
    const { latin, chinese } = splitChinese(splitMulti(row[iAliases!]));
    const sanctioned = iSanctions! >= 0 && (row[iSanctions!] ?? '').trim() !== '';
    entities.push({
      id,
      name,
      aliases: latin.length > 0 ? latin : NONE,
      formerNames: NONE,
      abbreviations: NONE,
      chineseNames: chinese.length > 0 ? chinese : NONE,
      countries: splitMulti(row[iCountries!]).map((c) => strings.get(c.toLowerCase())),
      topics: sanctioned ? SANCTION_TOPICS : NONE,
      person: row[iSchema!] === 'Person',
      campuses: NONE,
      source: iDataset! >= 0 && row[iDataset!] ? strings.get(row[iDataset!]!.trim()) : undefined,
      list,
    });
    if (iLastChange! >= 0) date = later(date, row[iLastChange!] ?? '');
    if (iLastSeen! >= 0) date = later(date, row[iLastSeen!] ?? '');
  }
  return { entities, lists: [list], recordsDate: date || undefined };
}

const SANCTION_TOPICS: readonly string[] = Object.freeze(['sanction']);

const ftmLine = z.object({
  id: z.string().min(1),
  schema: z.string(),
  caption: z.string().optional(),
  target: z.boolean().optional(),
  properties: z.record(z.string(), z.array(z.string())).default({}),
  datasets: z.array(z.string()).optional(),
  last_seen: z.string().optional(),
  last_change: z.string().optional(),
});

function loadFtmJsonl(path: string, list: ListRef): Parsed {
  const strings = new Interner();
  const entities: ScreeningEntity[] = [];
  let date: string | undefined;
  let lineNo = 0;
  for (const line of readLines(path)) {
    lineNo++;
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new DatasetError(path, `line ${lineNo} is not JSON`);
    }
    const parsed = ftmLine.safeParse(raw);
    if (!parsed.success) throw new DatasetError(path, `line ${lineNo} is not a FollowTheMoney entity`);
    const e = parsed.data;
    if (e.last_change) date = later(date, e.last_change);
    if (e.last_seen) date = later(date, e.last_seen);
    if (!FTM_SCHEMATA.has(e.schema)) continue;
    const p = e.properties;
    const names = p['name'] ?? [];
    const name = e.caption ?? names[0];
    if (!name) continue;
    const { latin, chinese } = splitChinese([...names, ...(p['alias'] ?? []), ...(p['weakAlias'] ?? [])].filter((n) => n !== name));
    const countries = [...new Set([...(p['country'] ?? []), ...(p['jurisdiction'] ?? []), ...(p['nationality'] ?? [])])];
    const topics = p['topics'] ?? [];
    entities.push({
      id: e.id,
      name,
      aliases: latin.length > 0 ? latin : NONE,
      formerNames: p['previousName'] ?? NONE,
      abbreviations: NONE,
      chineseNames: chinese.length > 0 ? chinese : NONE,
      countries: countries.map((c) => strings.get(c.toLowerCase())),
      topics: topics.length > 0 ? topics.map((t) => strings.get(t)) : NONE,
      person: e.schema === 'Person',
      campuses: NONE,
      source: e.datasets && e.datasets.length > 0 ? strings.get(e.datasets.join(', ')) : undefined,
      list,
    });
  }
  return { entities, lists: [list], recordsDate: date || undefined };
}

function loadSimpleCsv(path: string, fileList: ListRef, listIdGiven: boolean): Parsed {
  const lists = new Map<string, ListRef>();
  const entities: ScreeningEntity[] = [];
  const strings = new Interner();
  let columns = { name: 0, aliases: 1, country: 2, list: 3, source: 4 };
  let rowNo = 0;
  for (const row of readCsvRecords(path)) {
    rowNo++;
    const cells = row.map((c) => c.trim());
    if (rowNo === 1 && cells[0]?.toLowerCase() === 'name') {
      const lower = cells.map((c) => c.toLowerCase());
      columns = {
        name: lower.indexOf('name'),
        aliases: lower.indexOf('aliases'),
        country: lower.indexOf('country'),
        list: lower.indexOf('list'),
        source: lower.indexOf('source'),
      };
      continue;
    }
    const name = cells[columns.name];
    if (!name) continue;
    const listValue = columns.list >= 0 ? cells[columns.list] : undefined;
    const listId = listIdGiven || !listValue ? fileList.id : slug(listValue);
    let list = lists.get(listId);
    const source = columns.source >= 0 ? cells[columns.source] : undefined;
    if (!list) {
      list = { id: listId, name: listIdGiven || !listValue ? fileList.name : listValue, date: '' };
      if (source && !listIdGiven && listValue) list.name = `${listValue} (${source})`;
      lists.set(listId, list);
    }
    const { latin, chinese } = splitChinese(splitMulti(columns.aliases >= 0 ? cells[columns.aliases] : undefined));
    const country = columns.country >= 0 ? cells[columns.country] : undefined;
    entities.push({
      id: `${listId}:${rowNo}`,
      name,
      aliases: latin,
      formerNames: NONE,
      abbreviations: NONE,
      chineseNames: chinese,
      countries: splitMulti(country).map((c) => strings.get(c.toLowerCase())),
      topics: NONE,
      person: false,
      campuses: NONE,
      source: source ? strings.get(source) : undefined,
      list,
    });
  }
  if (lists.size === 0) lists.set(fileList.id, fileList);
  return { entities, lists: [...lists.values()] };
}

const metadataSchema = z
  .object({
    updated_at: z.string().optional(),
    last_export: z.string().optional(),
    last_change: z.string().optional(),
    date: z.string().optional(),
  })
  .passthrough();

/**
 * A date from metadata next to the file: FILE.meta.json, or the index.json OpenSanctions publishes
 * beside each export (updated_at, last_export or last_change).
 */
function readMetadataDate(path: string): string | undefined {
  for (const candidate of [`${path}.meta.json`, join(dirname(path), 'index.json')]) {
    if (!existsSync(candidate)) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(candidate, 'utf8'));
    } catch {
      continue;
    }
    const parsed = metadataSchema.safeParse(raw);
    if (!parsed.success) continue;
    const m = parsed.data;
    const value = m.date ?? m.last_export ?? m.updated_at ?? m.last_change;
    const day = value?.slice(0, 10);
    if (day && /^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  }
  return undefined;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'list'
  );
}
