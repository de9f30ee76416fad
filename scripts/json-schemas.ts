// JSON Schemas for every YAML file an author edits, generated from the zod schemas the
// loader validates with, into schemas/. Each YAML file names its schema on its first line
// (`# yaml-language-server: $schema=...`), so that an editor with the YAML language server completes and checks it.
// `npm run schemas -- --check` fails when a schema is out of date or a file lacks its first line.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { languagesFileSchema, playbooksFileSchema } from '../src/content/schema/catalogue.js';
import { conversationTestFileSchema } from '../src/content/schema/conversation-test.js';
import { flagsFileSchema, lexiconSchema, sectionsFileSchema, uiFileSchema } from '../src/content/schema/core.js';
import { factsFileSchema } from '../src/content/schema/facts.js';
import { playbookSchema } from '../src/content/schema/playbook.js';
import * as reference from '../src/content/schema/reference.js';
import { normalisationTableSchema } from '../src/screening/normalisation-table.js';
import { screeningTextsSchema } from '../src/screening/texts.js';
import * as understand from '../src/understand/schema.js';
import { examplesFileSchema, questionsFileSchema } from '../src/understand/examples.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Schema name (schemas/<name>.json) → the zod schema and the files (relative to the repository) it describes. */
export const SCHEMAS: Record<string, { schema: z.ZodType; files: (root: string) => string[] }> = {};

const yamlIn = (dir: string) => (root: string) =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir))
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => `${dir}/${f}`)
    : [];
const one = (file: string) => () => [file];
function add(name: string, schema: z.ZodType, files: (root: string) => string[]): void {
  SCHEMAS[name] = { schema, files };
}

add('playbook', playbookSchema, yamlIn('dialogs'));
add('conversation-test', conversationTestFileSchema, yamlIn('dialogs/tests'));
add('languages', languagesFileSchema, one('content/languages.yaml'));
add('playbooks', playbooksFileSchema, one('content/playbooks.yaml'));
add('facts', factsFileSchema, one('content/facts.yaml'));
add('flags', flagsFileSchema, one('content/flags.yaml'));
add('sections', sectionsFileSchema, one('content/sections.yaml'));
add('lexicon', lexiconSchema, one('content/lexicon.yaml'));
add('ui', uiFileSchema, yamlIn('content/ui'));
add('risk-countries', reference.riskCountriesFileSchema, one('content/risk-countries.yaml'));
add('restrictions', reference.restrictionsFileSchema, one('content/restrictions.yaml'));
add('seven-sons', reference.sevenSonsFileSchema, one('content/lists/seven-sons.yaml'));
add('tech-areas', reference.techAreasFileSchema, one('content/tech-areas.yaml'));
add('measures', reference.measuresFileSchema, one('content/measures.yaml'));
add('duties', reference.dutiesFileSchema, one('content/duties.yaml'));
add('contact-points', reference.contactPointsFileSchema, one('content/contact-points.yaml'));
add('faq', reference.faqFileSchema, one('content/faq.yaml'));
add('definitions', reference.definitionsFileSchema, one('content/definitions.yaml'));
add('trl', reference.trlSchema, one('content/trl.yaml'));
add('funder-policies', reference.funderPoliciesFileSchema, one('content/funder-policies.yaml'));
add('links', reference.linksFileSchema, one('content/links.yaml'));
add('name-normalisation', normalisationTableSchema, one('content/lists/name-normalisation.yaml'));
add('screening-texts', screeningTextsSchema, one('content/lists/screening-texts.yaml'));
add('understand-countries', understand.countriesFileSchema, one('content/understand/countries.yaml'));
add('understand-institutions', understand.institutionsFileSchema, one('content/understand/institutions.yaml'));
add('understand-funders', understand.fundersFileSchema, one('content/understand/funders.yaml'));
add('understand-domains', understand.domainsFileSchema, one('content/understand/domains.yaml'));
add('understand-signals', understand.signalsFileSchema, one('content/understand/signals.yaml'));
add('understand-intents', understand.intentsFileSchema, one('content/understand/intents.yaml'));
add('understand-context', understand.contextFileSchema, one('content/understand/context.yaml'));
add('understand-language', understand.languageFileSchema, one('content/understand/language.yaml'));
add('understand-router', understand.routerFileSchema, one('content/understand/router.yaml'));
add('understand-examples', examplesFileSchema, yamlIn('content/understand/examples'));
add('understand-questions', questionsFileSchema, yamlIn('content/understand/examples/questions'));

/** The JSON text of each schema, keyed by file name in schemas/. */
export function generateSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, { schema }] of Object.entries(SCHEMAS)) {
    // `input`: what an author writes (defaults make fields optional); refinements are checked by the loader only.
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-7', reused: 'ref' });
    out[`${name}.json`] =
      `${JSON.stringify({ ...json, title: name, $comment: 'Generated by `npm run schemas` from the zod schemas in src/. Do not edit.' }, null, 2)}\n`;
  }
  return out;
}

/** The first line a YAML file must have to name its schema. */
export function schemaLine(file: string, name: string): string {
  return `# yaml-language-server: $schema=${relative(dirname(file), `schemas/${name}.json`)}`;
}

/** Files whose first line does not name their schema. */
export function filesWithoutSchemaLine(root: string = ROOT): string[] {
  const missing: string[] = [];
  for (const [name, { files }] of Object.entries(SCHEMAS)) {
    for (const file of files(root)) {
      const first = readFileSync(join(root, file), 'utf8').split('\n', 1)[0];
      if (first !== schemaLine(file, name)) missing.push(`${file}: the first line should be "${schemaLine(file, name)}"`);
    }
  }
  return missing;
}

/** `npm run schemas` (scripts/schemas.ts): writes schemas/, or with --check reports what is out of date. */
export function main(): number {
  const check = process.argv.includes('--check');
  const dir = join(ROOT, 'schemas');
  const generated = generateSchemas();
  if (check) {
    const stale = Object.entries(generated).filter(([file, text]) => !existsSync(join(dir, file)) || readFileSync(join(dir, file), 'utf8') !== text);
    const problems = [...stale.map(([file]) => `schemas/${file} is out of date: run npm run schemas`), ...filesWithoutSchemaLine()];
    for (const p of problems) console.error(p);
    return problems.length > 0 ? 1 : 0;
  }
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(generated)) writeFileSync(join(dir, file), text);
  console.log(`wrote ${Object.keys(generated).length} schemas to schemas/`);
  const missing = filesWithoutSchemaLine();
  for (const m of missing) console.error(m);
  return missing.length > 0 ? 1 : 0;
}
