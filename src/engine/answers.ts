// Matches what a user typed to the answers of the current question.
// People type "nope", "not a university", "no, it's a company", "TRL 4" or a sentence with a fact in
// it. A wrong answer is worse than asking again, so anything that fits two answers, or only fits an
// answer after a negation ("geen bedrijf"), asks again.
import { allTexts, allWords } from '../domain/lang.js';
import type { Content } from '../content/load.js';
import type { QuestionStep } from '../content/schema/playbook.js';
import type { Lang } from './ids.js';
import { editDistance, normalize, normalizedList as listOf, roughlyEquals } from './text.js';

/** `unclear`: the text names two answers, or names one only to deny it; the question is asked again as it is. */
/** `also`: other answers named with it, on a question that takes several (`several`); `value` is the one recorded. */
export type TypedAnswer = { kind: 'answer'; value: string; also?: string[] } | { kind: 'unsure' } | { kind: 'unclear' } | { kind: 'none' };

type Polarity = 'yes' | 'no' | 'unsure';
type Lexicon = Content['lexicon'];

/** A multi-word yes/no/unsure phrase counts anywhere only in answers this short. */
const SHORT_ANSWER_WORDS = 10;
/** A text this long that ends in a question mark asks something rather than answers. */
const QUESTION_WORDS = 5;
/** Extra words allowed after a yes/no phrase that is not followed by punctuation ("yes they do have one"). */
const TRAILING_WORDS = 6;

const hasDigit = (s: string): boolean => /\d/.test(s);

/**
 * Equal, or a small typo in a longer phrase — but never a different number ("trl 6" is not "trl 1"),
 * and word by word, so that "not unclassified" is no typo of "not classified".
 */
function closeTo(text: string, phrase: string): boolean {
  if (text === phrase) return true;
  // No typo allowance reaches over more than two letters: skip the edit distance.
  if (Math.abs(text.length - phrase.length) > 2) return false;
  if (hasDigit(text) || hasDigit(phrase) || !roughlyEquals(text, phrase)) return false;
  const a = text.split(' ');
  const b = phrase.split(' ');
  return a.length === b.length && a.every((w, i) => w === b[i] || wordClose(w, b[i] ?? ''));
}

/** "TRL4", "trl 3-4", "TRL level 6" → "trl 4", "trl 3 trl 4", "trl 6", so each level is a phrase of its own. */
function spellLevels(n: string): string {
  return n.replace(/\btrl ?(?:level |niveau )?(\d)\b/g, 'trl $1').replace(/\btrl (\d)(?: (?:to|tot|or|of|a|en|and))? (\d)\b/g, 'trl $1 trl $2');
}

/** A lexicon list as regular-expression alternatives, its words escaped. */
function escapedList(list: Parameters<typeof listOf>[0]): string[] {
  return listOf(list).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

const bareLevelByLexicon = new WeakMap<Lexicon, RegExp>();

/** A bare level opening the text, also after a word of approximation (lexicon `approximations`: "ergens 4 à 5"). */
function bareLevel(lexicon: Lexicon): RegExp {
  let cached = bareLevelByLexicon.get(lexicon);
  if (!cached) {
    const words = escapedList(lexicon.approximations);
    const approx = words.length > 0 ? `(?:(?:${words.join('|')})\\.?\\s+)*` : '';
    cached = new RegExp(`^(\\s*${approx})(?:(?:level|niveau)\\s*)?(\\d)(?=\\s*(?:[-–,;.]|$)|\\s+(?:to|tot|or|of|a|à|en|and)\\s+\\d|\\s+\\p{L})`, 'iu');
    bareLevelByLexicon.set(lexicon, cached);
  }
  return cached;
}

const approximatedByLexicon = new WeakMap<Lexicon, RegExp>();

/** Words of approximation right before a spelled level ("maybe TRL 4", "ongeveer TRL 5"): the level without them. */
function approximatedLevel(lexicon: Lexicon): RegExp {
  let cached = approximatedByLexicon.get(lexicon);
  if (!cached) {
    const words = escapedList(lexicon.approximations);
    cached = new RegExp(`(?<![\\p{L}\\p{N}])(?:(?:${words.join('|') || '(?!)'})\\.?\\s+)+(TRL ?\\d)`, 'giu');
    approximatedByLexicon.set(lexicon, cached);
  }
  return cached;
}

const levelAfterPlaceByLexicon = new WeakMap<Lexicon, RegExp>();

/**
 * A bare level (or range) after a word that places it on the scale (lexicon `levelPlaces`), not followed by a unit
 * (lexicon `levelUnits`): "op 4", "to 6-7", not "in 2 years".
 */
function levelAfterPlace(lexicon: Lexicon): RegExp {
  let cached = levelAfterPlaceByLexicon.get(lexicon);
  if (!cached) {
    const places = escapedList(lexicon.levelPlaces).join('|');
    // No unit words: nothing after a number rules it out ("(?!)" never matches).
    const units = escapedList(lexicon.levelUnits).join('|') || '(?!)';
    // No place words: no bare level is placed ("(?!)" never matches).
    cached = new RegExp(
      `(?<![\\p{L}\\p{N}])(${places || '(?!)'})\\s+([1-9])(?:\\s*[-–]\\s*([1-9]))?(?![\\p{L}\\p{N}]|\\s*(?:%|[-–]?\\s*(?:${units})\\b))`,
      'giu',
    );
    levelAfterPlaceByLexicon.set(lexicon, cached);
  }
  return cached;
}

/** A question whose answers name TRL levels reads a bare level as one: "3 denk ik", "5-6, we do flight tests", "level 4", "around 4". */
function spellBareLevels(text: string, step: QuestionStep, lexicon: Lexicon): string {
  if (!step.answers.some((a) => answerPhrases(a).some((p) => /\btrl \d\b/.test(p)))) return text;
  // "Maybe 4 to 6", "misschien TRL 4": the word of approximation says the level is rough, not that the answer is unsure.
  return (
    text
      .replace(bareLevel(lexicon), (_, opening: string, level: string) => `${/^\s*/.exec(opening)?.[0] ?? ''}TRL ${level}`)
      // "Wij zitten op 4, zij willen naar 6-7": a bare level after a word that places it on the scale, or a range of them.
      .replace(levelAfterPlace(lexicon), (_, place: string, low: string, high?: string) => `${place} TRL ${low}${high ? ` TRL ${high}` : ''}`)
      .replace(/\b(?:level|niveau)\s*(\d)\b/giu, 'TRL $1')
      .replace(approximatedLevel(lexicon), '$1')
  );
}

/** The words that end a clause besides punctuation and a dash: "but", "maar" and their kin. */
const CONTRAST_BREAKS = ['but', 'maar', 'though', 'although', 'however', 'doch', 'alhoewel', 'hoewel'];

/** Where a clause ends: punctuation, a dash, a contrast word, and any `extra` words; `capture` keeps the breaks in a split. */
export function clauseBreakPattern(extra: readonly string[] = [], capture = true): RegExp {
  const body = `[,;:.!?()[\\]/\\n]+|\\s[-–—]+\\s|\\s(?:${[...CONTRAST_BREAKS, ...extra].join('|')})\\s`;
  return new RegExp(capture ? `(${body})` : body, 'i');
}

const CLAUSE_BREAK = clauseBreakPattern();

/** The text cut at punctuation and at "but"/"maar": a negation or a yes/no reaches no further than its clause. */
function clauses(text: string): string[][] {
  return clausesWithBreaks(text).map((c) => c.words);
}

/** The clauses, each with the break before it ("but", ",", …), trimmed and in lower case. */
function clausesWithBreaks(text: string): Array<{ words: string[]; after: string }> {
  const pieces = text.split(CLAUSE_BREAK);
  const out: Array<{ words: string[]; after: string }> = [];
  let after = '';
  pieces.forEach((piece, i) => {
    if (i % 2 === 1) {
      after = `${after} ${piece}`.trim().toLowerCase();
      return;
    }
    const c = spellLevels(normalize(piece));
    if (c === '') return;
    out.push({ words: c.split(' '), after });
    after = '';
  });
  return out;
}

/** Per clause: does it open a correction ("…, but …", "Maar …")? Aligned with `clauses(text)`. */
function contrastOpenings(text: string, w: Words): boolean[] {
  return clausesWithBreaks(text).map((c) => w.contrasts.has(c.after.split(/\s+/).pop() ?? '') || w.contrasts.has(c.words[0] ?? ''));
}

const CLAUSE_END = String.raw`[^,;:.!?()[\]\n]*`;
const conditionPatterns = new WeakMap<Lexicon, RegExp | null>();

/**
 * The text without its conditions: "yes, unless we anonymise" answers yes, and "anonymise" in it names no answer.
 * A condition runs from its word ("unless", "tenzij") to the end of its clause.
 */
function withoutConditions(text: string, lexicon: Lexicon): string {
  let re = conditionPatterns.get(lexicon);
  if (re === undefined) {
    const words = allWords(lexicon.conditions)
      .map((w) => w.trim())
      .filter((w) => w !== '');
    const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
    re = escaped.length ? new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${escaped.join('|')})(?![\p{L}\p{N}])${CLAUSE_END}`, 'giu') : null;
    conditionPatterns.set(lexicon, re);
  }
  return re ? text.replace(re, ' ') : text;
}

interface PolarityPhrase {
  polarity: Polarity;
  text: string;
  words: string[];
}

/** The lexicon, normalised once. */
interface Words {
  fillers: Set<string>;
  negations: Set<string>;
  gap: Set<string>;
  conjunctions: Set<string>;
  /** Doubt phrases and the words that open an indirect question after them ("don't know" + "whether"). */
  doubt: string[][];
  whether: Set<string>;
  /** "none of it", "niets ervan": the rest of the clause is denied. */
  quantifiers: string[][];
  /** "after", "na": what follows is a stage before the answer. */
  earlierStages: Set<string>;
  /** "wouldn't", "don't": a negated verb denies the words of its verb phrase (VERB_NEGATION_REACH). */
  verbNegations: Set<string>;
  /** "is geen sprake", "is not involved": what the clause named before them is denied. */
  denials: string[][];
  /** "they won't say": withheld, not "no" and not "not sure". */
  refusals: string[][];
  /** "I haven't checked": anywhere, the answer is "not sure". */
  unverified: string[][];
  /** "non", "niet": a word starting with one of these is not the compound of its last part. */
  negatingPrefixes: string[];
  /** "dus", "so": a closing clause opening with one of these sums the answer up. */
  conclusions: string[][];
  /** "checked", "nagekeken": a clause with one of these names what was looked at, not what was found. */
  checked: string[][];
  /** Small words between a "checked" word and what was checked ("the", "de"). */
  checkedGap: Set<string>;
  /** Longest first: "probably not" before "probably", "no idea" before "no". */
  phrases: PolarityPhrase[];
  /** "In general", "over het algemeen": a clause about things at large, not about the partner. */
  generalities: string[][];
  /** "Maybe", "misschien": a clause with one of these names a possibility only. */
  tentative: Set<string>;
  /** "I'd like to", "ik zou graag", "zou … willen": a clause with one of these names a wish, not what happens. */
  wishes: string[][];
  /** "More than", "compared to": what they stand right before is a yardstick, not the answer. */
  comparisons: string[][];
  /** "A bit", "een beetje": an answer said with one of these and denied in a later clause is taken back. */
  softeners: string[][];
  /** "Really", "echt": read the opening without them too ("I really don't think so" is "I don't think so"). */
  intensifiers: Set<string>;
  /** "But", "maar": a clause opening with one of these corrects the clauses before it. */
  contrasts: Set<string>;
  /** "I think", "denk ik": a finding said with one of these is not confirmed. */
  hedges: string[][];
  /** "She wouldn't be on that": on a yes/no question, what the clauses before named is denied for the person asked about. */
  notInvolved: string[][];
  /** "Not his lab", "another lab": on a yes/no question, what the clauses before named is about another unit. */
  elsewhere: string[][];
  /** "Their website": a sign named in the partner's own words. */
  ownSources: string[][];
  /** "My questions", "mijn onderzoek": a "but" clause about the researcher's own subject. */
  ownSubject: string[][];
  /** The unsure phrases, as words: said in a later clause, they doubt an opening yes or no. */
  doubts: string[][];
  /** Phrases of two words or more by their first word, each with its place in `phrases` (longest first). */
  phrasesByFirstWord: Map<string, Array<{ phrase: PolarityPhrase; rank: number }>>;
  polarityOf: Map<string, Polarity>;
}

const prepared = new WeakMap<Lexicon, Words>();

function wordsOf(lexicon: Lexicon): Words {
  const cached = prepared.get(lexicon);
  if (cached) return cached;
  const phrases: PolarityPhrase[] = [];
  const polarityOf = new Map<string, Polarity>();
  for (const polarity of ['yes', 'no', 'unsure'] as const) {
    for (const p of listOf(lexicon[polarity])) {
      phrases.push({ polarity, text: p, words: p.split(' ') });
      if (!polarityOf.has(p)) polarityOf.set(p, polarity);
    }
  }
  phrases.sort((a, b) => b.text.length - a.text.length);
  const phrasesByFirstWord = new Map<string, Array<{ phrase: PolarityPhrase; rank: number }>>();
  phrases.forEach((phrase, rank) => {
    const first = phrase.words[0];
    if (phrase.words.length < 2 || first === undefined) return;
    const list = phrasesByFirstWord.get(first) ?? [];
    list.push({ phrase, rank });
    phrasesByFirstWord.set(first, list);
  });
  const words: Words = {
    fillers: new Set(listOf(lexicon.fillers)),
    negations: new Set(listOf(lexicon.negations)),
    gap: new Set(listOf(lexicon.negationGap)),
    conjunctions: new Set(listOf(lexicon.conjunctions)),
    doubt: listOf(lexicon.doubt).map((p) => p.split(' ')),
    whether: new Set(listOf(lexicon.whether)),
    quantifiers: listOf(lexicon.negatedQuantifiers).map((p) => p.split(' ')),
    denials: listOf(lexicon.denials).map((p) => p.split(' ')),
    verbNegations: new Set(listOf(lexicon.verbNegations)),
    earlierStages: new Set(listOf(lexicon.earlierStages)),
    refusals: listOf(lexicon.refusals).map((p) => p.split(' ')),
    unverified: listOf(lexicon.unverified).map((p) => p.split(' ')),
    negatingPrefixes: listOf(lexicon.negatingPrefixes),
    conclusions: listOf(lexicon.conclusions).map((p) => p.split(' ')),
    checked: listOf(lexicon.checked).map((p) => p.split(' ')),
    checkedGap: new Set(listOf(lexicon.checkedGap)),
    generalities: listOf(lexicon.generalities).map((p) => p.split(' ')),
    tentative: new Set(listOf(lexicon.tentative)),
    wishes: listOf(lexicon.wishes).map((p) => p.split(' ')),
    comparisons: listOf(lexicon.comparisons).map((p) => p.split(' ')),
    softeners: listOf(lexicon.softeners).map((p) => p.split(' ')),
    intensifiers: new Set(listOf(lexicon.intensifiers)),
    contrasts: new Set(listOf(lexicon.contrasts)),
    hedges: listOf(lexicon.hedges).map((p) => p.split(' ')),
    ownSources: listOf(lexicon.ownSources).map((p) => p.split(' ')),
    notInvolved: listOf(lexicon.notInvolved).map((p) => p.split(' ')),
    elsewhere: listOf(lexicon.elsewhere).map((p) => p.split(' ')),
    ownSubject: listOf(lexicon.ownSubject).map((p) => p.split(' ')),
    doubts: phrases.filter((p) => p.polarity === 'unsure').map((p) => p.words),
    phrases,
    phrasesByFirstWord,
    polarityOf,
  };
  prepared.set(lexicon, words);
  return words;
}

function startsWithWords(words: string[], phrase: string[]): boolean {
  return phrase.length <= words.length && phrase.every((w, i) => words[i] === w);
}

function indexOfWords(words: string[], phrase: string[], from = 0): number {
  for (let i = from; i + phrase.length <= words.length; i++) {
    if (phrase.every((w, j) => words[i + j] === w)) return i;
  }
  return -1;
}

/** Words a doubt phrase may have before its "whether": "not sure yet whether", "weet niet goed of". */
const DOUBT_REACH = 1;

/** How many words before an answer's words a negated verb still denies them ("wouldn't [recruit anyone] ourselves"). */
const VERB_NEGATION_REACH = 3;

/** "I don't know whether it is listed", "ik twijfel of het eronder valt": the clause asks, it does not answer. */
function doubtful(part: string[], w: Words): boolean {
  for (const d of w.doubt) {
    for (let i = indexOfWords(part, d); i >= 0; i = indexOfWords(part, d, i + 1)) {
      const after = part.slice(i + d.length, i + d.length + DOUBT_REACH + 1);
      if (after.some((x) => w.whether.has(x))) return true;
    }
  }
  return false;
}

/** Where a negated quantifier ("none of it") ends in a clause, or -1: everything after it is denied. */
function quantifierEnd(part: string[], w: Words): number {
  let end = -1;
  for (const q of w.quantifiers) {
    const i = indexOfWords(part, q);
    if (i >= 0 && (end < 0 || i + q.length < end)) end = i + q.length;
  }
  return end;
}

/** "I haven't checked" in a clause, not itself denied ("not 'not checked yet'"). */
function saysUnverified(part: string[], w: Words): boolean {
  return w.unverified.some((u) => {
    const i = indexOfWords(part, u);
    return i >= 0 && !negated(part, i, i + u.length, w);
  });
}

/** "I haven't checked", said anywhere in the text. */
function isUnverified(text: string, lexicon: Lexicon): boolean {
  const w = wordsOf(lexicon);
  return clauses(withoutConditions(text, lexicon)).some((part) => saysUnverified(part, w));
}

/** True when the text says the answer is withheld by someone else ("they won't say", "ze willen het niet zeggen"). */
function isRefusal(text: string, content: Content): boolean {
  const w = wordsOf(content.lexicon);
  return clauses(withoutConditions(text, content.lexicon)).some((part) => w.refusals.some((r) => indexOfWords(part, r) >= 0));
}

/**
 * Yes, no or not sure, read from how the answer opens: the longest lexicon phrase that the first
 * clause is (allowing a typo) or starts with. With `anywhere`, a multi-word phrase ("not that I know
 * of", "weet ik eigenlijk niet") also counts inside a short answer, as long as only one kind is found.
 */
function polarity(text: string, lexicon: Lexicon, anywhere: boolean, specific = false): Polarity | undefined {
  const { fillers, phrases } = wordsOf(lexicon);
  const said = clauses(withoutConditions(text, lexicon))
    .map((c) => c.filter((w) => !fillers.has(w)))
    .filter((c) => c.length > 0);
  // "…, although there are reports about Turkish universities in general": about the country, not the partner.
  const parts = specific ? said.filter((c) => !isGeneral(c, wordsOf(lexicon))) : said;
  if (said.length > 0 && parts.length === 0) return 'unsure';
  const first = parts[0];
  if (!first) return undefined;
  // "No, but I haven't checked" does not know: an unchecked "no" is no answer to "did you find …?".
  if (parts.some((part) => saysUnverified(part, wordsOf(lexicon)))) return 'unsure';
  if (parts.some((part) => doubtful(part, wordsOf(lexicon)))) return 'unsure';
  const all = parts.flat();
  const doubted = (p: Polarity): Polarity => (p !== 'unsure' && laterDoubt(parts, wordsOf(lexicon)) ? 'unsure' : p);
  // "I skimmed the dual-use list, didn't see anything": a first clause that says what was looked at opens with no
  // finding; the finding opens the clause after it.
  const second = parts[1];
  const findings = namesWhatWasChecked(first, lexicon) && second && !startsWithAny(first, phrases) ? [first, second] : [first];
  // "I think parts of it are", "ik denk deels wel": a hedge before the opening phrase leaves it what it is.
  const { intensifiers, negations } = wordsOf(lexicon);
  const plain = (f: string[] | undefined) => (f?.some((x) => intensifiers.has(x)) ? f.filter((x) => !intensifiers.has(x)) : undefined);
  for (const opening of findings.flatMap((f) => [f, withoutHedge(f, wordsOf(lexicon)), plain(f), plain(withoutHedge(f, wordsOf(lexicon)))])) {
    if (!opening) continue;
    // "Not unless the army wants to count butterflies": a clause that is a bare negation once its condition is set apart is a no.
    if (opening.length === 1 && negations.has(opening[0] ?? '') && !wordsOf(lexicon).polarityOf.has(opening[0] ?? '')) return doubted('no');
    const openingText = opening.join(' ');
    const alone = said.length > 1 ? Number.POSITIVE_INFINITY : TRAILING_WORDS;
    for (const p of phrases) {
      if (closeTo(openingText, p.text)) return doubted(p.polarity);
      if (startsWithWords(opening, p.words) && opening.length <= p.words.length + alone) return doubted(p.polarity);
    }
  }
  const closing = closingPolarity(text, lexicon);
  if (closing) return closing;

  if (!anywhere || all.length > SHORT_ANSWER_WORDS) return undefined;
  const found = new Set<Polarity>();
  const { phrasesByFirstWord } = wordsOf(lexicon);
  for (const part of parts) {
    // The longest phrase in this clause speaks for it.
    let best: { phrase: PolarityPhrase; rank: number } | undefined;
    part.forEach((word, i) => {
      for (const c of phrasesByFirstWord.get(word) ?? []) {
        if ((!best || c.rank < best.rank) && c.phrase.words.every((w, j) => part[i + j] === w)) best = c;
      }
    });
    if (best) found.add(best.phrase.polarity);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** The clause opens with a yes, no or not-sure phrase. */
function startsWithAny(part: string[], phrases: PolarityPhrase[]): boolean {
  return phrases.some((p) => startsWithWords(part, p.words));
}

/** Words at `start` said only as a possibility: after "maybe" in their clause ("en misschien een prototype"), or in a clause that ends in it ("a bit political maybe"). */
function isTentative(part: string[], start: number, w: Words): boolean {
  return w.tentative.has(part[part.length - 1] ?? '') || part.slice(0, start).some((x) => w.tentative.has(x)) || wishes(part, w);
}

/** Words a wish phrase may have between its own words: "ik zou [zelf ook mensen] willen zoeken". */
const WISH_GAP = 4;

/** "I'd like to find people myself", "ik zou zelf ook mensen willen zoeken": the clause says what is wished, not what happens. */
function wishes(part: string[], w: Words): boolean {
  return w.wishes.some((phrase) => {
    for (let i = part.indexOf(phrase[0] ?? ''); i >= 0; i = part.indexOf(phrase[0] ?? '', i + 1)) {
      let at = i;
      const found = phrase.slice(1).every((x) => {
        const next = part.indexOf(x, at + 1);
        if (next < 0 || next - at - 1 > WISH_GAP) return false;
        at = next;
        return true;
      });
      if (found) return true;
    }
    return false;
  });
}

/** Small words between a comparison and what it compares with: "more than [a] FWO grant", "meer dan [een]". */
const COMPARED_GAP = 2;

/** "Meer dan een FWO-beurs", "as much as an ERC grant", "compared to FWO": the words at `start` are a yardstick, not the answer. */
function isCompared(part: string[], start: number, w: Words): boolean {
  let j = start;
  for (let skipped = 0; skipped < COMPARED_GAP && w.checkedGap.has(part[j - 1] ?? ''); skipped++) j--;
  return w.comparisons.some((c) => j - c.length >= 0 && c.every((x, k) => part[j - c.length + k] === x));
}

/** "A bit political", "een beetje gevoelig": the clause says the answer softly. */
function softened(part: string[] | undefined, w: Words): boolean {
  return part !== undefined && w.softeners.some((x) => indexOfWords(part, x) >= 0);
}

/** "After [his military service]", "na [zijn dienstplicht]": the words at `start` name a stage before the answer. */
function isEarlierStage(part: string[] | undefined, start: number, w: Words): boolean {
  if (!part || start <= 0) return false;
  let i = start - 1;
  const small = (x: string) => w.gap.has(x) || w.checkedGap.has(x);
  for (let skipped = 0; i >= 0 && skipped <= 2 && small(part[i] ?? ''); skipped++) i--;
  return w.earlierStages.has(part[i] ?? '');
}

/** The clause without a hedge it opens with ("i think", "ik denk"), or undefined when it opens with none. */
function withoutHedge(part: string[], w: Words): string[] | undefined {
  const h = w.hedges.find((x) => x.length < part.length && startsWithWords(part, x));
  return h ? part.slice(h.length) : undefined;
}

/** A clause about things at large: "the country scores badly in general", "over het algemeen". */
function isGeneral(part: string[], w: Words): boolean {
  return w.generalities.some((g) => indexOfWords(part, g) >= 0);
}

/** Words after a doubt phrase that make it about something else: "I don't know of any", "no idea why they ask". */
const DOUBT_ELSEWHERE = new Set(['of', 'why', 'waarom', 'what', 'wat', 'who', 'wie', 'how', 'hoe', 'when', 'wanneer']);

/**
 * "I think it is on a US list, not sure about the EU", "ja, denk ik, maar zeker ben ik niet": a later clause that
 * doubts (a doubt phrase of two words or more, or a clause that is one word of doubt) leaves an opening yes or no unsure.
 */
function laterDoubt(parts: string[][], w: Words): boolean {
  return parts.slice(1).some((part) => clauseDoubts(part, w));
}

/** The clause doubts: a doubt phrase of two words or more not about something else, or a clause that is one word of doubt. */
function clauseDoubts(part: string[], w: Words): boolean {
  return w.doubts.some((d) => {
    if (d.length === 1) return part.length === 1 && part[0] === d[0];
    const i = indexOfWords(part, d);
    return i >= 0 && !DOUBT_ELSEWHERE.has(part[i + d.length] ?? '');
  });
}

/** "I think", "denk ik", "volgens mij" in the text, not denied ("I don't think" is a no, not a hedge). */
function isHedged(text: string, lexicon: Lexicon): boolean {
  const w = wordsOf(lexicon);
  return clauses(withoutConditions(text, lexicon)).some((part) =>
    w.hedges.some((h) => {
      const i = indexOfWords(part, h);
      return i >= 0 && !w.negations.has(part[i + h.length] ?? '') && !w.negations.has(part[i - 1] ?? '');
    }),
  );
}

/** The clause cites the partner's own words: "their website mentions …", "volgens hun website". */
function citesOwnSource(part: string[] | undefined, w: Words): boolean {
  return part !== undefined && w.ownSources.some((o) => indexOfWords(part, o) >= 0);
}

/** "Gender en werk, en ook de voogdijregels, dus ja": a last clause that sums up with a bare yes, no or not sure. */
function closingPolarity(text: string, lexicon: Lexicon): Polarity | undefined {
  const w = wordsOf(lexicon);
  const parts = clauses(withoutConditions(text, lexicon));
  const last = parts[parts.length - 1];
  if (parts.length < 2 || !last) return undefined;
  const summed = (part: string[]): Polarity | undefined => {
    for (const c of w.conclusions) {
      if (!startsWithWords(part, c)) continue;
      const rest = part.slice(c.length).filter((x) => !w.fillers.has(x));
      const p = rest.length > 0 ? w.polarityOf.get(rest.join(' ')) : undefined;
      if (p) return p;
    }
    return undefined;
  };
  const p = summed(last);
  if (p) return p;
  // "… maar een collega zei dat 'genetische elementen' ook op een lijst staan. Ik weet het dus nie": a closing clause
  // that concludes (lexicon `conclusions`, anywhere in it) with nothing but a doubt leaves the whole text unsure.
  const concluding = new Set(w.conclusions.filter((c) => c.length === 1).map((c) => c[0] ?? ''));
  if (last.some((x) => concluding.has(x))) {
    const rest = last.filter((x) => !concluding.has(x) && !w.fillers.has(x)).join(' ');
    if (rest !== '' && w.doubts.some((d) => closeTo(rest, d.join(' ')))) return 'unsure';
  }
  // "Dus ja, da's wel een punt", "so yes, I guess": the summing-up is the clause before a short closing remark that
  // says no answer of its own (no yes/no phrase, no doubt).
  const before = parts[parts.length - 2];
  const remark = last.filter((x) => !w.fillers.has(x));
  const plain = remark.length <= TRAILING_WORDS && !startsWithAny(remark, w.phrases) && !clauseDoubts(remark, w) && !remark.some((x) => w.negations.has(x));
  return plain && before ? summed(before) : undefined;
}

/** A first clause that is nothing but "yes" or "no" ("nee", "yes indeed"), with more clauses after it. */
function openingPolarity(parts: string[][], lexicon: Lexicon): 'yes' | 'no' | undefined {
  const w = wordsOf(lexicon);
  const first = (parts[0] ?? []).filter((x) => !w.fillers.has(x)).join(' ');
  if (parts.length < 2 || first === '') return undefined;
  const p = w.polarityOf.get(first);
  return p === 'yes' || p === 'no' ? p : undefined;
}

/** The clause says what was looked at: "ik heb bijlage I nagekeken", "I checked the sanctions list". */
function namesWhatWasChecked(part: string[] | undefined, lexicon: Lexicon): boolean {
  return part !== undefined && wordsOf(lexicon).checked.some((c) => indexOfWords(part, c) >= 0);
}

/** A doubt said anywhere in the text ("…, not sure about the new hire"), beyond what the answer's words say. */
export function voicesDoubt(text: string, content: Content): boolean {
  const w = wordsOf(content.lexicon);
  return clauses(withoutConditions(text, content.lexicon)).some((part) => clauseDoubts(part, w));
}

export function isUnsure(text: string, content: Content): boolean {
  return !isRefusal(text, content) && polarity(text, content.lexicon, true) === 'unsure';
}

export function saysYes(text: string, content: Content): boolean {
  return polarity(text, content.lexicon, false) === 'yes';
}

export function saysNo(text: string, content: Content): boolean {
  return polarity(text, content.lexicon, false) === 'no';
}

/** Words a negation may reach over in a list: "not BELSPO and RHID", "geen bedrijf of labo". */
const LIST_REACH = 4;

/**
 * True when the words at `start` are negated in their clause: "not (really) a university", "geen bedrijf",
 * "universiteit niet", and the later items of a denied list ("not BELSPO and RHID").
 */
function negated(words: string[], start: number, end: number, w: Words): boolean {
  const q = quantifierEnd(words, w);
  if (q >= 0 && start >= q) return true;
  let i = start - 1;
  for (let skipped = 0; i >= 0 && skipped <= 3 && w.gap.has(words[i] ?? ''); skipped++) i--;
  const before = words[i] ?? '';
  if (w.negations.has(before)) return true;
  // "We wouldn't recruit anyone ourselves": the negated verb reaches the words of its phrase; words that only soften
  // or stress it ("we wouldn't really go in ourselves", lexicon `negationGap`) don't count towards the reach.
  for (let j = start - 1, reached = 0; j >= 0 && reached < VERB_NEGATION_REACH; j--) {
    if (w.verbNegations.has(words[j] ?? '')) return true;
    if (!w.gap.has(words[j] ?? '')) reached++;
  }
  if (w.conjunctions.has(before)) {
    for (let j = i - 1; j >= 0 && j >= i - LIST_REACH; j--) if (w.negations.has(words[j] ?? '')) return true;
  }
  // Dutch puts it after: "een bedrijf is het niet", "van 'confidential' is volgens mij geen sprake".
  const after = words.slice(end);
  if (w.denials.some((d) => indexOfWords(after, d) >= 0)) return true;
  // The list the words stand in goes with them: "[confidential] of hoger staat niks", "[secret] or above isn't".
  let tail = after;
  for (let items = 0; items < LIST_REACH && tail.length > 2 && w.conjunctions.has(tail[0] ?? ''); items++) tail = tail.slice(2);
  return tail.length > 0 && tail.length <= 3 && w.negations.has(tail[tail.length - 1] ?? '');
}

/** A phrase that is itself a yes/no/unsure word ("no", "nee") says little once the text names an answer. */
function isPolarityWord(phrase: string, lexicon: Lexicon): Polarity | undefined {
  return wordsOf(lexicon).polarityOf.get(phrase);
}

/** A typo is allowed, a negation is not: "no university" is not "a university". */
function sameNegations(text: string, phrase: string, lexicon: Lexicon): boolean {
  const { negations } = wordsOf(lexicon);
  const of = (s: string) =>
    s
      .split(' ')
      .filter((w) => negations.has(w))
      .join(' ');
  return of(text) === of(phrase);
}

/** A single long word may carry a typo ("hosptal") or a plural ("papers"); short words and numbers may not. */
function wordClose(word: string, phrase: string): boolean {
  if (word === phrase) return true;
  // The first letter must match: "unclassified" is no typo of "classified"; and a typo or plural changes at most two letters.
  if (word[0] !== phrase[0] || Math.abs(word.length - phrase.length) > 2) return false;
  if (phrase.length >= 4 && word.startsWith(phrase) && ['s', 'es', 'en'].includes(word.slice(phrase.length)) && !hasDigit(phrase)) return true;
  if (phrase.length < 6 || hasDigit(word) || hasDigit(phrase)) return false;
  const allowed = phrase.length >= 9 ? 2 : 1;
  return editDistance(word, phrase, allowed) <= allowed;
}

/** How a phrase sits in a longer word: its last part ("meetdata" for "data") or its first ("consortiumpartner"). */
type CompoundPart = 'head' | 'modifier';

interface Hit {
  value: string;
  /** The answer phrase that matched; empty for a bare yes/no. */
  phrase: string;
  /** 3 the whole text, 2 a phrase in it, 1 the text is part of a longer phrase. */
  score: number;
  weak: boolean;
  typo: boolean;
  clause: number;
  start: number;
  end: number;
  compound?: CompoundPart;
  /** In a clause that only says it may be so ("maybe", "misschien"). */
  tentative?: boolean;
}

interface Occurrence {
  clause: number;
  start: number;
  end: number;
  typo: boolean;
  negated: boolean;
  compound?: CompoundPart;
}

/**
 * The words name what was looked at, not what was found: "ik heb [bijlage I] doorzocht", "I went through [Annex I]",
 * "checked [the sanctions list]": a "checked" word stands right after them or right before. A denial ("not on any list") is a finding.
 */
function namesCheckedObject(part: string[], start: number, end: number, w: Words): boolean {
  if (w.negations.has(part[start] ?? '')) return false;
  for (const c of w.checked) {
    if (startsWithWords(part.slice(end), c)) return true;
    let j = start;
    for (let skipped = 0; skipped < 2 && w.checkedGap.has(part[j - 1] ?? ''); skipped++) j--;
    if (j - c.length >= 0 && c.every((x, k) => part[j - c.length + k] === x)) return true;
  }
  return false;
}

/**
 * Of two or more answers named, the one the text means when its clauses make that clear: named on both sides of a
 * correction ("…, but …", "Maar …"), the later one; or the one a clause names alone while every clause naming another
 * names it too ("TRL 2-3, it's fundamental propagation work").
 */
function meantOfSeveral(hits: Hit[], values: string[], contrast: boolean[]): string | undefined {
  const placed = hits.filter((h) => h.clause >= 0 && values.includes(h.value) && !hits.some((o) => covers(o, h)));
  for (let c = contrast.length - 1; c > 0; c--) {
    if (!contrast[c]) continue;
    const before = new Set(placed.filter((h) => h.clause < c).map((h) => h.value));
    const after = new Set(placed.filter((h) => h.clause >= c).map((h) => h.value));
    if (before.size === 0 || after.size === 0) continue;
    const [later] = after;
    if (after.size === 1 && before.size === 1 && later !== undefined && !before.has(later)) return later;
    break;
  }
  const byClause = new Map<number, Set<string>>();
  for (const h of placed) byClause.set(h.clause, (byClause.get(h.clause) ?? new Set<string>()).add(h.value));
  const sets = [...byClause.values()];
  const sole = new Set(sets.filter((v) => v.size === 1).flatMap((v) => [...v]));
  const [only] = sole;
  return sole.size === 1 && only !== undefined && sets.every((v) => v.has(only)) ? only : undefined;
}

/** A compound's other part must be a word start of its own: "meet" in "meetdata", not "s" in "sdata". */
const COMPOUND_REST = 3;
/** The first part of a compound says less than its last ("defensiewerk" is work): it must be longer, and so must the rest. */
const MODIFIER_MIN = 5;
const MODIFIER_REST = 4;
/** Dutch plurals and linking letters after a compound's last part: "gastcursussen", "meetresultaten". */
const HEAD_ENDINGS = ['', 's', 'en', 'es', 'n', 'sen'];

/**
 * Dutch writes compounds as one word ("meetdata", "kalibratiesoftware", "consortiumpartner"): a one-word
 * answer phrase counts as the compound's last part, or (weaker) its first — never after a negating start
 * ("nonmilitary", "niet-" is split already) and never for a phrase too short to be a word of its own.
 */
function compoundPart(word: string, phrase: string, w: Words): CompoundPart | undefined {
  if (phrase.length < 4 || word.length < phrase.length + COMPOUND_REST || hasDigit(phrase)) return undefined;
  for (const ending of HEAD_ENDINGS) {
    const tail = phrase + ending;
    if (!word.endsWith(tail)) continue;
    const rest = word.slice(0, word.length - tail.length);
    if (rest.length >= COMPOUND_REST && !w.negatingPrefixes.some((p) => rest.startsWith(p))) return 'head';
  }
  if (phrase.length >= MODIFIER_MIN && word.startsWith(phrase) && word.length - phrase.length >= MODIFIER_REST) return 'modifier';
  return undefined;
}

/** Where a phrase occurs in the clauses, and whether it is negated there. */
function occurrences(parts: string[][], phrase: string, lexicon: Lexicon): Occurrence[] {
  const words = phrase.split(' ');
  const lex = wordsOf(lexicon);
  const opensNegated = lex.negations.has(words[0] ?? '');
  const found: Occurrence[] = [];
  const single = words.length === 1 && isPolarityWord(phrase, lexicon) === undefined && !lex.negations.has(phrase);
  parts.forEach((part, clause) => {
    for (let i = 0; i + words.length <= part.length; i++) {
      const exact = words.every((w, j) => part[i + j] === w);
      const typo = !exact && words.length === 1 && wordClose(part[i] ?? '', phrase);
      const compound = !exact && !typo && single ? compoundPart(part[i] ?? '', phrase, lex) : undefined;
      if (!exact && !typo && !compound) continue;
      // A phrase that is a negation itself ("not sensitive") is meant as written.
      const denied = !opensNegated && negated(part, i, i + words.length, lex);
      found.push({ clause, start: i, end: i + words.length, typo: typo || compound !== undefined, negated: denied, ...(compound ? { compound } : {}) });
    }
  });
  return found;
}

type AnswerSpec = QuestionStep['answers'][number];
const phrasesByAnswer = new WeakMap<AnswerSpec, string[]>();

function answerPhrases(a: AnswerSpec): string[] {
  const cached = phrasesByAnswer.get(a);
  if (cached) return cached;
  // A label is also typed without its parenthesis: "standard military service".
  const spoken = allTexts(a.label).map((l) => l.replace(/\s*\([^)]*\)/g, ''));
  const phrases = [...allTexts(a.label), ...spoken, a.value.replace(/-/g, ' '), ...(a.synonyms ? allWords(a.synonyms) : []), ...fallbackPhrases(a)];
  const out = [...new Set(phrases.map((p) => spellLevels(normalize(p))).filter((p) => p !== ''))];
  phrasesByAnswer.set(a, out);
  return out;
}

const carriedByAnswer = new WeakMap<AnswerSpec, Set<Polarity>>();

/** The yes/no an answer stands for: its value, or a bare "no" among its synonyms. */
function carriedPolarities(a: AnswerSpec, lexicon: Lexicon): Set<Polarity> {
  let cached = carriedByAnswer.get(a);
  if (!cached) {
    cached = new Set([a.value, ...answerPhrases(a)].map((p) => isPolarityWord(p, lexicon)).filter((p) => p !== undefined));
    carriedByAnswer.set(a, cached);
  }
  return cached;
}

const listedByAnswer = { fallback: new WeakMap<AnswerSpec, Set<string>>(), implied: new WeakMap<AnswerSpec, Set<string>>() };

/**
 * An answer's `fallback` words (generic: they count like a bare yes/no, after any answer named by its own words) or
 * its `implied` words (what is named, typed for how: weak, and only on the question itself), normalised.
 */
function listedPhrases(a: AnswerSpec, field: 'fallback' | 'implied'): Set<string> {
  let cached = listedByAnswer[field].get(a);
  if (!cached) {
    const list = a[field];
    cached = new Set((list ? allWords(list) : []).map((p) => spellLevels(normalize(p))).filter((p) => p !== ''));
    listedByAnswer[field].set(a, cached);
  }
  return cached;
}

const fallbackPhrases = (a: AnswerSpec): Set<string> => listedPhrases(a, 'fallback');

/**
 * One hit covers another of a different answer: it spans more words and shares some ("phd student" over
 * "student", "respondents and me" over "the respondents"), or the same words without a typo, or a compound's
 * last part over its first ("consortiumpartner" is a partner).
 */
function covers(o: Hit, h: Hit): boolean {
  if (o.value === h.value || o.clause !== h.clause || o.clause < 0 || o.start >= h.end || h.start >= o.end) return false;
  const longer = o.end - o.start > h.end - h.start;
  const same = o.start === h.start && o.end === h.end;
  if (longer) return true;
  if (!same) return false;
  return (h.typo && !o.typo) || (o.compound === 'head' && h.compound === 'modifier');
}

/**
 * The answers a set of hits points to, after dropping hits covered by a hit of another answer; of answers named
 * together, one that includes the others ("Photos or video (with or without interviews)") is meant.
 */
function distinctAnswers(hits: Hit[], step: QuestionStep): string[] {
  const kept = hits.filter((h) => !hits.some((o) => covers(o, h)));
  const values = [...new Set(kept.map((h) => h.value))];
  if (values.length < 2) return values;
  const including = step.answers.filter((a) => values.includes(a.value) && values.every((v) => v === a.value || includedIn(step, a.value, values).has(v)));
  return including.length === 1 && including[0] ? [including[0].value] : values;
}

/**
 * What an answer includes, also through an answer it includes that is named too: photos or video include interviews,
 * and interviews include data about no people, so "audio recordings of interviews, photos of buildings, field notes"
 * is photos or video; "photos of buildings" alone names no interviews to reach through.
 */
function includedIn(step: QuestionStep, value: string, named: readonly string[]): Set<string> {
  const out = new Set<string>();
  const queue = [value];
  while (queue.length > 0) {
    const v = queue.pop();
    for (const x of step.answers.find((a) => a.value === v)?.includes ?? []) {
      if (x === value || out.has(x)) continue;
      out.add(x);
      if (named.includes(x)) queue.push(x);
    }
  }
  return out;
}

const patternsByAnswer = new WeakMap<AnswerSpec, RegExp[]>();

function answerPatterns(a: AnswerSpec): RegExp[] {
  let cached = patternsByAnswer.get(a);
  if (!cached) {
    cached = (a.patterns ?? []).map((p) => new RegExp(p, 'gu'));
    patternsByAnswer.set(a, cached);
  }
  return cached;
}

/** Where an answer's patterns match in the clauses, as word spans, so that negation and coverage apply as for a phrase. */
function patternOccurrences(parts: string[][], a: AnswerSpec, lexicon: Lexicon): Occurrence[] {
  const found: Occurrence[] = [];
  const lex = wordsOf(lexicon);
  parts.forEach((part, clause) => {
    const line = part.join(' ');
    for (const re of answerPatterns(a)) {
      for (const m of line.matchAll(re)) {
        if (m[0].trim() === '') continue;
        const start = line.slice(0, m.index).split(' ').length - 1;
        const end = start + m[0].trim().split(' ').length;
        found.push({ clause, start, end, typo: false, negated: negated(part, start, end, lex) });
      }
    }
  });
  return found;
}

/**
 * The answer the text gives. A finding that needs certainty (an answer with `hedged`) said with "I think" or
 * "denk ik" is not confirmed: it records the hedged value instead ("I think it is on a US list" is no sanctions hit).
 */
export function matchChoice(
  step: QuestionStep,
  text: string,
  content: Content,
  lang: Lang,
  exclude?: ReadonlySet<string>,
  options: { implied?: boolean } = {},
): TypedAnswer {
  const m = readChoice(
    exclude && exclude.size > 0 ? { ...step, answers: step.answers.filter((a) => !exclude.has(a.value)) } : step,
    text,
    content,
    lang,
    options.implied ?? true,
  );
  if (m.kind !== 'answer') return m;
  const hedged = step.answers.find((a) => a.value === m.value)?.hedged;
  if (!hedged || !isHedged(text, content.lexicon)) return m;
  return hedged === 'unsure' ? { kind: 'unsure' } : { kind: 'answer', value: hedged, ...(m.also ? { also: m.also } : {}) };
}

function readChoice(step: QuestionStep, text: string, content: Content, lang: Lang, implied = true): TypedAnswer {
  void lang; // both languages are always accepted: people mix them
  const lexicon = content.lexicon;
  const n = spellLevels(normalize(withoutConditions(text, content.lexicon)));
  if (n === '') return { kind: 'none' };
  // "2" picks the second button.
  if (/^\d{1,2}$/.test(n)) {
    const index = Number(n) - 1;
    const byIndex = step.answers[index];
    if (byIndex) return { kind: 'answer', value: byIndex.value };
    if (index === step.answers.length) return { kind: 'unsure' };
  }
  // A question of its own ("do I need a licence for …?") is no answer, whatever words it contains; one that opens
  // with an answer ("geen flauw idee, waarschijnlijk wel iets van radar?") still answers.
  // An answer that ends in a question of its own ("… Geen idee wat hij toen deed, misschien zijn visum regelen?")
  // is read without it: the question wonders about a detail, the sentences before it answer.
  const asked = trailingQuestion(text);
  if (asked) {
    const before = readChoice(step, asked, content, lang, implied);
    // "It's Québec… but I wouldn't call that human-rights violations in the sense you mean?": a closing sentence that
    // does not open like a question (lexicon `questionStarts`) is a statement said with a rising tone;
    // when the sentences before it answer nothing, it is read with them.
    if (before.kind !== 'none' || asksItself(text.slice(asked.length), content)) return before;
    return readChoice(step, text.replace(/\?\s*$/, '.'), content, lang, implied);
  }
  if (/\?\s*$/.test(text) && n.split(' ').length >= QUESTION_WORDS && polarity(text, lexicon, false) === undefined) return { kind: 'none' };
  const leveled = spellBareLevels(text, step, lexicon);
  if (leveled !== text) return readChoice(step, leveled, content, lang, implied);
  const w = wordsOf(lexicon);
  // A yes/no question asks about the partner: a clause about things in general ("the country scores badly in
  // general") answers nothing, and a text that is nothing else is not sure.
  const yesno = step.input === 'yesno';
  const allParts = clauses(withoutConditions(text, lexicon));
  const parts = yesno ? allParts.filter((p) => !isGeneral(p, w)) : allParts;
  if (allParts.length > 0 && parts.length === 0) return { kind: 'unsure' };
  // "They won't say" is no "no": it points to the answer that says the researcher can't know ("I don't know who owns it").
  if (isRefusal(text, content)) {
    const withheld = step.answers.find((a) => polarity(a.label.en, lexicon, true) === 'unsure' || polarity(a.label.nl, lexicon, true) === 'unsure');
    return withheld ? { kind: 'answer', value: withheld.value } : { kind: 'unclear' };
  }
  const said = polarity(text, lexicon, true, yesno);

  const shortText = n.length >= 3 && n.split(' ').length <= 3;
  const hits: Hit[] = [];
  /** Spans of words that are denied ("not [royal military academy]"): nothing inside them counts. */
  const deniedSpans: Array<{ clause: number; start: number; end: number }> = [];
  /** Answers the text denies; weak evidence (a bare "no") can't pick them. */
  const denied = new Set<string>();
  /** Where each denial is said: a denial in a "but" clause corrects what named the answer before it. */
  const deniedAt: Array<{ value: string; clause: number }> = [];
  for (const a of step.answers) {
    const impliedHere = implied ? listedPhrases(a, 'implied') : new Set<string>();
    for (const p of [...answerPhrases(a), ...impliedHere]) {
      const weak = isPolarityWord(p, lexicon) !== undefined || fallbackPhrases(a).has(p) || impliedHere.has(p);
      if (closeTo(n, p) && sameNegations(n, p, lexicon))
        hits.push({ value: a.value, phrase: p, score: 3, weak, typo: n !== p, clause: 0, start: 0, end: n.split(' ').length });
      for (const o of occurrences(parts, p, lexicon)) {
        if (o.negated) {
          if (!isPolarityWord(p, lexicon)) {
            denied.add(a.value);
            deniedSpans.push(o);
            deniedAt.push({ value: a.value, clause: o.clause });
          }
          continue;
        }
        hits.push({
          value: a.value,
          phrase: p,
          score: o.typo ? 1.9 : 2,
          weak,
          typo: o.typo,
          clause: o.clause,
          start: o.start,
          end: o.end,
          ...(o.compound ? { compound: o.compound } : {}),
        });
      }
      // "research" typed for "A joint research project": weak, and only when nothing else fits.
      if (shortText && p.length >= 4 && ` ${p} `.includes(` ${n} `)) {
        hits.push({ value: a.value, phrase: p, score: 1, weak: false, typo: false, clause: -1, start: 0, end: 0 });
      }
    }
    for (const o of patternOccurrences(parts, a, lexicon)) {
      if (o.negated) {
        denied.add(a.value);
        deniedSpans.push(o);
        deniedAt.push({ value: a.value, clause: o.clause });
      } else hits.push({ value: a.value, phrase: '', score: 2, weak: false, typo: false, clause: o.clause, start: o.start, end: o.end });
    }
    // "yes"/"nope" for an answer that means yes or no (its value, or a bare "no" among its synonyms).
    if (said && carriedPolarities(a, lexicon).has(said))
      hits.push({ value: a.value, phrase: '', score: 2.5, weak: true, typo: false, clause: -1, start: 0, end: 0 });
  }

  // "military academy" inside a denied "royal military academy" is denied too.
  const inDenied = (h: Hit) => deniedSpans.some((d) => d.clause === h.clause && d.start <= h.start && d.end >= h.end);
  for (const h of hits) if (h.score < 3 && h.clause >= 0 && inDenied(h)) denied.add(h.value);
  // "Ik heb bijlage I doorzocht en niets gevonden": for a yes/no question, what was looked at is no finding.
  const checkedObject = (h: Hit) => yesno && h.score < 3 && h.clause >= 0 && h.phrase !== '' && namesCheckedObject(parts[h.clause] ?? [], h.start, h.end, w);
  const qualified = qualifiedHits(hits, step, w);
  for (const h of concededHits(hits, parts, withoutConditions(text, lexicon), step, lexicon)) qualified.add(h);
  // "Their language law is controversial there, but I wouldn't call that human-rights violations": denied in a clause
  // that corrects what came before, an answer is not meant by the words that named it before that clause.
  const openedAt = contrastOpenings(withoutConditions(text, lexicon), w).filter((_, i) => !yesno || !isGeneral(allParts[i] ?? [], w));
  // "Language there is always a bit political, haha. … nothing delicate I think": said softly, then denied in a later
  // clause, an answer is taken back just as after a "but".
  const corrected = (h: Hit) =>
    h.score < 3 &&
    h.clause >= 0 &&
    deniedAt.some((d) => d.value === h.value && d.clause > h.clause && (openedAt[d.clause] === true || softened(parts[h.clause], w)));
  // "Our group has a project with a defence company, she wouldn't be on that": a later clause keeps the person out of
  // what was named (denied); "…, not his lab": what was named is another unit (set apart, and alone not sure).
  const apart: SetApart = yesno ? setApart(hits, parts, step, lexicon) : { denied: new Set(), elsewhere: new Set(), keptOut: false, otherUnit: false };
  for (const h of apart.denied) {
    denied.add(h.value);
    deniedAt.push({ value: h.value, clause: h.clause });
  }
  // "Yes, all of them: high amount, no real website, no corporate email": after an opening yes or no, a bare "no" or
  // "geen" that goes with the words after it in a later clause lists a sign ("no real website"); it answers nothing.
  const listedSign = (h: Hit) => {
    const p = h.weak && h.clause > 0 && h.phrase !== '' ? isPolarityWord(h.phrase, lexicon) : undefined;
    return p !== undefined && said !== undefined && said !== 'unsure' && p !== said && (parts[h.clause]?.length ?? 0) > h.end && !openedAt[h.clause];
  };
  const kept = hits
    .filter((h) => !apart.denied.has(h) && !apart.elsewhere.has(h) && !listedSign(h))
    .filter(
      (h) =>
        !(h.score < 3 && h.clause >= 0 && inDenied(h)) &&
        !((h.weak || h.score === 1) && denied.has(h.value)) &&
        !checkedObject(h) &&
        !qualified.has(h) &&
        !corrected(h) &&
        !(h.clause >= 0 && isCompared(parts[h.clause] ?? [], h.start, w)),
    )
    .map((h) => (h.clause >= 0 && isTentative(parts[h.clause] ?? [], h.start, w) ? { ...h, tentative: true } : h))
    .filter(
      (h, _, all) => !(isEarlierStage(parts[h.clause], h.start, w) && all.some((o) => o.value !== h.value && !isEarlierStage(parts[o.clause], o.start, w))),
    );

  if (said === 'unsure') {
    // "Nog niet nagekeken" for a question with a "Not checked yet" answer: that answer, by its label.
    if (isUnverified(text, lexicon)) {
      const unchecked = step.answers.filter((a) => !denied.has(a.value) && allTexts(a.label).some((l) => isUnverified(l, lexicon)));
      if (unchecked.length === 1 && unchecked[0]) return { kind: 'answer', value: unchecked[0].value };
    }
    // An answer that itself says "I don't know …" ("no idea who owns it") is more than a bare "not sure".
    // The whole text being such an answer's own word counts too: "onbekend" for "I don't know who owns it".
    const own = distinctAnswers(
      kept.filter((h) => h.score >= 2 && (!h.weak || h.score === 3) && polarity(h.phrase, lexicon, true) === 'unsure'),
      step,
    );
    if (own.length === 1 && own[0]) return { kind: 'answer', value: own[0] };
    // "According to the article the owners are Russian; I haven't verified that": an answer that is a possibility
    // itself (`unconfirmed`, "owners (possibly) from Russia") takes a report that is not confirmed.
    const possible = (h: Hit) => h.score >= 1.9 && h.clause >= 0 && step.answers.find((a) => a.value === h.value)?.unconfirmed === true;
    for (const tier of [(h: Hit) => possible(h) && !h.weak, possible]) {
      const reported = distinctAnswers(kept.filter(tier), step);
      if (reported.length === 1 && reported[0]) return { kind: 'answer', value: reported[0] };
    }
    // "No idea. The registry lists a director of dozens of companies, looks like a nominee": a sign that the answer
    // saying "I don't know …" ("I don't know who owns it") names among its own words answers with it.
    const unknowing = distinctAnswers(
      kept.filter((h) => {
        const a = step.answers.find((x) => x.value === h.value);
        return h.score >= 1.9 && !h.weak && h.clause >= 0 && a !== undefined && allTexts(a.label).some((l) => polarity(l, lexicon, true) === 'unsure');
      }),
      step,
    );
    if (unknowing.length === 1 && unknowing[0]) return { kind: 'answer', value: unknowing[0] };
    // "Not sure, their website mentions 'national security applications'": a sign in the partner's own words answers.
    const sourced = distinctAnswers(
      kept.filter((h) => h.score >= 1.9 && !h.weak && h.clause >= 0 && citesOwnSource(parts[h.clause], w)),
      step,
    );
    return sourced.length === 1 && sourced[0] ? { kind: 'answer', value: sourced[0] } : { kind: 'unsure' };
  }

  // The whole text is one answer's label or synonym.
  const whole = [...new Set(kept.filter((h) => h.score === 3 && !h.weak).map((h) => h.value))];
  if (whole.length === 1 && whole[0]) return { kind: 'answer', value: whole[0] };
  if (whole.length > 1) return { kind: 'unclear' };

  // Words naming an answer beat a bare yes/no; two answers named at once ("both") ask again.
  const opening = step.input === 'yesno' ? openingPolarity(parts, lexicon) : undefined;
  // "A bit political maybe": an answer named only as a possibility comes after a bare yes/no.
  const opened = contrastOpenings(withoutConditions(text, lexicon), w);
  const contrast = yesno ? opened.filter((_, i) => !isGeneral(allParts[i] ?? [], w)) : opened;
  const tiers = [(h: Hit) => h.score >= 1.9 && !h.weak && !h.tentative, (h: Hit) => h.weak, (h: Hit) => h.score >= 1.9 && !h.weak, (h: Hit) => h.score === 1];
  for (const tier of tiers) {
    const values = distinctAnswers(kept.filter(tier), step);
    const named = step.answers.find((a) => a.value === values[0]);
    // "Nee, ik heb bijlage I nagekeken": the "no" answers; "bijlage I" is only what was checked.
    if (values.length === 1 && opening && named && !carriedPolarities(named, lexicon).has(opening)) {
      const onlyChecked = kept.filter(tier).every((h) => h.value !== named.value || namesWhatWasChecked(parts[h.clause], lexicon));
      const meant = step.answers.filter((a) => carriedPolarities(a, lexicon).has(opening));
      if (onlyChecked && meant.length === 1 && meant[0]) return { kind: 'answer', value: meant[0].value };
    }
    if (values.length === 1 && values[0]) return { kind: 'answer', value: values[0] };
    const meant = values.length > 1 ? meantOfSeveral(kept.filter(tier), values, contrast) : undefined;
    if (meant) return { kind: 'answer', value: meant };
    const several = values.length > 1 ? severalNamed(values, step) : undefined;
    if (several) return several;
    if (values.length > 1) return { kind: 'unclear' };
  }
  // Of a yes/no pair, denying one answer's words ("it isn't on the list", "none of it is listed") says the other.
  if (step.input === 'yesno' && step.answers.length === 2 && denied.size === 1) {
    const other = step.answers.find((a) => !denied.has(a.value));
    if (other) return { kind: 'answer', value: other.value };
  }
  // "De software waarschijnlijk niet, de radar misschien wel? Ik weet het echt niet.": no answer named, and a last
  // clause that is nothing but a doubt: not sure.
  const last = allParts[allParts.length - 1]?.filter((x) => !w.fillers.has(x));
  if (allParts.length > 1 && last && w.doubts.some((d) => closeTo(last.join(' '), d.join(' ')))) return { kind: 'unsure' };
  // "Students were expelled at several universities there, I don't know about this one": nothing named and nothing
  // denied, and a clause after the first that doubts: not sure.
  if (denied.size === 0 && laterDoubt(parts, w)) return { kind: 'unsure' };
  // "Our group has a small project with a defence company, she wouldn't be on that": no answer named, and the person
  // kept out of what was told: the answer that says no.
  const saysNo = step.answers.filter((a) => carriedPolarities(a, lexicon).has('no'));
  if (apart.keptOut && saysNo.length === 1 && saysNo[0]) return { kind: 'answer', value: saysNo[0].value };
  // "The university has a faculty that works with the navy. Not his lab.": what was named is about another unit only.
  if (denied.size === 0 && (apart.elsewhere.size > 0 || apart.otherUnit)) return { kind: 'unsure' };
  return { kind: denied.size > 0 ? 'unclear' : 'none' };
}

/** The sentence opens like a question (lexicon `questionStarts`: "is it …?", "valt dat …?", "what …?"), not like a statement. */
function asksItself(sentence: string, content: Content): boolean {
  const words = normalize(sentence).split(' ');
  return listOf(content.lexicon.questionStarts).some((q) => startsWithWords(words, q.split(' ')));
}

/** The text before a closing question sentence, when sentences that ask nothing come first; otherwise undefined. */
function trailingQuestion(text: string): string | undefined {
  const m = /^([\s\S]*[.!;])\s+[^.!;?]*\?\s*$/.exec(text.trim());
  const before = m?.[1]?.trim();
  return before && !before.includes('?') && normalize(before) !== '' ? before : undefined;
}

/**
 * Several answers named at once, on a question that takes them (`several`): the first in its order is recorded, the
 * others go with it ("samples by courier, code via GitHub" records the electronic transfer, G:340-341).
 */
function severalNamed(values: string[], step: QuestionStep): TypedAnswer | undefined {
  const order = step.several;
  if (!order || !values.every((v) => order.includes(v))) return undefined;
  const [first, ...rest] = order.filter((v) => values.includes(v));
  // An answer another named one includes goes without saying ("samples and data, all for publication").
  const includedBy = (v: string) => step.answers.some((a) => a.value !== v && values.includes(a.value) && includedIn(step, a.value, values).has(v));
  return first === undefined ? undefined : { kind: 'answer', value: first, also: rest.filter((v) => !includedBy(v)) };
}

/**
 * "Not really. Water rights can be a bit political there, but my questions are about irrigation choices": on a choice
 * question, an opening bare yes or no, then an aside naming an answer the opening does not carry, then a "but" clause
 * about the researcher's own subject (lexicon `ownSubject`) that names no answer: the aside is conceded and set apart,
 * so it answers nothing and the opening stands. Yes/no questions ask for a finding, which an aside still is.
 */
function concededHits(hits: Hit[], parts: string[][], text: string, step: QuestionStep, lexicon: Lexicon): Set<Hit> {
  const out = new Set<Hit>();
  if (step.input === 'yesno') return out;
  const opening = openingPolarity(parts, lexicon);
  if (!opening) return out;
  const w = wordsOf(lexicon);
  const contrast = contrastOpenings(text, w);
  const named = new Set(hits.filter((h) => h.clause >= 0 && !h.weak).map((h) => h.clause));
  const apart = parts.findIndex((part, i) => i > 1 && contrast[i] === true && !named.has(i) && w.ownSubject.some((o) => indexOfWords(part, o) >= 0));
  if (apart < 0) return out;
  for (const h of hits) {
    const answer = step.answers.find((a) => a.value === h.value);
    if (h.clause > 0 && h.clause < apart && answer && !carriedPolarities(answer, lexicon).has(opening)) out.add(h);
  }
  return out;
}

/**
 * Hits an answer's words qualify (`qualifies`): a phrase of that answer that opens with a negation ("without people
 * on them") after the hit, in its clause or the next, says what it is ("photos of the irrigation systems").
 */
function qualifiedHits(hits: Hit[], step: QuestionStep, w: Words): Set<Hit> {
  const out = new Set<Hit>();
  for (const q of hits) {
    const targets = step.answers.find((a) => a.value === q.value)?.qualifies;
    if (!targets || q.clause < 0 || !w.negations.has(q.phrase.split(' ')[0] ?? '')) continue;
    for (const h of hits) {
      if (!targets.includes(h.value) || h.clause < 0) continue;
      if (h.clause === q.clause - 1 || (h.clause === q.clause && h.end <= q.start)) out.add(h);
    }
  }
  return out;
}

/**
 * Hits a later clause sets apart on a yes/no question: named in or before a clause with a `notInvolved` phrase ("she
 * wouldn't be on that", "daar komt ze niet aan") they are denied for the person asked about; named in or before a
 * clause with an `elsewhere` phrase ("not his lab", "een ander labo") they are about another unit. Bare yes/no hits
 * (no clause) stay: "yes, …, not his lab" still says yes; so do hits of the answer that says no.
 */
function setApart(hits: Hit[], parts: string[][], step: QuestionStep, lexicon: Lexicon): SetApart {
  const w = wordsOf(lexicon);
  const has = (list: string[][], part: string[]) => list.some((x) => indexOfWords(part, x) >= 0);
  const lastOf = (list: string[][]) => parts.reduce((at, part, i) => (i > 0 && has(list, part) ? i : at), -1);
  const deniedTo = lastOf(w.notInvolved);
  const elsewhereTo = lastOf(w.elsewhere);
  const denied = new Set<Hit>();
  const elsewhere = new Set<Hit>();
  for (const h of hits) {
    const answer = step.answers.find((a) => a.value === h.value);
    // What says no ("no access") is no thing named: the person kept out of it still has no access.
    if (h.clause < 0 || h.weak || !answer || carriedPolarities(answer, lexicon).has('no')) continue;
    if (h.clause <= deniedTo) denied.add(h);
    else if (h.clause <= elsewhereTo) elsewhere.add(h);
  }
  return { denied, elsewhere, keptOut: deniedTo > 0, otherUnit: elsewhereTo > 0 };
}

interface SetApart {
  denied: Set<Hit>;
  elsewhere: Set<Hit>;
  /** A later clause keeps the person out ("she wouldn't be on that"), whatever came before named. */
  keptOut: boolean;
  /** A later clause says what came before is another unit ("not his lab"). */
  otherUnit: boolean;
}

/** Finds a contact point by what people call it ("KU Leuven", "kul", "ugent"). */
export function matchInstitution(text: string, content: Content): string | undefined {
  const n = normalize(text);
  let best: { id: string; length: number } | undefined;
  for (const cp of content.reference.contactPoints) {
    for (const alias of [cp.name, cp.short, cp.id, ...cp.aliases]) {
      const a = normalize(alias);
      if (a !== '' && (` ${n} `.includes(` ${a} `) || roughlyEquals(n, a)) && (!best || a.length > best.length)) best = { id: cp.id, length: a.length };
    }
  }
  return best?.id;
}
