// Renders the reply model as plain text with button labels: the terminal and the JSON-lines protocol.
// An outcome is the shared document (src/document) as terminal text; without texts, its Markdown summary.
import { type AnyDocument, type DocItem, type DocLink, outcomeDocument, type Texts } from '../../document/index.js';
import type { Reply } from '../../engine/types.js';

export interface PlainReply {
  text: string;
  buttons: string[];
}

/** Control characters (escape sequences) in someone's text must not reach the terminal. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u009b]/g, '');
}

/** The terminal can open only absolute links; our own paths (/sources/...) mean nothing there. */
function withUrl(label: string, href: string | undefined): string {
  if (href && /^(https?|mailto):/i.test(href)) {
    const shown = href.startsWith('mailto:') ? href.slice(7) : href;
    return shown === label ? clean(label) : `${clean(label)} <${clean(shown)}>`;
  }
  return clean(label);
}

function citeLine(cites: DocLink[], t: Texts): string {
  return `${t('document.see')}: ${cites.map((c) => withUrl(c.label, c.href)).join('; ')}`;
}

function itemLines(item: DocItem, marker: string, t: Texts, compact: boolean): string[] {
  const text = item.label ? `${clean(item.label)}: ${withUrl(item.text, item.href)}` : withUrl(item.text, item.href);
  // A list of sources reads best one per line: "title — source".
  const main = compact && item.note ? `${text} — ${clean(item.note)}` : text;
  const pad = ' '.repeat(marker.length + 2);
  // Continuation lines of a long or multi-line text stay under the item, not at the margin.
  const lines = [`  ${marker}${main.replace(/\n/g, `\n${pad}`)}`];
  if (item.quote) lines.push(...item.quote.split(/\r?\n/).map((l) => `${pad}> ${clean(l)}`));
  if (item.note && !compact) lines.push(`${pad}${clean(item.note).replace(/\n/g, `\n${pad}`)}`);
  if (item.cites?.length) lines.push(`${pad}${citeLine(item.cites, t)}`);
  if (item.internal) lines.push(`${pad}[${clean(item.internal)}]`);
  return lines;
}

/** A document as terminal text: the title underlined, each section's title, its paragraph and its items. */
export function documentText(doc: AnyDocument, t: Texts): string {
  const title = clean(doc.title);
  const out = [title, '='.repeat(Math.min(title.length, 72))];
  for (const section of doc.sections) {
    out.push('');
    if (section.kind === 'headline') {
      out.push(clean(section.text ?? ''));
      continue;
    }
    const heading = clean(section.title ?? '');
    out.push(heading, '-'.repeat(Math.min(heading.length, 72)));
    if (section.text) out.push(clean(section.text));
    section.items.forEach((item, i) => out.push(...itemLines(item, section.numbered ? `${i + 1}. ` : '• ', t, section.kind === 'sources')));
  }
  return out.join('\n');
}

export function toPlain(reply: Reply, texts?: Texts): PlainReply {
  switch (reply.kind) {
    case 'text':
      return { text: reply.text, buttons: [] };
    case 'question':
      return { text: reply.help ? `${reply.text}\n${reply.help}` : reply.text, buttons: reply.choices.map((c) => c.label) };
    case 'outcome':
      return { text: texts ? documentText(outcomeDocument(reply.outcome, texts, 'researcher'), texts) : reply.summaryMarkdown, buttons: [] };
    case 'case-created':
      return { text: reply.text, buttons: [] };
    case 'menu':
      return { text: reply.text, buttons: reply.choices.map((c) => c.label) };
  }
}

/** The button a typed line clicks: an exact label of the last replies, the latest reply first. */
export function clickedChoice(replies: readonly Reply[], line: string): { value: string; step?: string } | undefined {
  for (let i = replies.length - 1; i >= 0; i--) {
    const reply = replies[i];
    if (!reply || (reply.kind !== 'question' && reply.kind !== 'menu')) continue;
    const choice = reply.choices.find((c) => c.label === line);
    if (choice) return reply.kind === 'question' ? { value: choice.value, step: reply.step } : { value: choice.value };
  }
  return undefined;
}
