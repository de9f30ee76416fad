// "not a university", "geen bedrijf": a typed text that denies an answer never picks that answer, for every answer
// of every question. (The conversations that ask again are in dialogs/tests/typed-answers.yaml.)
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/engine/text.js';
import { testEngine } from '../helpers/engine.js';
import { allQuestions, typed } from './typed-helpers.js';

const lexicon = testEngine().content.lexicon;
const norm = (list: string[]) => list.map(normalize);
/** Phrases that already deny or affirm ("No, not that I found", "not sensitive", "nee") can't be negated meaningfully. */
const opening = new Set(norm([...lexicon.negations.en, ...lexicon.negations.nl, ...lexicon.yes.en, ...lexicon.yes.nl, ...lexicon.no.en, ...lexicon.no.nl]));
/** People don't type the parenthesis of a label: "not the European Defence Fund". */
const spoken = (label: string) => label.replace(/\s*\([^)]*\)/g, '');
const negatable = (phrase: string) => {
  const n = normalize(phrase);
  // A list ("EU, NATO or allied") is cut at its commas, like any typed text.
  return n !== '' && !/[,':]/.test(phrase) && !opening.has(n.split(' ')[0] ?? '') && !opening.has(n);
};

describe('a negated answer is never picked', () => {
  const cases: Array<[string, string, string, string]> = [];
  for (const { playbook, step, q } of allQuestions()) {
    for (const a of q.answers) {
      const en = [spoken(a.label.en), ...(a.synonyms?.en ?? [])].filter(negatable);
      const nl = [spoken(a.label.nl), ...(a.synonyms?.nl ?? [])].filter(negatable);
      // "not applied" is itself a synonym of "pending": only texts that are not the answer's own words.
      const own = [a.label.en, a.label.nl, ...(a.synonyms?.en ?? []), ...(a.synonyms?.nl ?? [])].map(normalize);
      const ownDenials = own.filter((p) => !negatable(p));
      const add = (t: string) => {
        const n = normalize(t);
        if (!own.includes(n) && !ownDenials.some((p) => ` ${n} `.includes(` ${p} `))) cases.push([playbook, step, a.value, t]);
      };
      for (const p of en) for (const t of [`not ${p}`, `it's not ${p}`, `no, not really ${p}`]) add(t);
      for (const p of nl) for (const t of [`geen ${p}`, `niet ${p}`, `het is zeker geen ${p}`]) add(t);
    }
  }

  it(`covers every answer of every question (${cases.length} texts)`, () => {
    expect(cases.length).toBeGreaterThan(1000);
    const wrong = cases.filter(([playbook, step, value, text]) => typed(playbook as never, step, text) === value);
    expect(wrong.map(([pb, step, , text]) => `${pb}/${step}: "${text}"`)).toEqual([]);
  });

  it('takes the answer that is affirmed next to the one that is denied', () => {
    expect(typed('partner-check', 'ask-partner-kind', "no, it's a company, not a university")).toBe('company');
    expect(typed('partner-check', 'ask-partner-kind', 'geen universiteit, een bedrijf')).toBe('company');
    expect(typed('partner-check', 'ask-partner-kind', 'het is geen unief maar een firma')).toBe('company');
    expect(typed('sensitive-tech-partner', 'ask-partner-kind', 'not a company, a hospital')).toBe('again'); // no hospital answer here
    expect(typed('partner-check', 'ask-partner-kind', 'not a company, a hospital')).toBe('hospital');
    expect(typed('fieldwork-abroad', 'ask-subject', "it's not sensitive")).toBe('neutral');
    expect(typed('fieldwork-abroad', 'ask-subject', 'niet gevoelig')).toBe('neutral');
  });

  it('does not take a typo for its opposite', () => {
    expect(typed('defence-funding', 'ask-classified', 'unclassified')).toBe('none');
    expect(typed('partner-check', 'ask-partner-kind', 'no university')).toBe('again');
    expect(typed('partner-check', 'ask-partner-kind', 'a hosptal')).toBe('hospital');
  });
});
