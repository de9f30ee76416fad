// Names in content/understand/countries.yaml that would point to the wrong country: one name for two
// countries (which one the router picks would depend on the order of the file), or a place that is
// one of the small words of a language ("de", "van") unless it is in the cased list. Part of
// `advisor content check`.
import type { UnderstandContent } from './schema.js';
import { phraseWords } from './text.js';

export function checkCountryNames(understand: UnderstandContent): string[] {
  const problems: string[] = [];
  const owners = new Map<string, { code: string; name: string }>();
  const small = new Set([...understand.language.en, ...understand.language.nl].flatMap(phraseWords));
  const cased = new Set(understand.language.cased.map((c) => phraseWords(c).join(' ')));
  for (const c of understand.countries.countries) {
    const names = [...c.en, ...c.nl, ...c.aliases, ...c.demEn, ...c.demNl, ...c.adjNl, ...c.places, ...c.groups];
    for (const name of names) {
      const key = phraseWords(name).join(' ');
      const first = owners.get(key);
      if (first === undefined) owners.set(key, { code: c.code, name });
      else if (first.code !== c.code) problems.push(`content/understand/countries.yaml: "${name}" (${c.code}) is also "${first.name}" (${first.code})`);
    }
    for (const place of c.places) {
      const key = phraseWords(place).join(' ');
      if (small.has(key) && !cased.has(key))
        problems.push(`content/understand/countries.yaml: place "${place}" (${c.code}) is an ordinary word; list it in language.yaml cased`);
    }
  }
  return problems;
}
