// The PDF download, ready to attach to an application to the institution's committee.
// pdfkit's built-in Helvetica covers Western European text (WinAnsi); other characters become "?".
import PDFDocument from 'pdfkit';
import type { CaseDocument, DocItem, DocSection } from '../../document/index.js';

/** Characters outside Latin-1 that WinAnsi (and so Helvetica) still has. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function printable(text: string): string {
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

/** Only absolute links work in a file read elsewhere; our own paths (/sources/...) become text. */
function absolute(href: string | undefined): string | undefined {
  return href && /^(https?:\/\/|mailto:)[^\s<>"]+$/i.test(href) ? href : undefined;
}

type Pdf = InstanceType<typeof PDFDocument>;

function writeItem(pdf: Pdf, item: DocItem, marker: string, see: string): void {
  const text = item.label ? `${item.label}: ${item.text}` : item.text;
  const link = absolute(item.href);
  const last = !item.quote && !item.note && !item.cites?.length && !item.internal;
  pdf.font('Helvetica').fontSize(10).fillColor(link ? '#1a4d8f' : '#000000');
  pdf.text(`${marker}${printable(text)}`, { paragraphGap: last ? 3 : 0, ...(link ? { link, underline: true } : {}) }).fillColor('#000000');
  const sub = (line: string, gap: boolean) => pdf.fontSize(8).fillColor('#555555').text(printable(line), { indent: 14, paragraphGap: gap ? 3 : 0 }).fillColor('#000000');
  if (item.quote) pdf.fontSize(10).font('Helvetica-Oblique').text(printable(item.quote), { indent: 14, paragraphGap: 0 }).font('Helvetica');
  if (item.note) sub(item.note, !item.cites?.length && !item.internal);
  if (item.cites?.length) sub(`${see}: ${item.cites.map((c) => c.label).join('; ')}`, !item.internal);
  if (item.internal) sub(item.internal, true);
}

function writeSection(pdf: Pdf, section: DocSection, see: string): void {
  if (section.kind === 'headline') {
    pdf.moveDown(0.4).font('Helvetica-Bold').fontSize(12).text(printable(section.text ?? '')).moveDown(0.2);
    return;
  }
  const colour = section.kind === 'risk' ? (RISK_COLOUR[section.tone ?? ''] ?? '#000000') : '#000000';
  pdf.moveDown(0.4).font('Helvetica-Bold').fontSize(section.kind === 'risk' ? 13 : 12).fillColor(colour).text(printable(section.title ?? '')).fillColor('#000000').moveDown(0.2);
  if (section.text) pdf.font('Helvetica').fontSize(10).text(printable(section.text), { paragraphGap: 4 });
  section.items.forEach((item, i) => writeItem(pdf, item, section.numbered ? `${i + 1}. ` : '•  ', see));
}

/** The case document as a PDF; `see` introduces an item's cited sections. */
export function renderCasePdf(doc: CaseDocument, see: string): Promise<Buffer> {
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
  pdf.fillColor('#000000');
  for (const section of doc.sections) writeSection(pdf, section, see);
  pdf.end();
  return done;
}
