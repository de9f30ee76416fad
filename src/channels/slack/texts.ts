// Slack chrome comes from content/ui/slack.yaml (loaded as "slack.<key>"), never from code; the outcome's and
// the case's own words come from the shared document texts (content/ui/document.yaml and friends).
import type { Content } from '../../content/load.js';
import { pick } from '../../domain/lang.js';
import type { UiTexts } from '../../content/schema/core.js';
import { documentTexts, type FactNames, namesFromContent, type Texts } from '../../document/index.js';
import type { Lang } from '../../engine/ids.js';

export interface SlackTexts {
  (key: string, lang: Lang, values?: Record<string, string>): string;
  /** Full-key texts for the shared document (src/document) in one language. */
  document(lang: Lang): Texts;
  /** Names for the ids in a case's facts (technology areas, institutions); ids themselves without content. */
  names(lang: Lang): FactNames;
}

/** Fills `{name}` placeholders. Callers escape values that came from users before or after, as the place requires. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A lookup over the loaded UI table; a missing key shows the key itself, so it is noticed instead of crashing a reply. */
export function slackTexts(ui: UiTexts, content?: Content): SlackTexts {
  const lookup = (key: string, lang: Lang, values: Record<string, string> = {}): string => {
    const entry = ui[`slack.${key}`];
    const template = entry ? pick(entry, lang) : `slack.${key}`;
    return fill(template, values);
  };
  return Object.assign(lookup, {
    document: (lang: Lang) => documentTexts(ui, lang),
    names: (lang: Lang): FactNames => (content ? namesFromContent(content, lang) : {}),
  });
}
