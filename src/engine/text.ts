// Normalising what people type, so that "Jà!!", "ja" and "*ja*" are the same answer.
import { allWords } from '../domain/lang.js';
import { boundedDistance } from '../text/edit-distance.js';

/** Lower case, no accents, no markup or emoji, single spaces. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/<[@#!][^>]*>/g, ' ') // Slack mentions and channel links
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/'(?![a-z])|(?<![a-z])'/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function tokens(text: string): string[] {
  const n = normalize(text);
  return n === '' ? [] : n.split(' ');
}

/** True when `phrase` occurs in `text` as whole words (both already normalized). */
export function containsPhrase(text: string, phrase: string): boolean {
  if (phrase === '') return false;
  return ` ${text} `.includes(` ${phrase} `);
}

/** Edit distance (with swapped neighbours as one typo), or `max + 1` once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  return boundedDistance(a, b, max);
}

/** A typed text is close enough to a phrase: equal, or a small typo in a longer word. */
export function roughlyEquals(text: string, phrase: string): boolean {
  if (text === phrase) return true;
  if (phrase.length < 5) return false;
  const allowed = phrase.length >= 9 ? 2 : 1;
  return editDistance(text, phrase, allowed) <= allowed;
}

/** Fills {name} placeholders. */
export function fill(template: string, vars: Record<string, string> = {}): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string) => vars[key] ?? whole);
}

/** A lexicon list in both languages, normalised, without empty entries. */
export function normalizedList(list: { en: string[]; nl: string[] } | undefined): string[] {
  return list
    ? allWords(list)
        .map(normalize)
        .filter((p) => p !== '')
    : [];
}
