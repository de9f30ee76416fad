// "Two Belgians and one PhD student with Indian nationality" for "Are all researchers nationals of an EU, EFTA or
// NATO country?": the nationalities named answer it. Only "no" is read from them: naming some nationalities
// never says that everyone has one of them.
import type { QuestionStep } from '../content/schema/playbook.js';
import type { Content } from '../content/load.js';
import type { TypedAnswer } from './answers.js';

/** The typed answer, corrected by the countries named; `match` is what the words alone said. */
export function byNationality(q: QuestionStep, countries: readonly string[], content: Content, match: TypedAnswer): TypedAnswer {
  const { eu, alliedOutsideEu, alliedNationalityFacts } = content.rules;
  if (q.input !== 'yesno' || !alliedNationalityFacts.includes(q.fact) || !q.answers.some((a) => a.value === 'no')) return match;
  const allied = new Set([...eu, ...alliedOutsideEu]);
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
