// The texts of screening (explanations, CLI output), read from content/lists/screening-texts.yaml.
import { join } from 'node:path';
import { z } from 'zod';
import { pick, type Lang, type LocalText } from '../domain/lang.js';
import { localText } from '../content/schema/local.js';
import { HIT_KINDS } from '../domain/screening.js';
import { readYamlFile } from '../content/yaml.js';
import { DEFAULT_LISTS_DIR } from './normalisation-table.js';

const text = localText;
const group = <K extends string>(keys: readonly [K, ...K[]]) => z.object(Object.fromEntries(keys.map((k) => [k, text])) as Record<K, typeof text>).strict();

const WHY_KEYS = [
  'allWords',
  'compact',
  'typo',
  'campus',
  'qualifier',
  'possible',
  'queryExtra',
  'listedExtra',
  'abbreviation',
  'abbreviationInside',
  'countryAgrees',
  'countryDiffers',
  'source',
  'restriction',
  'militaryRule',
  'militaryRulePossible',
  'closerEntry',
] as const;
const KIND_KEYS = ['name', 'alias', 'former', 'chinese', 'abbreviation'] as const;
const CLI_KEYS = ['match', 'possible', 'noHits', 'notClearance', 'stale', 'listsHeader', 'entries', 'dated', 'screened', 'notScreened'] as const;

const linkId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);
const uncheckedKind = z.object({ links: z.array(linkId).min(1), cites: z.array(linkId).min(1), text }).strict();

export const screeningTextsSchema = z
  .object({
    why: group(WHY_KEYS),
    kinds: group(KIND_KEYS),
    cli: group(CLI_KEYS),
    lists: group(['restricted'] as const),
    /** Kinds of list the guideline asks to check; said when none is loaded. */
    unchecked: z.partialRecord(z.enum(HIT_KINDS), uncheckedKind),
    hitKinds: group(HIT_KINDS),
    remote: group(['timeout', 'error', 'pending', 'why'] as const),
  })
  .strict();
export type ScreeningTexts = z.infer<typeof screeningTextsSchema>;

const DEFAULT_TEXTS_FILE = join(DEFAULT_LISTS_DIR, 'screening-texts.yaml');

let cached: ScreeningTexts | undefined;

export function defaultScreeningTexts(): ScreeningTexts {
  cached ??= readYamlFile(DEFAULT_TEXTS_FILE, screeningTextsSchema);
  return cached;
}

/** Fills {placeholders}. */
export function fill(template: LocalText, lang: Lang, values: Record<string, string | number> = {}): string {
  return pick(template, lang).replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}
