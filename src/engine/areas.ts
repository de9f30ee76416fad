// Which critical technology areas a typed answer names, by the words of the areas' own names and
// sub-technologies ("materials", "energie", "nuclear"), for the question that asks for the area.
import { allTexts } from '../domain/lang.js';
import type { Content } from '../content/load.js';
import type { QuestionStep } from '../content/schema/playbook.js';
import type { TechArea } from '../content/types.js';
import { clauseBreakPattern, type TypedAnswer } from './answers.js';

import { containsPhrase, normalize, normalizedList as listed, roughlyEquals, tokens } from './text.js';

type Lexicon = Content['lexicon'];

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

/** The text without the fields of more than one word that no area covers: "military history", "supply chain". */
function withoutOutsideFields(n: string, lexicon: Lexicon): string {
  let out = ` ${n} `;
  // Longest first: "traffic flow simulation" goes as a whole, not as "traffic flow" leaving "simulation" behind.
  const fields = listed(lexicon.outsideAreas)
    .filter((f) => f.includes(' '))
    .sort((a, b) => b.length - a.length);
  for (const field of fields) out = out.split(` ${field} `).join(' ; ');
  return out.trim();
}

/** The words of a text that are not denied: "no technology development" names no technology. */
function affirmedWords(n: string, lexicon: Lexicon): string[] {
  const negations = new Set(listed(lexicon.negations));
  const words = tokens(n);
  return words.filter((_, i) => !negations.has(words[i - 1] ?? '') && !negations.has(words[i - 2] ?? ''));
}

export function areasNamedIn(text: string, areas: readonly TechArea[], lexicon: Lexicon): string[] {
  const words = areaWords(areas);
  const generic = new Set(listed(lexicon.genericAreaWords));
  const found = new Set<string>();
  for (const typed of affirmedWords(withoutOutsideFields(normalize(text), lexicon), lexicon).filter((w) => w.length >= MIN_WORD && !generic.has(w))) {
    for (const [word, ids] of words) {
      if (generic.has(word)) continue;
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
export function namesFieldOutsideAreas(text: string, lexicon: Lexicon): boolean {
  const n = normalize(text);
  const words = tokens(n);
  // "Military history" is history; "no technology development" names no technology.
  const rest = affirmedWords(withoutOutsideFields(n, lexicon), lexicon);
  const technical = listed(lexicon.technical);
  if (technical.some((t) => containsPhrase(rest.join(' '), t) || rest.some((w) => w.startsWith(t)))) return false;
  return listed(lexicon.outsideAreas).some((field) =>
    field.includes(' ') ? containsPhrase(n, field) : words.some((w) => w === field || (w.endsWith(field) && w.length - field.length >= FIELD_COMPOUND_REST)),
  );
}

/**
 * A field of work typed for a yes/no question whose answer names the areas it asks about (`fieldOutside`): named only
 * in other technology areas ("thermische beeldvorming" is sensing), or a field outside the critical areas
 * ("bodemecologie"), it gives that answer. Only when the words alone gave none: a named answer or a doubt wins.
 */
export function byField(q: QuestionStep, text: string, domains: readonly string[], content: Content, match: TypedAnswer): TypedAnswer {
  if (match.kind !== 'none' || q.input !== 'yesno') return match;
  const answer = q.answers.find((a) => a.fieldOutside !== undefined);
  const inside = answer?.fieldOutside;
  if (!answer || !inside) return match;
  const elsewhere = domains.length > 0 ? domains.every((d) => !inside.includes(d)) : namesFieldOutsideAreas(text, content.lexicon);
  return elsewhere ? { kind: 'answer', value: answer.value } : match;
}

/**
 * "Palaeography; we use multispectral imaging, but with a standard commercial camera system": a field that no area
 * covers, with the technology only as a standard tool it uses (lexicon `standardTools`). The research is in that
 * field: the tool brings no know-how of the area with it.
 */
export function standardToolOfOtherField(text: string, lexicon: Lexicon): boolean {
  const tools = listed(lexicon.standardTools);
  // "Corpus linguistics, a bit of standard NLP tagging": the clause naming the standard tool says what the tool is;
  // the field is read from the other clauses, which must name a field no area covers and nothing technical.
  const clauses = text.split(TOOL_CLAUSE_BREAK).map((c) => normalize(c));
  const isTool = (c: string) => tools.some((t) => containsPhrase(c, t));
  if (!clauses.some(isTool)) return false;
  const rest = clauses.filter((c) => c !== '' && !isTool(c)).join(' ; ');
  return rest !== '' && namesFieldOutsideAreas(rest, lexicon);
}

/** Where a clause ends, for the clause that names a standard tool: as for any answer, and also at "and", "with". */
const TOOL_CLAUSE_BREAK = clauseBreakPattern(['and', 'en', 'with', 'met', 'plus'], false);
