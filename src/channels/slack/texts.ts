// Slack chrome comes from content/ui/slack.yaml (loaded as "slack.<key>"), never from code.
import { pick } from '../../domain/lang.js';
import type { UiTexts } from '../../content/schema/core.js';
import type { Lang } from '../../engine/ids.js';

export type SlackTexts = (key: string, lang: Lang, values?: Record<string, string>) => string;

/** Fills `{name}` placeholders. Callers escape values that came from users before or after, as the place requires. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A lookup over the loaded UI table; a missing key shows the key itself, so it is noticed instead of crashing a reply. */
export function slackTexts(ui: UiTexts): SlackTexts {
  return (key, lang, values = {}) => {
    const entry = ui[`slack.${key}`];
    const template = entry ? pick(entry, lang) : `slack.${key}`;
    return fill(template, values);
  };
}
