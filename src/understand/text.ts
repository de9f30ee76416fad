// Turns a chat message into words: Slack markup and emoji out, accents folded, lower case.
// The original spelling of each word is kept for names that only count with capitals (US, HIT).

export interface Word {
  /** The word as typed (apostrophes inside it removed). */
  orig: string;
  /** Lower case, accents folded. */
  norm: string;
  /** Set when punctuation (. , ; : ! ? ( ) or a line break) comes just before: a new clause. */
  clause?: true;
  /** Set when a sentence starts at this word (the first word, or . ! ? or a line break before it). */
  sentence?: true;
  /** Set when a question mark follows this word. */
  asks?: true;
}

// <@U123> user mentions, <#C123|name> channels, <!here>; <url|label> keeps the label.
const SLACK_ANGLE = /<([^<>|]*)(?:\|([^<>]*))?>/g;
// :emoji_name: codes as Slack and Teams write them.
const EMOJI_CODE = /:[a-z0-9_+-]{2,40}:/gi;
// A word: letters and digits, with inner apostrophes (cv's, Xi'an) kept together.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const MARKS = /\p{M}+/gu;
const CLAUSE_BREAK = /[.,;:!?()\n]/;
const SENTENCE_BREAK = /[.!?\n]/;
const APOSTROPHES = /['’]/g;

/** Lower case without accents: "Israëlische" → "israelische", "İTÜ" → "itu". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(/ı/g, 'i').replace(/ß/g, 'ss');
}

function stripMarkup(text: string): string {
  return text
    .replace(SLACK_ANGLE, (_all, _target: string, label: string | undefined) => {
      if (label !== undefined) return ` ${label} `;
      // A bare mention, channel or link says nothing about the question.
      return ' ';
    })
    .replace(EMOJI_CODE, ' ');
}

/** The words of a text, in order. Punctuation, emoji, markup (*bold*, _it_, `code`) fall away. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  const plain = stripMarkup(text);
  let last = 0;
  for (const m of plain.matchAll(WORD)) {
    const orig = m[0].replace(APOSTROPHES, '');
    const word: Word = { orig, norm: fold(orig) };
    const between = plain.slice(last, m.index);
    if (out.length > 0 && CLAUSE_BREAK.test(between)) word.clause = true;
    if (out.length === 0 || SENTENCE_BREAK.test(between)) word.sentence = true;
    const previous = out[out.length - 1];
    if (previous && between.includes('?')) previous.asks = true;
    out.push(word);
    last = (m.index ?? 0) + m[0].length;
  }
  const final = out[out.length - 1];
  if (final && plain.slice(last).includes('?')) final.asks = true;
  return out;
}

/** The words of a vocabulary phrase, lower-cased and folded the same way as messages. */
export function phraseWords(phrase: string): string[] {
  return words(phrase).map((w) => w.norm);
}
