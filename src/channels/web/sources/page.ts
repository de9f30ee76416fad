// A source text of content/sections.yaml as an HTML page, with an anchor at each cited section's anchor
// phrase, so that a citation's link (/sources/vlir#dual-use) opens at the place it rests on.
import { pick } from '../../../domain/lang.js';
import { anchorPattern } from '../../../content/anchors.js';
import type { Section, SourceDoc } from '../../../content/types.js';
import type { Lang } from '../../../engine/types.js';
import { html, page, type Html } from '../html.js';

export interface SourceAnchor {
  section: Section;
  start: number;
  end: number;
}

/** Where each section's anchor phrase occurs in the text, in text order; sections whose phrase is missing are left out. */
export function findAnchors(text: string, sections: readonly Section[]): SourceAnchor[] {
  // Curly quotes straightened one for one, so that offsets stay those of the original text.
  const straight = text.replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"');
  const found: SourceAnchor[] = [];
  for (const section of sections) {
    const match = anchorPattern(section.anchor)?.exec(straight);
    if (match) found.push({ section, start: match.index, end: match.index + match[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The text, escaped, with each anchor phrase marked and carrying the section's id. */
function annotated(text: string, anchors: SourceAnchor[]): Html[] {
  const parts: Html[] = [];
  let at = 0;
  for (const a of anchors) {
    if (a.start < at) {
      // Overlaps the previous phrase: an empty anchor keeps the link working.
      parts.push(html`<span id="${a.section.id}"></span><span id="s-${a.section.id}"></span>`);
      continue;
    }
    // "s-<id>" too: the form the outcome contract's example uses (engine/types.ts Citation.href).
    parts.push(html`${text.slice(at, a.start)}<span id="s-${a.section.id}"></span><mark id="${a.section.id}">${text.slice(a.start, a.end)}</mark>`);
    at = a.end;
  }
  parts.push(html`${text.slice(at)}`);
  return parts;
}

export interface SourcePageView {
  source: SourceDoc;
  text: string;
  sections: readonly Section[];
  lang: Lang;
  /** "Sections cited from this text". */
  contentsTitle: string;
}

export function sourcePage(view: SourcePageView): string {
  const anchors = findAnchors(view.text, view.sections);
  const title = pick(view.source.title, view.lang);
  const body = html`<header class="bar"><h1>${title}</h1>${
    view.source.url ? html`<nav><a href="${view.source.url}" rel="noopener noreferrer" target="_blank">${view.source.url}</a></nav>` : ''
  }</header>
<main class="source">
<nav class="contents" aria-label="${view.contentsTitle}"><h2>${view.contentsTitle}</h2><ul>${anchors.map(
    (a) => html`<li><a href="#${a.section.id}">${pick(a.section.title, view.lang)}</a></li>`,
  )}</ul></nav>
<pre class="source-text">${annotated(view.text, anchors)}</pre>
</main>`;
  return page({ lang: view.lang, title, body, styles: ['/static/web.css'] });
}
