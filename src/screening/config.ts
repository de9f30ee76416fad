// The screening settings in the environment. The central config module composes this fragment.
import { z } from 'zod';
import { HIT_KINDS, type HitKind } from '../engine/types.js';
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
});
export type ScreeningConfig = z.infer<typeof screeningConfigSchema>;

const FORMAT_PREFIX = new RegExp(`^(${DATASET_FORMATS.join('|')}):`);
const LIST_PREFIX = /^listid=([a-z0-9][a-z0-9-]*):/;
const KIND_PREFIX = new RegExp(`^kind=(${HIT_KINDS.join('|')}):`);

export function datasetSpecsFromConfig(config: Pick<ScreeningConfig, 'SCREENING_DATASETS'>): DatasetSpec[] {
  const value = config.SCREENING_DATASETS;
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
