// Loads and validates everything in content/ and dialogs/ once, at start.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlaybookId } from '../engine/ids.js';
import { loadReference } from './load-reference.js';
import { playbookSchema, type Playbook } from './schema/playbook.js';
import { rulesFileSchema, type Rules } from './schema/rules.js';
import { flagsFileSchema, lexiconSchema, sectionsFileSchema, uiFileSchema, type Lexicon, type UiTexts } from './schema/core.js';
import type { FlagDef, ReferenceContent, Section, SourceDoc } from './types.js';
import { ContentError, displayName, parseYaml, readYamlFile, validate } from './yaml.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_CONTENT_DIR = join(root, 'content');
export const DEFAULT_DIALOGS_DIR = join(root, 'dialogs');

export interface Content {
  contentDir: string;
  dialogsDir: string;
  sources: Map<string, SourceDoc>;
  sections: Map<string, Section>;
  reference: ReferenceContent;
  flags: Map<string, FlagDef>;
  ui: UiTexts;
  lexicon: Lexicon;
  playbooks: Map<PlaybookId, Playbook>;
  /** The risk, escalation and headline rules (content/rules.yaml). */
  rules: Rules;
}

export interface LoadOptions {
  contentDir?: string;
  dialogsDir?: string;
}

export function loadPlaybooks(dialogsDir: string): Map<PlaybookId, Playbook> {
  const playbooks = new Map<PlaybookId, Playbook>();
  const files = readdirSync(dialogsDir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
  for (const name of files) {
    const file = join(dialogsDir, name);
    const text = readFileSync(file, 'utf8');
    const parsed = validate(playbookSchema, parseYaml(text, file), file);
    if (playbooks.has(parsed.id)) {
      throw new ContentError(displayName(file), [`id: playbook "${parsed.id}" is defined twice`]);
    }
    const rev = createHash('sha256').update(text).digest('hex').slice(0, 12);
    playbooks.set(parsed.id, { ...parsed, rev, file: displayName(file) });
  }
  return playbooks;
}

/** Merges content/ui/<area>.yaml into one table keyed "<area>.<key>". */
export function loadUi(uiDir: string): UiTexts {
  const ui: UiTexts = {};
  if (!existsSync(uiDir)) return ui;
  for (const name of readdirSync(uiDir).filter((f) => f.endsWith('.yaml')).sort()) {
    const area = name.replace(/\.yaml$/, '');
    for (const [key, text] of Object.entries(readYamlFile(join(uiDir, name), uiFileSchema))) {
      ui[`${area}.${key}`] = text;
    }
  }
  return ui;
}

export function loadContent(options: LoadOptions = {}): Content {
  const contentDir = options.contentDir ?? DEFAULT_CONTENT_DIR;
  const dialogsDir = options.dialogsDir ?? DEFAULT_DIALOGS_DIR;
  const sectionsFile = readYamlFile(join(contentDir, 'sections.yaml'), sectionsFileSchema);
  const sources = new Map<string, SourceDoc>(
    Object.entries(sectionsFile.sources).map(([id, s]) => [id, { id, ...s }]),
  );
  const sections = new Map<string, Section>(
    Object.entries(sectionsFile.sections).map(([id, s]) => [id, { id, ...s }]),
  );
  const flags = new Map<string, FlagDef>(
    Object.entries(readYamlFile(join(contentDir, 'flags.yaml'), flagsFileSchema)).map(([id, f]) => [id, { id, ...f }]),
  );
  return {
    contentDir,
    dialogsDir,
    sources,
    sections,
    reference: loadReference(contentDir),
    flags,
    ui: loadUi(join(contentDir, 'ui')),
    lexicon: readYamlFile(join(contentDir, 'lexicon.yaml'), lexiconSchema),
    playbooks: loadPlaybooks(dialogsDir),
    rules: readYamlFile(join(contentDir, 'rules.yaml'), rulesFileSchema),
  };
}
