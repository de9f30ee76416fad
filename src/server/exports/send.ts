// Sends a case as a download: Markdown or PDF, never cached.
import type { Response } from 'express';
import type { Content } from '../../content/load.js';
import type { CaseRecord } from '../../store/types.js';
import { caseDocument, documentTexts } from '../../document/index.js';
import { caseMarkdown, exportFileName } from './markdown.js';

export type ExportKind = 'md' | 'pdf';

/** summary.md / summary.pdf → the kind; anything else → null. */
export function exportKind(file: unknown): ExportKind | null {
  return file === 'summary.md' ? 'md' : file === 'summary.pdf' ? 'pdf' : null;
}

export async function sendExport(res: Response, record: CaseRecord, content: Content, kind: ExportKind): Promise<void> {
  res.setHeader('Content-Disposition', `attachment; filename="${exportFileName(record.ref, kind)}"`);
  res.setHeader('Cache-Control', 'no-store');
  if (kind === 'md') {
    res.type('text/markdown; charset=utf-8').send(caseMarkdown(record, content));
    return;
  }
  // pdfkit takes most of a second to load: only when someone downloads a PDF.
  const { renderCasePdf } = await import('./pdf.js');
  const pdf = await renderCasePdf(caseDocument(record, content), documentTexts(content.ui, record.draft.lang)('document.see'));
  res.type('application/pdf').send(pdf);
}
