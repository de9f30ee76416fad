// Resolves section ids to citations the reader can follow.
import { pick } from '../domain/lang.js';
import type { Content } from '../content/load.js';
import type { Lang } from './ids.js';
import type { Citation } from './types.js';

export function cite(ids: readonly string[], content: Content, lang: Lang): Citation[] {
  const out: Citation[] = [];
  for (const id of ids) {
    const section = content.sections.get(id);
    if (!section) continue; // content check guarantees this does not happen
    const source = content.sources.get(section.source);
    // The web chat and the inbox serve the source text at /sources/<source>, with an anchor per section.
    out.push({
      section: id,
      title: pick(section.title, lang),
      source: source ? pick(source.title, lang) : section.source,
      href: `/sources/${section.source}#${id}`,
    });
  }
  return out;
}

export function uniqueCitations(lists: Citation[][]): Citation[] {
  const seen = new Map<string, Citation>();
  for (const list of lists) for (const c of list) if (!seen.has(c.section)) seen.set(c.section, c);
  return [...seen.values()];
}
