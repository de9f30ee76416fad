// Loads and validates everything in content/ and dialogs/ once, at start.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlaybookId } from '../domain/ids.js';
import { loadReference } from './load-reference.js';
import { languagesFileSchema, playbooksFileSchema, type LanguageDef } from './schema/catalogue.js';
import { factsFileSchema, type FactDef } from './schema/facts.js';
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
  /** content/languages.yaml: the languages conversations may be held in. */
  languages: LanguageDef[];
  /** Every loaded playbook, in menu order (content/playbooks.yaml first, then the rest by id); `playbooks` iterates in this order too. */
  playbookOrder: PlaybookId[];
  /** The playbook that answers knowledge questions (content/playbooks.yaml `knowledge`). */
  knowledgePlaybook: PlaybookId;
  /** content/playbooks.yaml `menu`, as written, for `advisor content check`. */
  listedPlaybooks: PlaybookId[];
  /** content/facts.yaml: every fact a playbook reads or writes. */
  facts: Map<string, FactDef>;
  /** The risk, escalation and headline rules (content/rules.yaml). */
  rules: Rules;
}

export interface LoadOptions {
  contentDir?: string;
  dialogsDir?: string;
}

function loadPlaybooks(dialogsDir: string): Map<PlaybookId, Playbook> {
  const playbooks = new Map<PlaybookId, Playbook>();
  const files = readdirSync(dialogsDir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
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
  for (const name of readdirSync(uiDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
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
  const sources = new Map<string, SourceDoc>(Object.entries(sectionsFile.sources).map(([id, s]) => [id, { id, ...s }]));
  const sections = new Map<string, Section>(Object.entries(sectionsFile.sections).map(([id, s]) => [id, { id, ...s }]));
  const flags = new Map<string, FlagDef>(Object.entries(readYamlFile(join(contentDir, 'flags.yaml'), flagsFileSchema)).map(([id, f]) => [id, { id, ...f }]));
  const byFile = loadPlaybooks(dialogsDir);
  const catalogue = readYamlFile(join(contentDir, 'playbooks.yaml'), playbooksFileSchema);
  const listed = catalogue.menu.filter((id) => byFile.has(id));
  const unlisted = [...byFile.keys()].filter((id) => !listed.includes(id)).sort();
  // The map itself is in menu order, so that every list of playbooks (Slack, Teams, web) shows the same order.
  const playbooks = new Map(
    [...listed, ...unlisted].flatMap((id) => {
      const pb = byFile.get(id);
      return pb ? [[id, pb] as const] : [];
    }),
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
    playbooks,
    languages: readYamlFile(join(contentDir, 'languages.yaml'), languagesFileSchema).languages,
    playbookOrder: [...listed, ...unlisted],
    listedPlaybooks: catalogue.menu,
    knowledgePlaybook: catalogue.knowledge,
    facts: new Map(Object.entries(readYamlFile(join(contentDir, 'facts.yaml'), factsFileSchema).facts)),
    rules: readYamlFile(join(contentDir, 'rules.yaml'), rulesFileSchema),
  };
}
