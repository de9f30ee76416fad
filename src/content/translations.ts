// Which texts are not yet translated into each optional language of content/languages.yaml. A missing text is
// shown in English, so this is a to-do list for translators, not an error.
import { REQUIRED_LANGS } from '../domain/lang.js';
import { referenceDocuments } from './anchors.js';
import type { Content } from './load.js';

export interface MissingTranslations {
  lang: string;
  name: string;
  /** Texts that exist in English but not in this language. */
  missing: number;
  total: number;
  /** Where, as "file path", the first few per file. */
  examples: string[];
}

/** A text in several languages is an object with at least the required languages as strings. */
function isLocal(node: object): node is Record<string, unknown> {
  return REQUIRED_LANGS.every(
    (l) => l in node && (typeof (node as Record<string, unknown>)[l] === 'string' || Array.isArray((node as Record<string, unknown>)[l])),
  );
}

function localTexts(node: unknown, path: string, out: Array<{ path: string; text: Record<string, unknown> }>): void {
  if (Array.isArray(node)) return node.forEach((n, i) => localTexts(n, `${path}[${i}]`, out));
  if (!node || typeof node !== 'object') return;
  if (isLocal(node)) {
    // A word list that is empty in English needs no translation.
    const en = node.en;
    if (!(Array.isArray(en) && en.length === 0)) out.push({ path, text: node });
    return;
  }
  for (const [key, value] of Object.entries(node)) localTexts(value, path === '' ? key : `${path}.${key}`, out);
}

function contentDocuments(content: Content): Record<string, unknown> {
  const documents: Record<string, unknown> = { ...referenceDocuments(content.reference) };
  documents['sections.yaml'] = Object.fromEntries(content.sections);
  documents['flags.yaml'] = Object.fromEntries(content.flags);
  documents['lexicon.yaml'] = content.lexicon;
  documents['ui/'] = content.ui;
  for (const pb of content.playbooks.values()) documents[pb.file] = pb;
  return documents;
}

export function missingTranslations(content: Content, examplesPerFile = 1, maxExamples = 12): MissingTranslations[] {
  const texts: Array<{ file: string; path: string; text: Record<string, unknown> }> = [];
  for (const [file, doc] of Object.entries(contentDocuments(content))) {
    const found: Array<{ path: string; text: Record<string, unknown> }> = [];
    localTexts(doc, '', found);
    texts.push(...found.map((f) => ({ file, ...f })));
  }
  const required: readonly string[] = REQUIRED_LANGS;
  return content.languages
    .filter((l) => !required.includes(l.code))
    .map((l) => {
      const missing = texts.filter((t) => t.text[l.code] === undefined);
      const perFile = new Map<string, number>();
      const examples: string[] = [];
      for (const m of missing) {
        const n = perFile.get(m.file) ?? 0;
        if (n < examplesPerFile && examples.length < maxExamples) examples.push(`${m.file} ${m.path || '(top level)'}`);
        perFile.set(m.file, n + 1);
      }
      return { lang: l.code, name: l.name, missing: missing.length, total: texts.length, examples };
    });
}

/** Texts in a language that content/languages.yaml does not list: a typo in a language code, or a missing entry. */
export function unlistedLanguages(content: Content): string[] {
  const listed = new Set(content.languages.map((l) => l.code));
  const problems = new Set<string>();
  for (const [file, doc] of Object.entries(contentDocuments(content))) {
    const found: Array<{ path: string; text: Record<string, unknown> }> = [];
    localTexts(doc, '', found);
    for (const f of found) {
      for (const code of Object.keys(f.text)) {
        if (!listed.has(code)) problems.add(`${file} ${f.path}.${code}: language "${code}" is not listed in content/languages.yaml`);
      }
    }
  }
  return [...problems].slice(0, 20);
}
