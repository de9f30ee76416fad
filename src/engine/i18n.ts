// Looks up the program's own texts (content/ui/*.yaml) in the conversation's language.
import type { Content } from '../content/load.js';
import { pick } from '../domain/lang.js';
import type { Lang } from './ids.js';
import { fill } from './text.js';

export function makeT(content: Content, lang: Lang) {
  return (key: string, vars?: Record<string, string>): string => {
    // The advice's own texts live in content/ui/advice.yaml.
    const entry = content.ui[`engine.${key}`] ?? content.ui[`advice.${key}`];
    // A missing key is a content bug that `advisor content check` reports; show the key, never crash.
    return fill(entry ? pick(entry, lang) : `[${key}]`, vars);
  };
}

export type T = ReturnType<typeof makeT>;
