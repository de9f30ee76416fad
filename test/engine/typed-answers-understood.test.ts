// Typed answers (issue 12, "Facts" and "What to build" 4–5): negation and doubt read as a person means them.
// (Repeating back a typed answer, and taking a partner name only when it looks like one, are conversations:
// dialogs/tests/typed-answers.yaml.)
import { describe, expect, it } from 'vitest';
import { typed } from './typed-helpers.js';

describe('negation and doubt in typed answers', () => {
  it.each([
    ['None of it is on the dual-use list', 'no'],
    ['none of the parts we use are listed', 'no'],
    ["I don't know whether it falls under the dual-use list", 'unsure'],
    ["it's not listed as far as I know", 'no'],
    ['I checked: it is not in Annex I', 'no'],
    ['I wonder if the software is dual use', 'unsure'],
    ['niets ervan staat op de dual-uselijst', 'no'],
    ['ik weet niet of het op de lijst staat', 'unsure'],
    ['geen idee of het onder bijlage I valt', 'unsure'],
    ['ik twijfel of onze code eronder valt', 'unsure'],
  ])('dual-use question: "%s" → %s', (text, value) => {
    expect(typed('sensitive-tech-partner', 'ask-dual-use', text)).toBe(value);
  });

  it('a denied yes-answer is a no for a yes/no question ("not everyone", "niet iedereen")', () => {
    expect(typed('defence-funding', 'ask-nationality', 'not everyone on the team is from the EU')).toBe('no');
    expect(typed('fieldwork-abroad', 'ask-identifiable', 'they are not anonymous')).toBe('yes');
  });

  it('"wil niet zeggen" / "they won\'t say" is withheld, not the researcher\'s own "not sure" and not "no"', () => {
    expect(typed('opaque-company', 'ask-owners', 'ze willen het niet zeggen')).toBe('unknown');
    expect(typed('opaque-company', 'ask-owners', "they won't say")).toBe('unknown');
    expect(typed('partner-check', 'ask-military-ties', 'ze willen het niet zeggen')).not.toBe('no');
    expect(typed('partner-check', 'ask-military-ties', 'ze willen het niet zeggen')).not.toBe('unsure');
  });

  it('an answer that says "I don\'t know who owns it" beats a bare "not sure"', () => {
    expect(typed('opaque-company', 'ask-owners', 'no idea who owns it')).toBe('unknown');
    expect(typed('opaque-company', 'ask-owners', 'geen idee wie de eigenaar is')).toBe('unknown');
    expect(typed('opaque-company', 'ask-owners', 'not sure')).toBe('unsure');
  });
});
