// Reads content/understand/*.yaml (and the names of content/lists/seven-sons.yaml and
// chinese-military.yaml), validated with zod.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readYamlFile } from '../content/yaml.js';
import {
  contextFileSchema,
  countriesFileSchema,
  domainsFileSchema,
  faqKeywordsFileSchema,
  fundersFileSchema,
  institutionsFileSchema,
  intentsFileSchema,
  languageFileSchema,
  sevenSonsFileSchema,
  routerFileSchema,
  signalsFileSchema,
  type UnderstandContent,
} from './schema.js';

const DEFAULT_UNDERSTAND_CONTENT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../content');

export function loadUnderstandContent(contentDir: string = DEFAULT_UNDERSTAND_CONTENT_DIR): UnderstandContent {
  const dir = join(contentDir, 'understand');
  const sevenSonsFile = join(contentDir, 'lists', 'seven-sons.yaml');
  const militaryFile = join(contentDir, 'lists', 'chinese-military.yaml');
  const faqFile = join(contentDir, 'faq.yaml');
  return {
    countries: readYamlFile(join(dir, 'countries.yaml'), countriesFileSchema),
    institutions: readYamlFile(join(dir, 'institutions.yaml'), institutionsFileSchema),
    sevenSons: existsSync(sevenSonsFile) ? readYamlFile(sevenSonsFile, sevenSonsFileSchema) : { entries: [] },
    chineseMilitary: existsSync(militaryFile) ? readYamlFile(militaryFile, sevenSonsFileSchema) : { entries: [] },
    funders: readYamlFile(join(dir, 'funders.yaml'), fundersFileSchema),
    faq: existsSync(faqFile) ? readYamlFile(faqFile, faqKeywordsFileSchema) : [],
    domains: readYamlFile(join(dir, 'domains.yaml'), domainsFileSchema),
    signals: readYamlFile(join(dir, 'signals.yaml'), signalsFileSchema),
    intents: readYamlFile(join(dir, 'intents.yaml'), intentsFileSchema),
    context: readYamlFile(join(dir, 'context.yaml'), contextFileSchema),
    language: readYamlFile(join(dir, 'language.yaml'), languageFileSchema),
    router: readYamlFile(join(dir, 'router.yaml'), routerFileSchema),
    examplesDir: join(dir, 'examples'),
  };
}
