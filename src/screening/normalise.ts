// Name normalisation: one spelling for what people write in many ways. Both the lists and the
// query go through it, so the comparison only sees meaningful, canonical tokens.
import anyAscii from 'any-ascii';
import type { NormalisationTable } from './normalisation-table.js';
import { tokenCredit } from './similarity.js';

/** Legal forms this long are recognised with a typo; shorter ones (AO, OOO) only as written. */
const MIN_FUZZY_LEGAL_FORM = 6;
const HAN_RUN = /[\p{Script=Han}]+/gu;
const HAS_HAN = /\p{Script=Han}/u;
const NON_HAN_RUN = /[^\p{Script=Han}]+/gu;
const APOSTROPHES = /['’‘`´ʼ]/g;
const DOTTED_ACRONYM = /(?:^|(?<=[\s(]))((?:[a-z0-9]\.){2,}[a-z0-9]?)(?=$|[\s),;])/g;
const SEPARATORS = /[^a-z0-9\p{Script=Han}]+/gu;
/** Russian-style adjective endings have several romanisations (-iy, -ij, -ii, -yy, -yj, -yi). */
const ADJECTIVE_ENDING = /(?:iy|ij|ii|yy|yj|yi)$/;

export function isHan(token: string): boolean {
  return HAS_HAN.test(token);
}

/** Lower-case Latin text: accents removed and other scripts (except Chinese characters) transliterated. */
function toLatin(text: string): string {
  return text
    .normalize('NFKC')
    .replace(NON_HAN_RUN, (run) => anyAscii(run))
    .toLowerCase();
}

export interface NameParts {
  /** The whole name. */
  full: string;
  /** The name without bracketed or comma-separated qualifiers, when it has any. */
  core?: string;
  /** The qualifiers that were cut off, e.g. "Shenzhen" from "HIT (Shenzhen)". */
  qualifiers?: string;
}

/** Splits "Beihang University (Hangzhou campus)" and "HIT, Shenzhen" into the name and its qualifier. */
export function splitQualifiers(text: string): NameParts {
  const clean = text.normalize('NFKC').trim();
  const brackets = /\s*[([]([^()[\]]*)[)\]]\s*/g;
  const found: string[] = [];
  let core = clean.replace(brackets, (_m, inner: string) => {
    found.push(inner);
    return ' ';
  });
  const comma = core.match(/^(.+?)\s*[,;]\s*(.+)$/);
  if (comma?.[1] && comma[2]) {
    core = comma[1];
    found.push(comma[2]);
  }
  core = core.trim();
  if (found.length === 0 || core === '') return { full: clean };
  return { full: clean, core, qualifiers: found.join(' ').trim() };
}

export class Normaliser {
  private readonly abbreviations: Map<string, string>;
  private readonly dropped: Set<string>;
  private readonly stopwords: Set<string>;
  readonly places: Set<string>;
  private readonly qualifierSuffixes: string[];
  private readonly longLegalForms: string[];

  constructor(table: NormalisationTable, extraPlaces: Iterable<string> = []) {
    this.abbreviations = new Map(Object.entries(table.abbreviations));
    this.stopwords = new Set(table.stopwords);
    this.dropped = new Set([...table.stopwords, ...table.legalForms, ...table.qualifierWords]);
    this.places = new Set<string>();
    for (const place of [...table.places, ...extraPlaces]) {
      for (const token of this.rawTokens(place)) this.places.add(token);
    }
    this.qualifierSuffixes = table.qualifierWords.filter((w) => isHan(w));
    this.longLegalForms = table.legalForms.filter((w) => w.length >= MIN_FUZZY_LEGAL_FORM);
  }

  /** Tokens before words are dropped: transliterated, lower-case, abbreviations expanded. */
  rawTokens(text: string): string[] {
    const latin = toLatin(text)
      .replace(APOSTROPHES, '')
      .replace(/&/g, ' and ')
      .replace(DOTTED_ACRONYM, (m) => m.replace(/\./g, ''))
      .replace(HAN_RUN, (run) => ` ${run} `);
    const out: string[] = [];
    for (const piece of latin.split(SEPARATORS)) {
      if (piece === '') continue;
      out.push(this.canonical(piece));
    }
    return out;
  }

  /** The tokens a comparison uses: stop words, legal forms and "campus" words dropped. */
  tokens(text: string): string[] {
    const raw = this.rawTokens(text);
    const kept = raw.filter((t) => !this.dropped.has(t) && !this.isMisspeltLegalForm(t));
    if (kept.length > 0) return kept;
    // A name made only of such words ("The Company") still needs something to compare.
    return raw.filter((t) => !this.stopwords.has(t));
  }

  /** "Limitied", "Compnay": long legal forms are dropped even with a typo. */
  private isMisspeltLegalForm(token: string): boolean {
    if (token.length < MIN_FUZZY_LEGAL_FORM - 1) return false;
    for (const form of this.longLegalForms) {
      if (Math.abs(form.length - token.length) <= 1 && tokenCredit(token, form) > 0) return true;
    }
    return false;
  }

  private canonical(token: string): string {
    if (isHan(token)) {
      for (const suffix of this.qualifierSuffixes) {
        if (token.length > suffix.length + 1 && token.endsWith(suffix)) return token.slice(0, -suffix.length);
      }
      return token;
    }
    const expanded = this.abbreviations.get(token) ?? token;
    return expanded.length >= 5 ? expanded.replace(ADJECTIVE_ENDING, 'y') : expanded;
  }
}

/** The key for whole-name equality: tokens run together, so "Bei Hang" equals "Beihang". */
export function compactKey(tokens: readonly string[]): string {
  return tokens.join('');
}
