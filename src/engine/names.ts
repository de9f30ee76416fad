// Does a typed text look like an organisation's name? Only then is it taken, and screened, as one:
// "they want the test data" is a sentence, "Northwestern Polytechnical University", "NUDT" and "Huawei GmbH" are names.
import type { Content } from '../content/load.js';
import { matchInstitution } from './answers.js';
import { normalize } from './text.js';
import type { ExtractedFacts } from './types.js';

/** A name is rarely longer than this; a longer text is a sentence. */
const MAX_NAME_WORDS = 12;
/** An organisation word makes a name of a text this short, without capitals ("sharif university of technology"). */
const SHORT_WITH_ORGANISATION_WORD = 5;

const prepared = new WeakMap<Content['lexicon'], { organisation: Set<string>; particles: Set<string>; breaks: Set<string> }>();

function wordsOf(lexicon: Content['lexicon']) {
  let w = prepared.get(lexicon);
  if (!w) {
    const set = (l: { en: string[]; nl: string[] }) => new Set([...l.en, ...l.nl].map((x) => normalize(x) || x));
    w = { organisation: set(lexicon.organisationWords), particles: set(lexicon.nameParticles), breaks: set(lexicon.nameBreaks) };
    prepared.set(lexicon, w);
  }
  return w;
}

/** "NUDT", "CAS", "KAIST", "A*STAR": letters in capitals, two or more. */
const isAcronym = (word: string): boolean => /^[A-Z][A-Z0-9&*.-]{1,9}$/.test(word) && /[A-Z].*[A-Z]/.test(word);
const isCapitalised = (word: string): boolean => /^[\p{Lu}\p{N}]/u.test(word);

export function looksLikeName(text: string, extracted: ExtractedFacts, content: Content): boolean {
  const raw = text
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.&*]+$/gu, ''))
    .filter((w) => w !== '');
  if (raw.length === 0 || raw.length > MAX_NAME_WORDS) return false;
  if (extracted.institutions.some((i) => i.kind !== 'funder')) return true;
  if (matchInstitution(text, content)) return true;
  const { organisation, particles } = wordsOf(content.lexicon);
  if (raw.some(isAcronym)) return true;
  const content_ = raw.filter((w) => !particles.has(normalize(w)));
  // "tsinghua university" is a name; "they want the data from our lab" is a sentence that mentions one.
  const short = raw.length <= SHORT_WITH_ORGANISATION_WORD || content_.slice(1).some(isCapitalised);
  if (short && raw.some((w) => organisation.has(normalize(w)))) return true;
  return content_.length > 0 && content_.every(isCapitalised);
}

/** A name inside a sentence has this many capitalised words, or fewer with an organisation word. */
const NAME_WORDS_ALONE = 3;

/**
 * The organisation's name inside a sentence that is not one: "a state-owned optical design bureau in Minsk, … it falls
 * under the State Authority for Military Industry" holds "State Authority for Military Industry". A run of capitalised
 * words, joined by name particles, with an organisation word ("Hacettepe University", "Staatsuniversiteit
 * Sint-Petersburg") or three capitalised words or more; the first run with an organisation word, else the first.
 */
export function nameInside(text: string, content: Content): string | undefined {
  // A name runs on through its particles ("State Authority for Military Industry"), not through lexicon `nameBreaks`.
  const { organisation, particles, breaks } = wordsOf(content.lexicon);
  const isOrganisation = (w: string): boolean => {
    // A legal form written with dots ("S.r.l.", "B.V.", "S.p.A.") is the word without them.
    const n = /^(\p{L}\.)+\p{L}?$/u.test(w) ? normalize(w.replace(/\./g, '')) : normalize(w);
    return organisation.has(n) || [...organisation].some((o) => o.length >= 5 && n.length > o.length && n.endsWith(o));
  };
  const runs: string[][] = [];
  let run: string[] = [];
  let pending: string[] = [];
  const close = () => {
    if (run.length) runs.push(run);
    run = [];
    pending = [];
  };
  for (const token of text.split(/\s+/)) {
    const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.&*]+$/gu, '').replace(/\.$/, '');
    const ends = /[,;:!?()"“”'‘’]$|\.$/.test(token) || /^[("“'‘]/.test(token);
    if (/^[("“'‘]/.test(token)) close();
    if (word !== '' && isCapitalised(word)) {
      run.push(...pending, word);
      pending = [];
    } else if (run.length && particles.has(normalize(word)) && !breaks.has(normalize(word))) {
      pending.push(word);
    } else close();
    if (ends) close();
  }
  close();
  const names = runs.filter((r) => {
    const capitals = r.filter((w) => !particles.has(normalize(w)));
    return capitals.length >= 2 && (capitals.length >= NAME_WORDS_ALONE || r.some(isOrganisation));
  });
  const pick = names.find((r) => r.some(isOrganisation)) ?? names[0];
  return pick?.join(' ');
}

/**
 * The text names an institution: it is a name, its opening clause is one ("Sharif University of Technology, aerospace
 * engineering I believe"), or a name stands inside it ("… de 'Pearl River University of Foreign Languages' of zoiets").
 * A clause that opens with an organisation word ("een technische staatsuniversiteit in Moskou") describes one.
 */
export function namesInstitution(text: string, extracted: ExtractedFacts, content: Content): boolean {
  if (looksLikeName(text, extracted, content)) return true;
  const opening = text.split(/[,;:.!?()\n]/)[0] ?? '';
  if (opening.trim() !== '' && looksLikeName(opening, extracted, content)) return true;
  if (nameInside(text, content) !== undefined) return true;
  const { organisation, particles } = wordsOf(content.lexicon);
  const words = normalize(opening)
    .split(' ')
    .filter((w) => !particles.has(w));
  return (
    words.length <= SHORT_WITH_ORGANISATION_WORD &&
    words.slice(0, 3).some((w) => organisation.has(w) || [...organisation].some((o) => o.length >= 5 && w.endsWith(o)))
  );
}
