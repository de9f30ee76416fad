// Reads the Seven Sons and the restrictions straight from content/ for the CLI, the bench and tests,
// with the reference-content schemas, without loading (and failing on) the rest of the content.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { restrictionsFileSchema, sevenSonsFileSchema } from '../content/schema/reference.js';
import type { ReferenceContent, Restriction } from '../content/types.js';
import { readYamlFile } from '../content/yaml.js';
import { DEFAULT_LISTS_DIR } from './normalisation-table.js';

export const DEFAULT_CONTENT_DIR = join(DEFAULT_LISTS_DIR, '..');
export const DEFAULT_SEVEN_SONS_FILE = join(DEFAULT_CONTENT_DIR, 'lists', 'seven-sons.yaml');
export const DEFAULT_RESTRICTIONS_FILE = join(DEFAULT_CONTENT_DIR, 'restrictions.yaml');

export function readSevenSons(file: string = DEFAULT_SEVEN_SONS_FILE): ReferenceContent['sevenSons'] {
  return readYamlFile(file, sevenSonsFileSchema);
}

/** The restrictions, or none when the file is not there. */
export function readRestrictions(file: string = DEFAULT_RESTRICTIONS_FILE): Restriction[] {
  return existsSync(file) ? readYamlFile(file, restrictionsFileSchema) : [];
}
