// The PDF download, ready to attach to an application to the institution's committee.
// pdfkit's built-in Helvetica covers Western European text (WinAnsi); other characters become "?".
import PDFDocument from 'pdfkit';
import type { CaseDocument } from './case-document.js';

/** Characters outside Latin-1 that WinAnsi (and so Helvetica) still has. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function printable(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (code === 0x2212 || code === 0x2010 || code === 0x2011) out += '-';
    else if (code === 0x200b) continue;
    else out += '?';
  }
  return out;
}

const RISK_COLOUR: Record<string, string> = { high: '#b00020', medium: '#a15c00', low: '#1b6e20' };

export function renderCasePdf(doc: CaseDocument, riskLevel: string): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: printable(doc.title), Subject: printable(doc.subtitle), Creator: 'Research Security Advisor' },
    lang: doc.lang,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  pdf.font('Helvetica-Bold').fontSize(17).text(printable(doc.title));
  pdf.font('Helvetica').fontSize(9).fillColor('#555555').text(printable(doc.subtitle)).moveDown(0.6);
  pdf.fillColor('#000000').fontSize(10);
  for (const m of doc.meta) {
    pdf.font('Helvetica-Bold').text(`${printable(m.label)}: `, { continued: true }).font('Helvetica').text(printable(m.value));
  }
  pdf.moveDown(0.8);
  pdf
    .font('Helvetica-Bold')
    .fontSize(13)
    .fillColor(RISK_COLOUR[riskLevel] ?? '#000000')
    .text(`${printable(doc.risk.label)}: ${printable(doc.risk.level)}`);
  pdf.fillColor('#000000').font('Helvetica').fontSize(10).text(printable(doc.risk.assessment)).moveDown(0.6);

  for (const section of doc.sections) {
    pdf.moveDown(0.4).font('Helvetica-Bold').fontSize(12).text(printable(section.title)).moveDown(0.2);
    section.items.forEach((item, i) => {
      const marker = section.numbered ? `${i + 1}. ` : '•  ';
      pdf.font('Helvetica').fontSize(10).text(`${marker}${printable(item.text)}`, { indent: 0, paragraphGap: item.note ? 0 : 3 });
      if (item.note) pdf.fontSize(8).fillColor('#555555').text(printable(item.note), { indent: 14, paragraphGap: 3 }).fillColor('#000000');
    });
  }
  pdf.end();
  return done;
}
