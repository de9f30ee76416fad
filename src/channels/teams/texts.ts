// Teams chrome comes from content/ui/teams.yaml ("teams.<key>") and the card texts from cards.yaml.
import type { Lang, LocalText } from '../../domain/lang.js';
import { uiLookup, type UiLookup } from '../cards/index.js';

type UiTable = Record<string, LocalText>;

export interface TeamsTexts {
  /** Full keys, as the card renderers expect. */
  ui(lang: Lang): UiLookup;
  /** A Teams text by its short key, with `{name}` placeholders filled in. */
  t(key: string, lang: Lang, values?: Record<string, string>): string;
}

export function teamsTexts(table: UiTable): TeamsTexts {
  return {
    ui: (lang) => uiLookup(table, lang),
    t: (key, lang, values = {}) => uiLookup(table, lang)(`teams.${key}`).replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => values[name] ?? whole),
  };
}
