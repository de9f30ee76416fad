// The batch screening report as a PDF for the file: what was screened, against which lists of which
// date, what was not screened, and per partner its hits with their kind, or "no hit on the lists checked".
import PDFDocument from 'pdfkit';
import type { BatchReport } from '../../screening/batch.js';
import { printable } from './pdf.js';

/** Labels of the report, in the reader's language (content/ui/inbox.yaml screening-*, document.hit-kind-*). */
export type ReportTexts = (key: string, values?: Record<string, string | number>) => string;

const RESULT_COLOUR = { match: '#b00020', possible: '#a15c00', none: '#000000' };

export function renderScreeningPdf(report: BatchReport, t: ReportTexts, lang: string): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 50, info: { Title: printable(t('screening-title')), Creator: 'Research Security Advisor' }, lang });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const line = (text: string, size = 10, colour = '#000000', indent = 0): void => {
    pdf.font('Helvetica').fontSize(size).fillColor(colour).text(printable(text), { indent, paragraphGap: 1 }).fillColor('#000000');
  };
  const heading = (text: string): void => {
    pdf.moveDown(0.5).font('Helvetica-Bold').fontSize(12).text(printable(text)).moveDown(0.2);
  };

  pdf
    .font('Helvetica-Bold')
    .fontSize(17)
    .text(printable(t('screening-title')));
  line(`${t('screening-file')}: ${report.source} · ${report.screenedAt.replace('T', ' ').slice(0, 16)} UTC`, 9, '#555555');
  const s = report.summary;
  pdf.moveDown(0.4);
  line(t('screening-summary', { partners: s.partners, matches: s.withMatch, possible: s.possibleOnly, unchecked: s.notChecked }), 11);

  heading(t('screening-lists'));
  for (const l of report.lists) line(`•  ${l.name}${l.date ? ` (${l.date})` : ''}${l.stale ? ` — ${t('screening-stale')}` : ''}`, 9);
  if (report.checkByHand?.length) {
    heading(t('screening-not-screened'));
    for (const c of report.checkByHand) {
      line(`•  ${t(`hit-kind-${c.kind}`)}: ${c.text}`, 9);
      for (const link of c.links) line(`${link.title}: ${link.url}`, 8, '#1a4d8f', 14);
    }
  }

  heading(t('screening-col-partner'));
  for (const p of report.partners) {
    pdf.moveDown(0.2);
    pdf
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(printable(`${p.row}. ${p.name}${p.country ? ` (${p.country})` : ''}`));
    if (p.hits.length === 0) line(t('screening-result-none'), 9, RESULT_COLOUR.none, 14);
    for (const h of p.hits) {
      const result = h.match ? t('screening-result-match') : t('screening-result-possible');
      const kind = h.kind ? t(`hit-kind-${h.kind}`) : '';
      line(
        `${result} · ${kind} · ${h.listName} (${h.listDate}) · ${t('screening-col-listed')}: ${h.name} · ${t('screening-col-score')} ${h.score.toFixed(2)}`,
        9,
        h.match ? RESULT_COLOUR.match : RESULT_COLOUR.possible,
        14,
      );
      line(h.why, 8, '#555555', 28);
    }
    for (const n of p.notChecked ?? []) line(`${t('screening-col-not-checked')}: ${n.text}`, 9, RESULT_COLOUR.possible, 14);
  }
  pdf.moveDown(0.6);
  line(report.note, 9, '#555555');
  pdf.end();
  return done;
}
