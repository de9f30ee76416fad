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
