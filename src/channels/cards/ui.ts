// Builds the UiLookup the renderers take from the loaded UI texts and a language.
import type { Lang, LocalText } from '../../domain/lang.js';

type UiTable = Record<string, LocalText>;

/** Falls back to English, then to the key itself, so that a missing text never breaks a conversation. */
export function uiLookup(texts: UiTable, lang: Lang): (key: string) => string {
  return (key) => texts[key]?.[lang] ?? texts[key]?.en ?? key;
}
