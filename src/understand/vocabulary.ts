// What the router knows of words: which are vocabulary, which are ordinary small words, and
// how a word it does not know may still be one it knows (plural, typo, Dutch compound).
import { allowedTypos, boundedDistance } from './fuzzy.js';
import type { Token } from './phrases.js';
import type { Word } from './text.js';

export interface Expansion {
  token: Token;
  /** Set when a typo was corrected or a compound split: "colaborate → collaborat…". */
  note?: string;
}

const MIN_FUZZY = 5;
/** Endings tried, longest first, with what replaces them: plurals in both languages, Dutch diminutives. */
const INFLECTIONS: ReadonlyArray<readonly [string, string]> = [
  ['tjes', ''],
  ['jes', ''],
  ['tje', ''],
  ['ies', 'y'],
  ['je', ''],
  ['en', ''],
  ['es', ''],
  ['s', ''],
];
const MIN_PART = 4;

export class Vocabulary {
  private readonly words = new Set<string>();
  /** Words of the technology, signal and cue lists: the only parts a compound is split into. */
  private readonly concepts = new Set<string>();
  private readonly stems: string[] = [];
  private readonly stemsByFirst = new Map<string, string[]>();
  private readonly wordsByFirstAndLength = new Map<string, string[]>();

  constructor(
    words: Iterable<string>,
    typoTargets: Iterable<string>,
    concepts: Iterable<string>,
    stems: Iterable<string>,
    private readonly common: ReadonlySet<string>,
    /** The small words of each language: never a part of a compound. `common` also holds the
     * words the typo fix must leave alone ("robots", "drones"), which may well end a compound. */
    private readonly small: ReadonlySet<string> = common,
  ) {
    for (const w of words) this.words.add(w);
    for (const w of concepts) this.concepts.add(w);
    for (const w of [...new Set(typoTargets)].sort()) {
      if (w.length < MIN_FUZZY || common.has(w) || /\d/.test(w)) continue;
      const key = `${w[0]}${w.length}`;
      const bucket = this.wordsByFirstAndLength.get(key);
      if (bucket) bucket.push(w);
      else this.wordsByFirstAndLength.set(key, [w]);
    }
    for (const s of [...new Set(stems)].sort()) {
      this.stems.push(s);
      const bucket = this.stemsByFirst.get(s[0] ?? '');
      if (bucket) bucket.push(s);
      else this.stemsByFirst.set(s[0] ?? '', [s]);
    }
  }

  private startsWithStem(word: string): boolean {
    return this.stemLength(word) > 0;
  }

  /** The length of the longest known word start the word begins with, 0 when none. */
  private stemLength(word: string): number {
    const bucket = this.stemsByFirst.get(word[0] ?? '');
    let longest = 0;
    if (!bucket) return longest;
    for (const s of bucket) if (s.length >= MIN_PART && s.length > longest && word.startsWith(s)) longest = s.length;
    return longest;
  }

  knows(word: string): boolean {
    return this.words.has(word) || this.startsWithStem(word);
  }

  /** A message word with the forms it may stand for. */
  expand(word: Word): Expansion {
    const norm = word.norm;
    const forms = [norm];
    const token: Token = { orig: word.orig, forms };
    if (word.clause) token.clause = true;
    if (word.sentence) token.sentence = true;
    if (word.asks) token.asks = true;
    if (this.common.has(norm) || this.words.has(norm)) return { token };
    const knownStart = this.stemLength(norm);
    if (knownStart > 0) {
      // "onderzoeksdrone": a known start, then a known word after it. Nothing inside the start
      // counts ("gastcollege" holds no "gast", "internationally" no "intern").
      const end = this.knownEnd(norm, knownStart);
      if (end !== undefined) {
        forms.push(end, ...this.leadingConcept(end));
        return { token, note: `${norm} → ${end}` };
      }
      // A plural of a known word that is also a known start: "lines" (line, and "line*") is "line".
      const base = this.baseForm(norm);
      if (base !== undefined) forms.push(base);
      // "beeldherkenningssoftware": no known end, but a concept before the Dutch s/e joint.
      const lead = base === undefined ? this.conceptBeforeJoint(norm) : [];
      forms.push(...lead);
      return lead.length > 0 ? { token, note: `${norm} → ${lead.join(' + ')}` } : { token };
    }
    const base = this.baseForm(norm);
    if (base !== undefined) {
      forms.push(base);
      return { token };
    }
    const { parts, knownEnd } = this.splitCompound(norm);
    if (knownEnd) {
      forms.push(...parts, ...parts.flatMap((p) => this.leadingConcept(p)));
      return { token, note: `${norm} → ${parts.join(' + ')}` };
    }
    // A known start alone is weaker evidence than a typo: "halfgeleidrs" is halfgeleiders, not "half…".
    const fixed = this.correct(norm);
    if (fixed !== undefined) {
      forms.push(fixed);
      return { token, note: `${norm} → ${fixed}` };
    }
    if (parts.length > 0) {
      forms.push(...parts);
      return { token, note: `${norm} → ${parts.join(' + ')}` };
    }
    return { token };
  }

  /**
   * The known word an inflected one comes from: plurals (drones, batteries, exoskeletten) and
   * Dutch diminutives (bedrijfje, bedrijfjes). Only whole known words count, never guesses.
   */
  private baseForm(word: string): string | undefined {
    if (word.length < MIN_PART + 1) return undefined;
    for (const [ending, replacement] of INFLECTIONS) {
      if (!word.endsWith(ending)) continue;
      const stem = word.slice(0, word.length - ending.length) + replacement;
      if (stem.length < MIN_PART) continue;
      if (this.words.has(stem)) return stem;
      // Dutch doubles the last consonant before -en: exoskeletten → exoskelet.
      const last = stem[stem.length - 1];
      if (ending === 'en' && last === stem[stem.length - 2] && this.words.has(stem.slice(0, -1))) return stem.slice(0, -1);
    }
    return undefined;
  }

  /** Dutch compounds: "legerdrone" → "drone", "dronetechnologie" → "drone". */
  /** A concept word or known start that makes up the word from `from` on (or one letter later: the Dutch s/e joint). */
  private knownEnd(word: string, from: number): string | undefined {
    for (let k = from; k <= Math.min(from + 1, word.length - MIN_PART); k++) {
      const right = word.slice(k);
      if (!this.small.has(right) && (this.concepts.has(right) || this.startsWithStem(right))) return right;
    }
    return undefined;
  }

  /** "beeldherkenningssoftware": a concept, the Dutch s joint, then a known word. Only with the joint and
   * a whole known word after it: "legering" holds no "leger". */
  private conceptBeforeJoint(word: string): string[] {
    for (let k = word.length - MIN_PART; k > MIN_PART; k--) {
      if (word[k - 1] !== 's') continue;
      const left = word.slice(0, k - 1);
      const rest = word.slice(k);
      if (!this.small.has(left) && this.concepts.has(left) && (this.words.has(rest) || this.common.has(rest))) return [left];
    }
    return [];
  }

  /** A compound of three: "kwantumsensoronderzoek" → sensoronderzoek, which starts with the concept "sensor". */
  private leadingConcept(part: string): string[] {
    if (this.concepts.has(part)) return [];
    for (let k = part.length - MIN_PART; k >= MIN_PART; k--) {
      const left = part.slice(0, k);
      if (!this.small.has(left) && this.concepts.has(left)) return [left];
    }
    return [];
  }

  private splitCompound(word: string): { parts: string[]; knownEnd: boolean } {
    const out: string[] = [];
    let knownEnd = false;
    if (word.length < 2 * MIN_PART - 1 || /\d/.test(word)) return { parts: out, knownEnd: false };
    for (let k = 3; k <= word.length - MIN_PART; k++) {
      const right = word.slice(k);
      if (!this.small.has(right) && (this.concepts.has(right) || this.startsWithStem(right))) {
        out.push(right);
        knownEnd = true;
        break;
      }
    }
    for (let k = word.length - 3; k >= MIN_PART; k--) {
      const left = word.slice(0, k);
      // Dutch joins compounds with s or e: onderzoeksdrone, veiligheidsonderzoek.
      const bare = left.endsWith('s') || left.endsWith('e') ? left.slice(0, -1) : left;
      const hit = [left, bare].find((l) => l.length >= MIN_PART && !this.small.has(l) && this.concepts.has(l));
      if (hit) {
        out.push(hit);
        break;
      }
    }
    return { parts: out, knownEnd };
  }

  /** The nearest known word or word start within the typos allowed for its length. */
  private correct(word: string): string | undefined {
    if (word.length < MIN_FUZZY || /\d/.test(word)) return undefined;
    const max = allowedTypos(word.length);
    let best: string | undefined;
    let bestDistance = max + 1;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const candidate of this.wordsByFirstAndLength.get(`${word[0]}${len}`) ?? []) {
        const bound = Math.min(max, bestDistance - 1);
        if (bound < 1) break;
        const d = boundedDistance(word, candidate, bound);
        // Two typos are only believed when the word starts right: "koptische" is not "kroatische".
        if (d >= 2 && word[1] !== candidate[1]) continue;
        if (d < bestDistance) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
    if (best !== undefined) return best;
    // A typo inside a word start: "samewerking" → samenwerk…, "expotvergunning" → export…
    for (const stem of this.stemsByFirst.get(word[0] ?? '') ?? []) {
      if (stem.length < MIN_FUZZY) continue;
      for (const len of [stem.length, stem.length - 1, stem.length + 1]) {
        if (len > word.length) continue;
        const start = word.slice(0, len);
        // A start that is a word of its own is no typo: "waterschaarste" begins with water, not wafer.
        if (this.common.has(start) || this.words.has(start)) continue;
        if (boundedDistance(start, stem, 1) <= 1) return stem;
      }
    }
    return undefined;
  }
}
