// Loads external screening datasets: OpenSanctions targets.simple.csv, OpenSanctions
// FollowTheMoney JSON lines, and a simple CSV (name, aliases, country, list, source).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { z } from 'zod';
import { HIT_KINDS, type HitKind } from '../domain/screening.js';
import { NONE, type ListRef, type ScreeningEntity } from './entity.js';
import { isHitKind, kindFromTopics, kindsFromTitle, strongestKind } from './kinds.js';
import { isHan } from './normalise.js';
import { readCsvRecords, readLines } from './read-lines.js';

export const DATASET_FORMATS = ['opensanctions-csv', 'ftm-jsonl', 'simple-csv'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

export interface DatasetSpec {
  path: string;
  /** Detected from the file when absent. */
  format?: DatasetFormat;
  /**
   * The list id hits carry. Defaults to the dataset: "opensanctions-NAME" for an OpenSanctions export
   * (NAME from the index.json next to it, e.g. "sanctions" or "default"), the file name otherwise.
   */
  listId?: string;
  /** The list's name as hits show it. */
  name?: string;
  /**
   * What kind of list this is, for entries whose own data does not say (a simple CSV has no topics).
   * Simple CSVs default to "risk-list"; OpenSanctions entries take their kind from their topics,
   * `sanctions` column and datasets, and fall back to this, then to "other".
   */
  kind?: HitKind;
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
  /** The dataset's name in its metadata (OpenSanctions index.json "name"), when there is one. */
  datasetName?: string;
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
    const header = line
      .toLowerCase()
      .split(',')
      .map((c) => c.trim().replace(/^"|"$/g, ''));
    return OPENSANCTIONS_COLUMNS.every((c) => header.includes(c)) ? 'opensanctions-csv' : 'simple-csv';
  }
  throw new DatasetError(path, 'the file is empty');
}

export function loadDataset(spec: DatasetSpec): LoadedDataset {
  if (!existsSync(spec.path)) throw new DatasetError(spec.path, 'no such file');
  const format = spec.format ?? detectFormat(spec.path);
  const metadata = readMetadata(spec.path);
  // The list is the dataset the file holds, never a kind: an OpenSanctions export mixes sanctions,
  // debarments, export controls and PEPs, and each entry says which it is.
  const fallbackId =
    format === 'simple-csv' ? slug(basename(spec.path, extname(spec.path))) : metadata.name ? `opensanctions-${slug(metadata.name)}` : 'opensanctions';
  const fallbackName = format === 'simple-csv' ? basename(spec.path) : `OpenSanctions ${metadata.title ?? metadata.name ?? basename(spec.path)}`;
  const list: ListRef = { id: spec.listId ?? fallbackId, name: spec.name ?? fallbackName, date: '' };
  const loaded =
    format === 'opensanctions-csv'
      ? loadOpenSanctionsCsv(spec.path, list, spec.kind)
      : format === 'ftm-jsonl'
        ? loadFtmJsonl(spec.path, list, spec.kind)
        : loadSimpleCsv(spec.path, list, spec.listId !== undefined, spec.kind ?? 'risk-list');
  const metadataDate = metadata.date;
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
    ...(metadata.name ? { datasetName: metadata.name } : {}),
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

/**
 * The kind of a targets.simple.csv row. The dataset titles say it first ("US BIS Entity List",
 * "World Bank Debarred Providers"): OpenSanctions models debarments and export controls as
 * sanctions too, so a filled `sanctions` column alone makes a sanction only when the datasets do
 * not say otherwise.
 */
function rowKind(datasets: string, sanctions: string, declared: HitKind | undefined, memo: Map<string, HitKind | undefined>): HitKind {
  const key = `${datasets}\u0000${sanctions}`;
  if (memo.has(key)) return memo.get(key) ?? declared ?? 'other';
  const fromDatasets = splitMulti(datasets).flatMap(kindsFromTitle);
  const fromSanctions = sanctions === '' ? [] : kindsFromTitle(sanctions);
  let kind = strongestKind([...fromDatasets, ...fromSanctions]);
  if (kind === undefined && sanctions !== '') kind = 'sanction';
  memo.set(key, kind);
  return kind ?? declared ?? 'other';
}

function loadOpenSanctionsCsv(path: string, list: ListRef, declared: HitKind | undefined): Parsed {
  const records = readCsvRecords(path);
  const first = records.next();
  if (first.done) throw new DatasetError(path, 'the file is empty');
  const header = first.value.map((c) => c.trim().toLowerCase());
  const col = (name: string): number => header.indexOf(name);
  const missing = OPENSANCTIONS_COLUMNS.filter((c) => col(c) < 0);
  if (missing.length > 0) throw new DatasetError(path, `not an OpenSanctions targets.simple.csv: no column ${missing.join(', ')}`);
  const [iId, iSchema, iName, iAliases, iCountries, iSanctions, iDataset, iLastSeen, iLastChange] = [
    'id',
    'schema',
    'name',
    'aliases',
    'countries',
    'sanctions',
    'dataset',
    'last_seen',
    'last_change',
  ].map(col);
  const strings = new Interner();
  const entities: ScreeningEntity[] = [];
  const kinds = new Map<string, HitKind | undefined>();
  let date: string | undefined;
  for (const row of records) {
    const name = row[iName!]?.trim();
    const id = row[iId!]?.trim();
    if (!name || !id) continue;
    const { latin, chinese } = splitChinese(splitMulti(row[iAliases!]));
    const sanctions = iSanctions! >= 0 ? (row[iSanctions!] ?? '').trim() : '';
    const datasets = iDataset! >= 0 ? (row[iDataset!] ?? '').trim() : '';
    const kind = rowKind(datasets, sanctions, declared, kinds);
    entities.push({
      id,
      name,
      aliases: latin.length > 0 ? latin : NONE,
      formerNames: NONE,
      abbreviations: NONE,
      chineseNames: chinese.length > 0 ? chinese : NONE,
      countries: splitMulti(row[iCountries!]).map((c) => strings.get(c.toLowerCase())),
      // targets.simple.csv carries no topics; the kind says what the row is.
      topics: NONE,
      kind,
      person: row[iSchema!] === 'Person',
      campuses: NONE,
      source: datasets !== '' ? strings.get(datasets) : undefined,
      list,
    });
    if (iLastChange! >= 0) date = later(date, row[iLastChange!] ?? '');
    if (iLastSeen! >= 0) date = later(date, row[iLastSeen!] ?? '');
  }
  return { entities, lists: [list], recordsDate: date || undefined };
}

const KIND_LIST = HIT_KINDS.join(', ');

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

function loadFtmJsonl(path: string, list: ListRef, declared: HitKind | undefined): Parsed {
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
      kind: kindFromTopics(topics) ?? strongestKind((e.datasets ?? []).flatMap((d) => kindsFromTitle(d.replace(/_/g, ' ')))) ?? declared ?? 'other',
      person: e.schema === 'Person',
      campuses: NONE,
      source: e.datasets && e.datasets.length > 0 ? strings.get(e.datasets.join(', ')) : undefined,
      list,
    });
  }
  return { entities, lists: [list], recordsDate: date || undefined };
}

/** A simple CSV: name, aliases, country, list, source, and optionally kind (one of HIT_KINDS) per row. */
function loadSimpleCsv(path: string, fileList: ListRef, listIdGiven: boolean, declared: HitKind): Parsed {
  const lists = new Map<string, ListRef>();
  const entities: ScreeningEntity[] = [];
  const strings = new Interner();
  let columns = { name: 0, aliases: 1, country: 2, list: 3, source: 4, kind: -1 };
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
        kind: lower.indexOf('kind'),
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
    const kindCell = columns.kind >= 0 ? (cells[columns.kind] ?? '').toLowerCase() : '';
    if (kindCell !== '' && !isHitKind(kindCell)) throw new DatasetError(path, `row ${rowNo}: kind "${kindCell}" is not one of ${KIND_LIST}`);
    entities.push({
      id: `${listId}:${rowNo}`,
      name,
      aliases: latin,
      formerNames: NONE,
      abbreviations: NONE,
      chineseNames: chinese,
      countries: splitMulti(country).map((c) => strings.get(c.toLowerCase())),
      topics: NONE,
      kind: isHitKind(kindCell) ? kindCell : declared,
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
    name: z.string().optional(),
    title: z.string().optional(),
  })
  .passthrough();

interface Metadata {
  date?: string;
  name?: string;
  title?: string;
}

/**
 * Metadata next to the file: FILE.meta.json, or the index.json OpenSanctions publishes beside each
 * export. The date is its updated_at, last_export or last_change; the name is the dataset's.
 */
function readMetadata(path: string): Metadata {
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
    return {
      ...(day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? { date: day } : {}),
      ...(m.name ? { name: m.name } : {}),
      ...(m.title ? { title: m.title } : {}),
    };
  }
  return {};
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
