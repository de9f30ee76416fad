// Unicode fonts for the PDF (issue 13 item 9), from Debian's packages that .ci/run installs:
// DejaVu Sans (fonts-dejavu-core; Bitstream Vera licence, free) covers Latin, Greek and Cyrillic;
// WenQuanYi Micro Hei (fonts-wqy-microhei; Apache 2.0 or GPLv3 with font exception) covers Chinese,
// Japanese and Korean. Without them the PDF falls back to Helvetica, which prints other scripts as "?".
import { existsSync } from 'node:fs';

export interface PdfFonts {
  regular: string;
  bold: string;
  italic: string;
  /** For a text with CJK characters, which DejaVu lacks; [path, face in the collection]. */
  cjk?: [string, string];
}

const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const WQY = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

export function findPdfFonts(dir = DEJAVU, cjk = WQY): PdfFonts | null {
  const regular = `${dir}/DejaVuSans.ttf`;
  const bold = `${dir}/DejaVuSans-Bold.ttf`;
  const italic = `${dir}/DejaVuSans-Oblique.ttf`;
  if (![regular, bold, italic].every((f) => existsSync(f))) return null;
  return { regular, bold, italic, ...(existsSync(cjk) ? { cjk: [cjk, 'WenQuanYiMicroHei'] as [string, string] } : {}) };
}

/** Han, Hiragana, Katakana, Hangul and CJK punctuation: the characters that need the CJK font. */
export const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;
