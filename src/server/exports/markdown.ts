// The Markdown download: the case header, the engine's own summary, and the contact point's advice.
import type { Content } from '../../content/load.js';
import type { CaseRecord } from '../../store/types.js';
import { textsFor } from './case-document.js';

export function caseMarkdown(record: CaseRecord, content: Content): string {
  const t = textsFor(content, record.draft.lang);
  const institution = content.reference.contactPoints.find((cp) => cp.id === record.institution);
  const header = [
    `- **${t('inbox.case-ref')}:** ${record.ref}`,
    `- **${t('inbox.created')}:** ${record.createdAt.slice(0, 10)}`,
    `- **${t('inbox.institution')}:** ${institution?.name ?? record.institution}`,
    `- **${t('inbox.status')}:** ${t(`inbox.status-${record.status}`)}`,
  ];
  const out = [record.draft.summaryMarkdown.trimEnd(), '', `## ${t('inbox.case')}`, ...header];
  if (record.status === 'closed' && record.advice) {
    // The advice is someone's own text: quote it so it cannot restructure the document.
    out.push('', `## ${t('inbox.advice')}`, ...record.advice.split(/\r?\n/).map((line) => `> ${line}`));
  }
  return `${out.join('\n')}\n`;
}

/** A file name without anything a header or a file system would trip over. */
export function exportFileName(ref: string, ext: 'md' | 'pdf'): string {
  return `research-security-${ref.replace(/[^A-Za-z0-9-]/g, '_')}.${ext}`;
}
