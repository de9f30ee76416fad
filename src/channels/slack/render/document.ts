// A document (src/document) as Block Kit: one or more section blocks per document section, with block ids
// "doc-<kind>-<n>" and in the document's order. Every text is escaped; links are our own, never typed ones.
import type { AnyDocument, DocItem, DocLink, DocSection, Texts } from '../../../document/index.js';
import { escapeSlack } from '../escape.js';
import { type Block, sections } from './blocks.js';
import { isEmail } from './email.js';
import { MAX_FIELD_TEXT, MAX_FIELDS } from './limits.js';

export interface SlackDocumentOptions {
  /** PUBLIC_URL: makes this server's own links (/sources/...) absolute; without it they show as text. */
  linkBase?: string;
}

function target(href: string, options: SlackDocumentOptions): string | undefined {
  if (href.startsWith('mailto:')) return isEmail(href.slice(7)) ? href : undefined;
  if (/^https?:\/\/[^\s<>|]+$/i.test(href)) return href;
  if (href.startsWith('/') && options.linkBase) return `${options.linkBase.replace(/\/+$/, '')}${href}`;
  return undefined;
}

function link(label: string, href: string | undefined, options: SlackDocumentOptions): string {
  const url = href ? target(href, options) : undefined;
  return url ? `<${url}|${escapeSlack(label)}>` : escapeSlack(label);
}

function cites(list: DocLink[], t: Texts, options: SlackDocumentOptions): string {
  return `_${escapeSlack(t('document.see'))}: ${list.map((c) => link(c.label, c.href, options)).join('; ')}_`;
}

/** A Slack user id we can mention safely; anything else is shown as escaped text. */
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

function value(item: DocItem, options: SlackDocumentOptions): string {
  if (item.person?.channel === 'slack' && SLACK_USER_ID.test(item.person.id)) return `<@${item.person.id}>`;
  return link(item.text, item.href, options);
}

function itemText(item: DocItem, marker: string, t: Texts, options: SlackDocumentOptions): string {
  const main = item.label ? `*${escapeSlack(item.label)}:* ${value(item, options)}` : value(item, options);
  const lines = [`${marker}${main}`];
  if (item.quote) lines.push(...item.quote.split(/\r?\n/).map((line) => `>${escapeSlack(line)}`));
  if (item.note) lines.push(`   _${escapeSlack(item.note)}_`);
  if (item.cites?.length) lines.push(`   ${cites(item.cites, t, options)}`);
  if (item.internal) lines.push(`   _${escapeSlack(item.internal)}_`);
  return lines.join('\n');
}

function sectionMrkdwn(section: DocSection, t: Texts, options: SlackDocumentOptions): string {
  if (section.kind === 'headline') return `*${escapeSlack(section.text ?? '')}*`;
  const parts = [`*${escapeSlack(section.title ?? '')}*`];
  if (section.text) parts.push(escapeSlack(section.text));
  section.items.forEach((item, i) => parts.push(itemText(item, section.numbered ? `${i + 1}. ` : '• ', t, options)));
  return parts.join('\n');
}

/** Label/value items (the case itself) as a fields block, the way Slack shows a record. */
function fieldsBlock(section: DocSection, options: SlackDocumentOptions): Block | null {
  if (section.items.length === 0 || section.items.length > MAX_FIELDS || section.items.some((i) => !i.label)) return null;
  const fields = section.items.map((item) => {
    const text = `*${escapeSlack(item.label ?? '')}*\n${value(item, options)}`;
    return { type: 'mrkdwn' as const, text: text.length > MAX_FIELD_TEXT ? `${text.slice(0, MAX_FIELD_TEXT - 1)}…` : text };
  });
  return { type: 'section', block_id: `doc-${section.kind}-0`, text: { type: 'mrkdwn', text: `*${escapeSlack(section.title ?? '')}*` }, fields };
}

export function documentBlocks(doc: AnyDocument, t: Texts, options: SlackDocumentOptions = {}): Block[] {
  return doc.sections.flatMap((section) => {
    const fields = section.kind === 'case' ? fieldsBlock(section, options) : null;
    if (fields) return [fields];
    return sections(sectionMrkdwn(section, t, options)).map((block, n) => ({ ...block, block_id: `doc-${section.kind}-${n}` }) as Block);
  });
}
