// A document (src/document) as Adaptive Card elements, for Teams and the web chat. Each section is a
// Container with id "doc-<kind>"; every titled part opens and closes by its title (Action.ToggleVisibility),
// long parts start closed.
// Everything from the document goes into TextRuns, which no renderer interprets as markdown.
import type { AnyDocument, DocItem, DocLink, DocSection, Tone } from '../../document/index.js';
import { fill } from '../../document/index.js';
import { plainText, verbatim } from './plain-text.js';
import type { CardElement, Container, RichTextBlock, TextColor, TextRun, UiLookup } from './types.js';

export interface CardDocumentOptions {
  /** Links to this server's own pages (/sources/...): only where the card is shown on this server (web chat). */
  relativeLinks?: boolean;
}

const TONE_COLORS: Record<Tone, TextColor> = { high: 'attention', attention: 'attention', medium: 'warning', warning: 'warning', low: 'good' };

function followable(href: string | undefined, options: CardDocumentOptions): string | undefined {
  if (!href) return undefined;
  if (/^(https?:|mailto:)/i.test(href)) return href;
  return options.relativeLinks && href.startsWith('/') ? href : undefined;
}

function run(text: string, extra: Partial<TextRun> = {}): TextRun {
  return { type: 'TextRun', text: verbatim(text), ...extra };
}

function linkRun(text: string, href: string | undefined, options: CardDocumentOptions, extra: Partial<TextRun> = {}): TextRun {
  const url = followable(href, options);
  return url ? run(text, { ...extra, selectAction: { type: 'Action.OpenUrl', url } }) : run(text, extra);
}

function rich(inlines: TextRun[], spacing: 'none' | 'small' = 'small'): RichTextBlock {
  return { type: 'RichTextBlock', inlines, spacing };
}

function citeLine(cites: DocLink[], ui: UiLookup, options: CardDocumentOptions): RichTextBlock {
  const inlines: TextRun[] = [run(`${ui('document.see')}: `, { isSubtle: true })];
  cites.forEach((c, i) => {
    if (i > 0) inlines.push(run('; ', { isSubtle: true }));
    inlines.push(linkRun(c.label, c.href, options, { isSubtle: true }));
  });
  return rich(inlines, 'none');
}

function itemElements(item: DocItem, marker: string, ui: UiLookup, options: CardDocumentOptions): CardElement[] {
  const color = item.tone ? TONE_COLORS[item.tone] : undefined;
  const main: TextRun[] = [];
  if (item.label) main.push(run(`${marker}${item.label}: `, { weight: 'bolder' }), linkRun(item.text, item.href, options));
  else if (item.text) main.push(linkRun(`${marker}${item.text}`, item.href, options, color ? { color } : {}));
  const out: CardElement[] = main.length > 0 ? [rich(main)] : [];
  if (item.quote) out.push(plainText(`→ ${item.quote}`, { spacing: 'none' }));
  if (item.note) out.push(plainText(item.note, { isSubtle: true, spacing: 'none' }));
  if (item.cites?.length) out.push(citeLine(item.cites, ui, options));
  if (item.internal) out.push(plainText(item.internal, { isSubtle: true, italic: true, spacing: 'none' }));
  return out;
}

function bodyElements(section: DocSection, ui: UiLookup, options: CardDocumentOptions): CardElement[] {
  const out: CardElement[] = [];
  if (section.text) out.push(plainText(section.text, { spacing: 'small' }));
  section.items.forEach((item, i) => out.push(...itemElements(item, section.numbered ? `${i + 1}. ` : '• ', ui, options)));
  return out;
}

function title(text: string, marker: string, id: string, isVisible: boolean): RichTextBlock {
  const block = rich([run(`${marker} ${text}`, { weight: 'bolder' })]);
  block.id = id;
  if (!isVisible) block.isVisible = false;
  return block;
}

function sectionContainer(section: DocSection, ui: UiLookup, options: CardDocumentOptions): Container {
  const id = `doc-${section.kind}`;
  if (section.kind === 'headline') {
    return { type: 'Container', id, items: [plainText(section.text ?? '', { weight: 'bolder', size: 'medium' })] };
  }
  if (section.kind === 'risk') {
    const color = section.tone ? TONE_COLORS[section.tone] : 'default';
    const banner: Container = { type: 'Container', style: 'emphasis', items: [plainText(section.title ?? '', { weight: 'bolder', color })] };
    return { type: 'Container', id, spacing: 'medium', items: [banner, ...bodyElements(section, ui, options)] };
  }
  // Every titled part opens and closes by its title (issue 13 item 10); a long one starts closed. The title is
  // there twice, "▾" open and "▸" closed, toggled with the body, so the marker is right in Teams too.
  const open = !section.fold;
  const header: Container = {
    type: 'Container',
    items: [title(section.title ?? '', '▾', `${id}-open`, open), title(section.title ?? '', '▸', `${id}-closed`, !open)],
    selectAction: {
      type: 'Action.ToggleVisibility',
      title: fill(ui('document.toggle'), { title: section.title ?? '' }),
      targetElements: [`${id}-body`, `${id}-open`, `${id}-closed`],
    },
  };
  const body: Container = { type: 'Container', id: `${id}-body`, items: bodyElements(section, ui, options) };
  if (!open) body.isVisible = false;
  return { type: 'Container', id, spacing: 'medium', separator: true, items: [header, body] };
}

/** The document's sections as card elements, in the document's order. */
export function documentElements(doc: AnyDocument, ui: UiLookup, options: CardDocumentOptions = {}): CardElement[] {
  return doc.sections.map((s) => sectionContainer(s, ui, options));
}
