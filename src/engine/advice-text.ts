// The advice's own texts (content/ui/advice.yaml), in the conversation's language.
import { pick } from '../domain/lang.js';
import type { Content } from '../content/load.js';
import type { Lang } from './ids.js';
import { fill } from './text.js';

export function makeAdviceT(content: Content, lang: Lang) {
  return (key: string, vars?: Record<string, string>): string => {
    const entry = content.ui[`advice.${key}`];
    return fill(entry ? pick(entry, lang) : `[${key}]`, vars);
  };
}
