// The PDF download, ready to attach to an application to the institution's committee.
// With the Unicode fonts of pdf-fonts.ts every script prints; without them pdfkit's Helvetica covers
// Western European text (WinAnsi) only and other characters become "?".
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { CaseDocument, DocItem, DocSection } from '../../document/index.js';
import { CJK, findPdfFonts, type PdfFonts } from './pdf-fonts.js';

type Face = 'regular' | 'bold' | 'italic';

/** Characters outside Latin-1 that WinAnsi (and so Helvetica) still has. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Line ends as the contact point typed them (CRLF from a browser form) print as line breaks, never "?". */
export function printable(text: string, unicode = false): string {
  text = text.replace(/\r\n?/g, '\n');
  if (unicode) return text.normalize('NFC').replace(/[\u200b\u0000-\u0009\u000b-\u001f]/g, '');
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

/** Font files are read once per process (the CJK collection is several MB). */
const fontBytes = new Map<string, Buffer>();
function bytes(path: string): Buffer {
  let b = fontBytes.get(path);
  if (!b) {
    b = readFileSync(path);
    fontBytes.set(path, b);
  }
  return b;
}

/** One PDF being written, with the fonts it embeds (null: the built-in Helvetica). */
class Writer {
  constructor(
    readonly pdf: Pdf,
    private readonly fonts: PdfFonts | null,
  ) {
    if (fonts) {
      pdf.registerFont('u-regular', bytes(fonts.regular));
      pdf.registerFont('u-bold', bytes(fonts.bold));
      pdf.registerFont('u-italic', bytes(fonts.italic));
      if (fonts.cjk) pdf.registerFont('u-cjk', bytes(fonts.cjk[0]), fonts.cjk[1]);
    }
  }

  /** Sets the face for this text: the CJK font when it has Chinese, Japanese or Korean characters. */
  use(face: Face, text: string): string {
    if (!this.fonts) {
      this.pdf.font(face === 'bold' ? 'Helvetica-Bold' : face === 'italic' ? 'Helvetica-Oblique' : 'Helvetica');
      return printable(text, false);
    }
    this.pdf.font(this.fonts.cjk && CJK.test(text) ? 'u-cjk' : `u-${face}`);
    return printable(text, true);
  }

  text(face: Face, size: number, text: string, options: PDFKit.Mixins.TextOptions = {}): this {
    const t = this.use(face, text);
    this.pdf.fontSize(size).text(t, options);
    return this;
  }
}

function writeItem(w: Writer, item: DocItem, marker: string, see: string): void {
  const { pdf } = w;
  const text = item.label ? `${item.label}: ${item.text}` : item.text;
  const link = absolute(item.href);
  const last = !item.quote && !item.note && !item.cites?.length && !item.internal;
  pdf.fillColor(link ? '#1a4d8f' : '#000000');
  w.text('regular', 10, `${marker}${text}`, { paragraphGap: last ? 3 : 0, ...(link ? { link, underline: true } : {}) });
  pdf.fillColor('#000000');
  const sub = (line: string, gap: boolean) => {
    pdf.fillColor('#555555');
    w.text('regular', 8, line, { indent: 14, paragraphGap: gap ? 3 : 0 });
    pdf.fillColor('#000000');
  };
  if (item.quote) w.text('italic', 10, item.quote, { indent: 14, paragraphGap: 0 });
  if (item.note) sub(item.note, !item.cites?.length && !item.internal);
  if (item.cites?.length) sub(`${see}: ${item.cites.map((c) => c.label).join('; ')}`, !item.internal);
  if (item.internal) sub(item.internal, true);
}

function writeSection(w: Writer, section: DocSection, see: string): void {
  const { pdf } = w;
  if (section.kind === 'headline') {
    pdf.moveDown(0.4);
    w.text('bold', 12, section.text ?? '');
    pdf.moveDown(0.2);
    return;
  }
  const colour = section.kind === 'risk' ? (RISK_COLOUR[section.tone ?? ''] ?? '#000000') : '#000000';
  pdf.moveDown(0.4).fillColor(colour);
  w.text('bold', section.kind === 'risk' ? 13 : 12, section.title ?? '');
  pdf.fillColor('#000000').moveDown(0.2);
  if (section.text) w.text('regular', 10, section.text, { paragraphGap: 4 });
  section.items.forEach((item, i) => writeItem(w, item, section.numbered ? `${i + 1}. ` : '•  ', see));
}

/** Every page's footer: the case reference and "page n / m". */
function writeFooters(w: Writer, ref: string | undefined): void {
  const { pdf } = w;
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.fillColor('#555555');
    const label = `${ref ? `${ref} · ` : ''}${i + 1} / ${range.count}`;
    w.use('regular', label);
    pdf.fontSize(8).text(label, pdf.page.margins.left, pdf.page.height - 36, {
      width: pdf.page.width - pdf.page.margins.left - pdf.page.margins.right,
      align: 'center',
      lineBreak: false,
    });
    pdf.page.margins.bottom = bottom;
  }
}

export interface PdfOptions {
  /** The case reference printed in every page's footer. */
  ref?: string;
  /** The fonts to embed; by default Debian's DejaVu and WenQuanYi when installed. */
  fonts?: PdfFonts | null;
}

/** The case document as a PDF; `see` introduces an item's cited sections. */
export function renderCasePdf(doc: CaseDocument, see: string, options: PdfOptions = {}): Promise<Buffer> {
  const fonts = options.fonts === undefined ? findPdfFonts() : options.fonts;
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: { Title: printable(doc.title, fonts !== null), Subject: printable(doc.subtitle, fonts !== null), Creator: 'Research Security Advisor' },
    lang: doc.lang,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const w = new Writer(pdf, fonts);
  w.text('bold', 17, doc.title);
  pdf.fillColor('#555555');
  w.text('regular', 9, doc.subtitle);
  pdf.moveDown(0.6).fillColor('#000000');
  for (const section of doc.sections) writeSection(w, section, see);
  writeFooters(w, options.ref);
  pdf.end();
  return done;
}
