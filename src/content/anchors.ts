// Proves that citations point at real text: every cited section id exists, and every section's anchor
// phrase occurs in its source document. The sources are PDF extractions, so the lookup forgives
// whitespace, line breaks, soft hyphenation at line ends ("colla-\nborate") and curly quotes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_FILES } from './load-reference.js';
import { sectionsFileSchema } from './schema/core.js';
import type { ReferenceContent } from './types.js';
import { readYamlFile } from './yaml.js';

function straightenQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"');
}

function escapeRegExp(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Between two characters of the anchor the source may have whitespace, or a hyphen that ends a line. */
const GAP = '\\s*(?:-[ \\t]*\\r?\\n\\s*)?';

export function anchorPattern(anchor: string): RegExp | null {
  const chars = [...straightenQuotes(anchor).replace(/\s+/g, '')];
  if (chars.length === 0) return null;
  return new RegExp(chars.map(escapeRegExp).join(GAP), 'u');
}

export function findAnchor(sourceText: string, anchor: string): boolean {
  const pattern = anchorPattern(anchor);
  return pattern?.test(straightenQuotes(sourceText)) === true;
}

export interface CitationInput {
  /** Source id → file, relative to the content directory. */
  sources: ReadonlyMap<string, { file: string }>;
  sections: ReadonlyMap<string, { source: string; anchor: string }>;
  /** Source id → the full text of that source. */
  sourceTexts: ReadonlyMap<string, string>;
  /** Content to scan for `cites` arrays, keyed by the file it came from. */
  documents: Readonly<Record<string, unknown>>;
}

/** Every `cites` array in a value, with the path to it ("[3].cites"). */
function collectCites(value: unknown, path = ''): Array<{ path: string; ids: unknown[] }> {
  if (Array.isArray(value)) return value.flatMap((item, index) => collectCites(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  const found: Array<{ path: string; ids: unknown[] }> = [];
  for (const [key, child] of Object.entries(value)) {
    const childPath = path === '' ? key : `${path}.${key}`;
    if (key === 'cites' && Array.isArray(child)) found.push({ path: childPath, ids: child });
    else found.push(...collectCites(child, childPath));
  }
  return found;
}

/** Problems with citations and anchors, one readable line each; empty when all is well. */
export function checkCitations(input: CitationInput): string[] {
  const problems: string[] = [];
  for (const [id, section] of input.sections) {
    const source = input.sources.get(section.source);
    const text = input.sourceTexts.get(section.source);
    if (source === undefined) {
      problems.push(`sections.yaml sections.${id}.source: unknown source "${section.source}"`);
    } else if (text === undefined) {
      problems.push(`sections.yaml sections.${id}: the text of ${source.file} is not available`);
    } else if (!findAnchor(text, section.anchor)) {
      problems.push(`sections.yaml sections.${id}.anchor: "${section.anchor}" does not occur in ${source.file}`);
    }
  }
  for (const [file, document] of Object.entries(input.documents)) {
    for (const { path, ids } of collectCites(document)) {
      for (const cited of ids) {
        if (typeof cited !== 'string' || !input.sections.has(cited)) {
          problems.push(`${file} ${path}: cites unknown section "${String(cited)}"`);
        }
      }
    }
  }
  return problems;
}

/** The reference content keyed by the file each part came from, for checkCitations. */
export function referenceDocuments(reference: ReferenceContent): Record<string, unknown> {
  const documents: Record<string, unknown> = {};
  for (const [key, file] of Object.entries(REFERENCE_FILES)) {
    documents[file] = reference[key as keyof ReferenceContent];
  }
  return documents;
}

/** Reads content/sections.yaml and the source texts it names, then checks the given documents. */
export function checkCitationsInDir(contentDir: string, documents: Readonly<Record<string, unknown>>): string[] {
  const sectionsFile = readYamlFile(join(contentDir, 'sections.yaml'), sectionsFileSchema);
  const sources = new Map(Object.entries(sectionsFile.sources));
  const sourceTexts = new Map<string, string>();
  const problems: string[] = [];
  for (const [id, source] of sources) {
    try {
      sourceTexts.set(id, readFileSync(join(contentDir, source.file), 'utf8'));
    } catch (err) {
      problems.push(`sections.yaml sources.${id}.file: cannot read ${source.file} (${(err as Error).message})`);
    }
  }
  const sections = new Map(Object.entries(sectionsFile.sections));
  return [...problems, ...checkCitations({ sources, sections, sourceTexts, documents })];
}
