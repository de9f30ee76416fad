// The Markdown download: the same case document as the PDF and the inbox page (facts, answers, risk,
// steps, measures, citations, the contact point's advice), with every value escaped for Markdown, so that
// nothing a researcher or a contact point typed can add a heading, a link or raw HTML to the file.
import type { Content } from '../../content/load.js';
import type { CaseRecord } from '../../store/types.js';
import { markdownQuote, markdownText } from '../../text/escape-markdown.js';
import { caseDocument, textsFor } from './case-document.js';

export function caseMarkdown(record: CaseRecord, content: Content): string {
  const doc = caseDocument(record, content);
  const t = textsFor(content, record.draft.lang);
  const out: string[] = [`# ${markdownText(doc.title)}`, '', `_${markdownText(doc.subtitle)}_`, ''];
  out.push(...doc.meta.map((m) => `- **${markdownText(m.label)}:** ${markdownText(m.value)}`), '');
  out.push(`**${markdownText(doc.risk.label)}:** ${markdownText(doc.risk.level)}`, '');
  if (doc.risk.assessment) out.push(markdownText(doc.risk.assessment), '');
  for (const section of doc.sections) {
    out.push(`## ${markdownText(section.title)}`);
    if (section.title === t('inbox.advice')) {
      // The advice is someone's own text over several lines: quoted, each line escaped.
      for (const item of section.items) out.push(markdownQuote(item.text));
    } else {
      section.items.forEach((item, i) => {
        const note = item.note ? ` _(${markdownText(item.note)})_` : '';
        out.push(`${section.numbered ? `${i + 1}.` : '-'} ${markdownText(item.text)}${note}`);
      });
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** A file name without anything a header or a file system would trip over. */
export function exportFileName(ref: string, ext: 'md' | 'pdf'): string {
  return `research-security-${ref.replace(/[^A-Za-z0-9-]/g, '_')}.${ext}`;
}
