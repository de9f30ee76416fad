// The word lists that name normalisation uses, read from content/lists/name-normalisation.yaml.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { readYamlFile } from '../content/yaml.js';

const word = z.string().trim().min(1);

export const normalisationTableSchema = z
  .object({
    abbreviations: z.record(word, word),
    stopwords: z.array(word),
    legalForms: z.array(word),
    qualifierWords: z.array(word),
    places: z.array(word),
  })
  .strict();
export type NormalisationTable = z.infer<typeof normalisationTableSchema>;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_LISTS_DIR = join(root, 'content', 'lists');
const DEFAULT_NORMALISATION_FILE = join(DEFAULT_LISTS_DIR, 'name-normalisation.yaml');

let cached: NormalisationTable | undefined;

/** Reads the default table once per process; screeners built later share it. */
export function defaultNormalisationTable(): NormalisationTable {
  cached ??= readYamlFile(DEFAULT_NORMALISATION_FILE, normalisationTableSchema);
  return cached;
}
