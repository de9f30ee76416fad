// The Markdown download of a case: the shared case document, as the inbox page and the PDF show it.
import type { Content } from '../../content/load.js';
import { caseDocument, renderMarkdown } from '../../document/index.js';
import type { CaseRecord } from '../../store/types.js';

export function caseMarkdown(record: CaseRecord, content: Content): string {
  return renderMarkdown(caseDocument(record, content));
}

/** A file name without anything a header or a file system would trip over. */
export function exportFileName(ref: string, ext: 'md' | 'pdf'): string {
  return `research-security-${ref.replace(/[^A-Za-z0-9-]/g, '_')}.${ext}`;
}
