// "Two Belgians and one PhD student with Indian nationality" for "Are all researchers nationals of an EU, EFTA or
// NATO country?": the nationalities named answer it. One from elsewhere says no; a team listed with allied
// nationalities only says yes (people answer this question by listing the team), unless a doubt is voiced, and
// the echo ("Understood: yes, all of them") lets the researcher correct it.
import type { QuestionStep } from '../content/schema/playbook.js';
import type { Content } from '../content/load.js';
import { type TypedAnswer, voicesDoubt } from './answers.js';

/** The typed answer, corrected by the countries named; `match` is what the words alone said. */
export function byNationality(q: QuestionStep, countries: readonly string[], content: Content, match: TypedAnswer, text = ''): TypedAnswer {
  const { eu, alliedOutsideEu, alliedNationalityFacts } = content.rules;
  if (q.input !== 'yesno' || !alliedNationalityFacts.includes(q.fact) || !q.answers.some((a) => a.value === 'no')) return match;
  const allied = new Set([...eu, ...alliedOutsideEu]);
  // "Two Belgian PhD students, one Italian": nationalities named, all allied, and no word against it.
  const yes = q.answers.find((a) => a.value === 'yes');
  if (match.kind === 'none' && yes && countries.length > 0 && countries.every((c) => allied.has(c)))
    return voicesDoubt(text, content) ? { kind: 'unsure' } : { kind: 'answer', value: yes.value };
  if (!countries.some((c) => !allied.has(c))) return match;
  // "Yes, all of them" beside a nationality from elsewhere contradicts itself; "not sure" stays not sure.
  if (match.kind === 'answer' && match.value !== 'no') return { kind: 'unclear' };
  if (match.kind === 'unsure') return match;
  return { kind: 'answer', value: 'no' };
}

/**
 * Answers that say every country is in the EU or allied (`alliedOnly`), when the text names a country outside them
 * ("one Estonian, the other from Kazakhstan"): they are not read from it (G:894-897).
 */
export function byAlliedOnly(
  q: QuestionStep,
  countries: readonly string[],
  content: Content,
  read: (exclude?: ReadonlySet<string>) => TypedAnswer,
): TypedAnswer {
  const { eu, alliedOutsideEu } = content.rules;
  const allied = new Set([...eu, ...alliedOutsideEu]);
  const only = q.answers.filter((a) => a.alliedOnly !== undefined);
  if (only.length === 0 || !countries.some((c) => !allied.has(c))) return read();
  const without = read(new Set(only.map((a) => a.value)));
  if (without.kind === 'answer') return without;
  const words = read();
  const instead = words.kind === 'answer' ? only.find((a) => a.value === words.value)?.alliedOnly : undefined;
  return instead ? { kind: 'answer', value: instead } : without;
}
