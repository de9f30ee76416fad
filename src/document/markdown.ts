// A document as Markdown: the researcher's summary (engine) and the case download (inbox).
// Every text is escaped, so that nothing anyone wrote can become a heading, a list, a link or HTML.
import type { AnyDocument, DocItem, DocLink, DocSection } from './types.js';

/** Backslash-escapes what CommonMark would act on inline, and line starts that open a block. */
function escapeMarkdownText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#>+-]|\d+\.)/gm, (_m, lead: string, marker: string) =>
      marker.endsWith('.') ? `${lead}${marker.slice(0, -1)}\\.` : `${lead}\\${marker}`,
    );
}

/** A link target without characters that would end it early. */
function target(href: string): string {
  return href.replace(/[()<>\s]/g, (c) => encodeURIComponent(c));
}

function link(label: string, href: string | undefined): string {
  const text = escapeMarkdownText(label);
  return href ? `[${text}](${target(href)})` : text;
}

function citeList(cites: DocLink[]): string {
  return cites.map((c) => link(c.label, c.href)).join('; ');
}

function itemLines(item: DocItem, marker: string): string[] {
  const main = item.label ? `**${escapeMarkdownText(item.label)}:** ${link(item.text, item.href)}` : link(item.text, item.href);
  const extras: string[] = [];
  if (item.note) extras.push(`_${escapeMarkdownText(item.note)}_`);
  if (item.cites?.length) extras.push(`_(${citeList(item.cites)})_`);
  if (item.internal) extras.push(`_\\[${escapeMarkdownText(item.internal)}\\]_`);
  // Continuation lines are indented, so that a multi-line text stays inside its list item.
  const lines = [`${marker} ${[main, ...extras].join(' ')}`.trimEnd().replace(/\n/g, '\n   ')];
  if (item.quote) lines.push(...item.quote.split(/\r?\n/).map((line) => `   > ${escapeMarkdownText(line)}`));
  return lines;
}

function sectionLines(section: DocSection): string[] {
  if (section.kind === 'headline') return [`**${escapeMarkdownText(section.text ?? '')}**`, ''];
  const out: string[] = [`## ${escapeMarkdownText(section.title ?? '')}`];
  if (section.text) out.push(escapeMarkdownText(section.text), '');
  section.items.forEach((item, i) => out.push(...itemLines(item, section.numbered ? `${i + 1}.` : '-')));
  out.push('');
  return out;
}

export function renderMarkdown(doc: AnyDocument): string {
  const out = [`# ${escapeMarkdownText(doc.title)}`, ''];
  if (doc.kind === 'case') out.push(`_${escapeMarkdownText(doc.subtitle)}_`, '');
  for (const section of doc.sections) out.push(...sectionLines(section));
  return `${out.join('\n').trimEnd()}\n`;
}
