// Reads the Seven Sons and the restrictions straight from content/ for the CLI, the bench and tests,
// with the reference-content schemas, without loading (and failing on) the rest of the content.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { linksFileSchema, restrictionsFileSchema, sevenSonsFileSchema } from '../content/schema/reference.js';
import type { Link, ReferenceContent, Restriction } from '../content/types.js';
import { readYamlFile } from '../content/yaml.js';
import { DEFAULT_LISTS_DIR } from './normalisation-table.js';

const DEFAULT_CONTENT_DIR = join(DEFAULT_LISTS_DIR, '..');
const DEFAULT_SEVEN_SONS_FILE = join(DEFAULT_CONTENT_DIR, 'lists', 'seven-sons.yaml');
const DEFAULT_RESTRICTIONS_FILE = join(DEFAULT_CONTENT_DIR, 'restrictions.yaml');
const DEFAULT_LINKS_FILE = join(DEFAULT_CONTENT_DIR, 'links.yaml');

export function readSevenSons(file: string = DEFAULT_SEVEN_SONS_FILE): ReferenceContent['sevenSons'] {
  return readYamlFile(file, sevenSonsFileSchema);
}

/** The restrictions, or none when the file is not there. */
export function readRestrictions(file: string = DEFAULT_RESTRICTIONS_FILE): Restriction[] {
  return existsSync(file) ? readYamlFile(file, restrictionsFileSchema) : [];
}

/** The links of content/links.yaml, or none when the file is not there. */
export function readLinks(file: string = DEFAULT_LINKS_FILE): Link[] {
  return existsSync(file) ? readYamlFile(file, linksFileSchema) : [];
}
