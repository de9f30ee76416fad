// A document (src/document) as HTML for the inbox and the researcher's case page: one <section data-kind="…"
// id="doc-…"> per section, in the document's order. Every text goes through the escaping template; links only to safe targets.
import { html, type Html } from '../../channels/web/html.js';
import type { AnyDocument, DocItem, DocLink, DocSection, SectionKind } from '../../document/index.js';

function safe(href: string | undefined): string | undefined {
  if (!href) return undefined;
  if (/^(https?:\/\/|mailto:)[^\s<>"]+$/i.test(href)) return href;
  return /^\/[^/\s<>"][^\s<>"]*$/.test(href) ? href : undefined;
}

function link(label: string, href: string | undefined): Html {
  const url = safe(href);
  if (!url) return html`${label}`;
  const external = !url.startsWith('/') && !url.startsWith('mailto:');
  return external ? html`<a href="${url}" rel="noopener noreferrer" target="_blank">${label}</a>` : html`<a href="${url}">${label}</a>`;
}

function cites(list: DocLink[], see: string): Html {
  return html`<span class="note">${see}: ${list.map((c, i) => html`${i > 0 ? '; ' : ''}${link(c.label, c.href)}`)}</span>`;
}

function item(i: DocItem, see: string): Html {
  const main = i.label ? html`<strong>${i.label}:</strong> ${link(i.text, i.href)}` : link(i.text, i.href);
  return html`<li${i.tone ? html` class="tone-${i.tone}"` : ''}>${main}${i.quote ? html`<div class="quote">${i.quote}</div>` : ''}${
    i.note ? html`<br><span class="note">${i.note}</span>` : ''
  }${i.cites?.length ? html`<br>${cites(i.cites, see)}` : ''}${i.internal ? html`<br><span class="note internal">${i.internal}</span>` : ''}</li>`;
}

export interface DocumentHtmlOptions {
  /** Sections this page opens although the document folds them (the exchange on a case page). */
  open?: readonly SectionKind[];
}

/**
 * Every titled part is a <details> that opens and closes by its title, by mouse or keyboard (issue 13
 * item 10); a long part (`fold`) starts closed. The headline and the risk verdict are always shown.
 */
function section(s: DocSection, see: string, options: DocumentHtmlOptions): Html {
  const attrs = html` data-kind="${s.kind}" id="doc-${s.kind}" class="doc-section${s.tone ? ` tone-${s.tone}` : ''}"`;
  if (s.kind === 'headline') return html`<section${attrs}><p class="headline"><strong>${s.text ?? ''}</strong></p></section>`;
  const items = s.items.map((i) => item(i, see));
  const body = html`${s.text ? html`<p>${s.text}</p>` : ''}${items.length ? (s.numbered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`) : ''}`;
  if (s.kind === 'risk') return html`<section${attrs}><h2>${s.title ?? ''}</h2>${body}</section>`;
  const open = !s.fold || (options.open ?? []).includes(s.kind);
  return html`<section${attrs}><details${open ? html` open` : ''}><summary><h2>${s.title ?? ''}</h2></summary>${body}</details></section>`;
}

/** `see` introduces the cited sections of an item ("See", "Zie"). */
export function documentHtml(doc: AnyDocument, see: string, options: DocumentHtmlOptions = {}): Html {
  return html`${doc.sections.map((s) => section(s, see, options))}`;
}
