// Which critical technology areas a typed answer names, by the words of the areas' own names and
// sub-technologies ("materials", "energie", "nuclear"), for the question that asks for the area.
import { allTexts, allWords } from '../domain/lang.js';
import type { Content } from '../content/load.js';
import type { TechArea } from '../content/types.js';
import { containsPhrase, normalize, roughlyEquals, tokens } from './text.js';

const MIN_WORD = 4;
/** A word in the names of this many areas or more says nothing about which area is meant. */
const SHARED_BY = 3;

const cache = new WeakMap<readonly TechArea[], Map<string, Set<string>>>();

/** Word → areas whose names contain it (or a word starting with it: "energie" in "energietechnologieen"). */
function areaWords(areas: readonly TechArea[]): Map<string, Set<string>> {
  let words = cache.get(areas);
  if (words) return words;
  words = new Map();
  for (const area of areas) {
    const names = [...allTexts(area.name), ...area.subs.flatMap((s) => allTexts(s.name))];
    for (const word of names.flatMap((n) => tokens(n))) {
      if (word.length < MIN_WORD) continue;
      const set = words.get(word) ?? new Set<string>();
      set.add(area.id);
      words.set(word, set);
    }
  }
  for (const [word, set] of words) if (set.size >= SHARED_BY) words.delete(word);
  cache.set(areas, words);
  return words;
}

export function areasNamedIn(text: string, areas: readonly TechArea[]): string[] {
  const words = areaWords(areas);
  const found = new Set<string>();
  for (const typed of tokens(normalize(text)).filter((w) => w.length >= MIN_WORD)) {
    for (const [word, ids] of words) {
      if (roughlyEquals(typed, word) || (typed.length >= 6 && word.startsWith(typed))) ids.forEach((id) => found.add(id));
    }
  }
  return [...found];
}

/** A field's word as the last part of a compound must leave a word start of its own: "corpus" in "corpuslinguistiek". */
const FIELD_COMPOUND_REST = 3;

/**
 * "Codicologie, Perzische literatuur", "dialectology": the text names a field that no critical technology area
 * covers (lexicon `outsideAreas`, also as a compound's last part), and no word that makes it technical
 * ("computational linguistics" is language processing, an AI technology).
 */
export function namesFieldOutsideAreas(text: string, lexicon: Content['lexicon']): boolean {
  const n = normalize(text);
  const words = tokens(n);
  const listed = (list: { en: string[]; nl: string[] }) =>
    allWords(list)
      .map(normalize)
      .filter((p) => p !== '');
  const technical = listed(lexicon.technical);
  if (technical.some((t) => containsPhrase(n, t) || words.some((w) => w.startsWith(t)))) return false;
  return listed(lexicon.outsideAreas).some((field) =>
    field.includes(' ') ? containsPhrase(n, field) : words.some((w) => w === field || (w.endsWith(field) && w.length - field.length >= FIELD_COMPOUND_REST)),
  );
}
