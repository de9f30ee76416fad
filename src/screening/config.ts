// The screening settings in the environment. The central config module composes this fragment.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { HIT_KINDS, type HitKind } from '../domain/screening.js';
import { DATASET_FORMATS, type DatasetFormat, type DatasetSpec } from './datasets.js';

const blankToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const daysMessage = 'must be a whole number of days from 1 to 3650';

export const screeningConfigSchema = z.object({
  /**
   * Comma-separated dataset files. Each may start with a format, a list id and/or a kind:
   * "opensanctions-csv:/data/targets.simple.csv", "listid=canada-nro:kind=risk-list:/data/nro.csv",
   * "simple-csv:listid=own:lists/own.csv", "kind=sanction:/data/un-consolidated.csv".
   */
  SCREENING_DATASETS: z.preprocess(blankToUndefined, z.string().trim().optional()),
  /** A dataset older than this many days is flagged as stale. */
  SCREENING_STALE_DAYS: z.preprocess(
    blankToUndefined,
    z
      .string({ error: daysMessage })
      .trim()
      .regex(/^\d+$/, daysMessage)
      .transform(Number)
      .pipe(z.number().min(1, daysMessage).max(3650, daysMessage))
      .optional()
      .transform((n) => n ?? 30),
  ),
  /**
   * OpenSanctions datasets that `advisor datasets update` downloads, comma-separated names
   * ("sanctions", "default", "us_ofac_sdn"). "none" downloads nothing.
   */
  SCREENING_OPENSANCTIONS_DATASETS: z.preprocess(blankToUndefined, z.string().trim().default('sanctions')),
  /** Where the datasets' index.json files are published: BASE/NAME/index.json. */
  SCREENING_OPENSANCTIONS_URL: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) address, e.g. https://data.opensanctions.org/datasets/latest/' })
      .default('https://data.opensanctions.org/datasets/latest/'),
  ),
  /** The export of each dataset to download: targets.simple.csv (default) or entities.ftm.json. */
  SCREENING_OPENSANCTIONS_FILE: z.preprocess(blankToUndefined, z.enum(['targets.simple.csv', 'entities.ftm.json']).default('targets.simple.csv')),
  /** Where downloaded datasets are kept; defaults to DATA_DIR/datasets. */
  SCREENING_DATASETS_DIR: z.preprocess(blankToUndefined, z.string().trim().optional()),
  /** A yente instance to ask as well (its /match API); unset: local lists only. */
  SCREENING_YENTE_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).optional()),
  /** The yente dataset or collection to match against. */
  SCREENING_YENTE_DATASET: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[a-z0-9_-]+$/)
      .default('default'),
  ),
  /** How long one screening waits for yente, in ms; past it the name is "not checked" against yente. */
  SCREENING_YENTE_BUDGET_MS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d+$/, 'must be a whole number of ms')
      .transform(Number)
      .optional()
      .transform((n) => n ?? 1500),
  ),
  SCREENING_YENTE_API_KEY: z.preprocess(blankToUndefined, z.string().trim().optional()),
  /** How often the server looks whether a dataset file changed, in seconds (0: only on SIGHUP). */
  SCREENING_RELOAD_CHECK_SECONDS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d+$/, 'must be a whole number of seconds')
      .transform(Number)
      .optional()
      .transform((n) => n ?? 60),
  ),
});
export type ScreeningConfig = z.infer<typeof screeningConfigSchema>;

const FORMAT_PREFIX = new RegExp(`^(${DATASET_FORMATS.join('|')}):`);
const LIST_PREFIX = /^listid=([a-z0-9][a-z0-9-]*):/;
const KIND_PREFIX = new RegExp(`^kind=(${HIT_KINDS.join('|')}):`);

/** One OpenSanctions dataset to keep current: where it is published and where it is kept. */
export interface OpenSanctionsSource {
  name: string;
  indexUrl: string;
  file: string;
  /** The local file; its index.json is kept beside it. */
  path: string;
}

type DownloadConfig = Partial<
  Pick<ScreeningConfig, 'SCREENING_OPENSANCTIONS_DATASETS' | 'SCREENING_OPENSANCTIONS_URL' | 'SCREENING_OPENSANCTIONS_FILE' | 'SCREENING_DATASETS_DIR'>
> & { DATA_DIR?: string };

export function datasetsDir(config: DownloadConfig): string {
  return config.SCREENING_DATASETS_DIR ?? join(config.DATA_DIR ?? './data', 'datasets');
}

export function openSanctionsSources(config: DownloadConfig): OpenSanctionsSource[] {
  const names = (config.SCREENING_OPENSANCTIONS_DATASETS ?? 'sanctions')
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '' && n !== 'none');
  const base = config.SCREENING_OPENSANCTIONS_URL ?? 'https://data.opensanctions.org/datasets/latest/';
  const file = config.SCREENING_OPENSANCTIONS_FILE ?? 'targets.simple.csv';
  return names.map((name) => ({
    name,
    indexUrl: new URL(`${encodeURIComponent(name)}/index.json`, base.endsWith('/') ? base : `${base}/`).toString(),
    file,
    path: join(datasetsDir(config), name, file),
  }));
}

/**
 * The datasets to load: SCREENING_DATASETS, then the OpenSanctions downloads that are there
 * (`advisor datasets update` puts them in place). With `includeAbsent`, also the downloads not
 * there yet: the paths a server watches.
 */
export function datasetSpecsFromConfig(
  config: Pick<ScreeningConfig, 'SCREENING_DATASETS'> & DownloadConfig,
  options: { includeAbsent?: boolean } = {},
): DatasetSpec[] {
  const listed = listedDatasetSpecs(config.SCREENING_DATASETS);
  const known = new Set(listed.map((s) => s.path));
  const downloads = openSanctionsSources(config)
    .filter((s) => !known.has(s.path) && (options.includeAbsent === true || existsSync(s.path)))
    .map((s): DatasetSpec => ({ path: s.path, format: s.file.endsWith('.csv') ? 'opensanctions-csv' : 'ftm-jsonl' }));
  return [...listed, ...downloads];
}

function listedDatasetSpecs(value: string | undefined): DatasetSpec[] {
  if (!value) return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      let rest = entry;
      let format: DatasetFormat | undefined;
      let listId: string | undefined;
      let kind: HitKind | undefined;
      for (;;) {
        const f = rest.match(FORMAT_PREFIX);
        if (f?.[1]) {
          format = f[1] as DatasetFormat;
          rest = rest.slice(f[0].length);
          continue;
        }
        const l = rest.match(LIST_PREFIX);
        if (l?.[1]) {
          listId = l[1];
          rest = rest.slice(l[0].length);
          continue;
        }
        const k = rest.match(KIND_PREFIX);
        if (k?.[1]) {
          kind = k[1] as HitKind;
          rest = rest.slice(k[0].length);
          continue;
        }
        break;
      }
      return { path: rest, ...(format ? { format } : {}), ...(listId ? { listId } : {}), ...(kind ? { kind } : {}) };
    });
}
