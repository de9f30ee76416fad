// UI texts for a document: a lookup over the loaded content/ui table in one language.
import type { UiTexts } from '../content/schema/core.js';
import type { Lang } from '../engine/types.js';
import type { Texts } from './types.js';

/** Fills `{name}` placeholders; values are plain text, escaped later by the renderer. */
export function fill(template: string, values: Record<string, string> = {}): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Falls back to English, then to the key in brackets, so that a missing text shows instead of crashing. */
export function documentTexts(ui: UiTexts, lang: Lang): Texts {
  return (key, values) => fill(ui[key]?.[lang] ?? ui[key]?.en ?? `[${key}]`, values);
}

/** Wraps a lookup that already has the language (a card's UiLookup) as document Texts. */
export function textsFromLookup(lookup: (key: string) => string): Texts {
  return (key, values) => fill(lookup(key), values);
}
