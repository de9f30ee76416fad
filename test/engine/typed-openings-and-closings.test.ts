// How the first and last clauses of a typed answer speak: a closing "dus ja" sums up like a bare yes, a bare
// "nee" before a clause about what was checked is the answer, a question that opens with an answer still
// answers, and a bare level opens a TRL answer.
import { describe, expect, it } from 'vitest';
import { typed } from './typed-helpers.js';

describe('a closing "so yes" or "dus nee"', () => {
  it.each([
    ['foreign-government-commission', 'ask-subject', 'gender and work, and the guardianship rules too, so yes', 'sensitive'],
    ['foreign-government-commission', 'ask-subject', 'arbeidsmarkt en lonen, dus nee', 'neutral'],
    ['partner-check', 'ask-military-ties', 'they build drones for the police, in short yes', 'yes'],
    ['partner-check', 'ask-military-ties', 'een gewone groep klimatologen, kortom nee', 'no'],
  ] as const)('%s / %s: "%s" → %s', (playbook, step, text, value) => {
    expect(typed(playbook, step, text)).toBe(value);
  });

  it('does not override how the answer opens', () => {
    expect(typed('partner-check', 'ask-military-ties', 'no, just climate research, so no')).toBe('no');
    expect(typed('partner-check', 'ask-military-ties', 'not sure, so no idea')).toBe('unsure');
  });
});

describe('a bare yes or no before a clause about what was checked', () => {
  it.each([
    ['defence-funding', 'ask-dual-use', 'nee, ik heb bijlage I nagekeken en het valt er niet onder', 'no'],
    ['defence-funding', 'ask-dual-use', 'no, I went through annex I, nothing', 'no'],
    ['defence-funding', 'ask-dual-use', 'yes, annex I category 5', 'yes'],
  ] as const)('%s / %s: "%s" → %s', (playbook, step, text, value) => {
    expect(typed(playbook, step, text)).toBe(value);
  });

  it('leaves an answer named outright alone: "ja, behalve één" is not everyone', () => {
    expect(typed('defence-funding', 'ask-nationality', 'ja, behalve één')).toBe('no');
  });
});

describe('a question mark after an answer', () => {
  it('reads the answer it opens with', () => {
    expect(typed('defence-funding', 'ask-dual-use', 'geen flauw idee, waarschijnlijk wel iets van radar?')).toBe('unsure');
    expect(typed('partner-check', 'ask-military-ties', 'yes, they are part of the PLA, is that a problem?')).toBe('yes');
  });

  it('still takes a question of its own for no answer', () => {
    expect(typed('defence-funding', 'ask-dual-use', 'do I need a licence for radar parts?')).toBe('again');
  });
});

describe('a bare level in a TRL answer', () => {
  it.each([
    ['3 denk ik', 'applied'],
    ['5-6, we do flight tests', 'applied'],
    ['1 of 2, nog heel theoretisch', 'fundamental'],
    ['level 7', 'applied'],
    ['2 to 3', 'applied'],
  ])('"%s" → %s', (text, value) => {
    expect(typed('sensitive-tech-partner', 'ask-trl', text)).toBe(value);
  });

  it('keeps a bare number picking a button, and leaves questions without levels alone', () => {
    expect(typed('sensitive-tech-partner', 'ask-trl', '1')).toBe('fundamental');
    expect(typed('visiting-researcher', 'ask-stay', '3 months')).toBe('visiting');
  });
});

describe('intensifiers, a bare "not", corrections and statements with a question mark (blind-u)', () => {
  it.each([
    ['partner-check', 'ask-military-ties', "I honestly don't think so, it is a music conservatory", 'no'],
    ['export-control', 'ask-listed', 'I seriously doubt it, these are plain spreadsheets', 'no'],
    ['partner-check', 'ask-military-ties', 'ik denk echt van niet, het is een kunstacademie', 'no'],
    ['export-control', 'ask-end-use', 'Not unless the navy starts studying medieval poetry.', 'no'],
  ] as const)('%s/%s: "%s" → %s', (pb, step, text, value) => {
    expect(typed(pb, step, text)).toBe(value);
  });

  it('a "but" clause that denies an answer corrects the words that named it before', () => {
    expect(
      typed('foreign-government-commission', 'ask-human-rights', "their press law is controversial abroad, but I wouldn't call that human rights violations"),
    ).toBe('no');
  });

  it('a closing sentence with a question mark that opens like a statement is read with the rest', () => {
    expect(
      typed(
        'foreign-government-commission',
        'ask-human-rights',
        "It's a regional parliament. Some call it controversial, but I wouldn't call that human rights violations, right?",
      ),
    ).toBe('no');
    // A closing sentence that opens like a question is still no answer of its own.
    expect(typed('foreign-government-commission', 'ask-human-rights', "It's a regional parliament. Is that controversial?")).not.toBe('yes');
  });

  it('not having thought about it, knowing nothing about it, is not sure', () => {
    expect(typed('foreign-government-commission', 'ask-safety', "Hm. I hadn't thought about it, to be honest.")).toBe('unsure');
    expect(typed('sensitive-tech-partner', 'ask-human-rights', 'Over dat labo zelf weet ik niks.')).toBe('unsure');
  });
});

describe('answer synonyms (blind-u)', () => {
  it.each([
    ['opaque-company', 'ask-funding-signals', 'they offered more than we asked for and want it signed within two weeks', 'yes'],
    ['opaque-company', 'ask-funding-signals', 'ze bieden meer dan gevraagd en er is veel haast bij', 'yes'],
    ['hire-military-background', 'ask-cv-gaps', 'enkel de legerdienst, verder niets', 'no'],
    ['hire-military-background', 'ask-cv-gaps', 'er is een jaar waar alleen "consultancy" staat', 'yes'],
    ['partner-check', 'ask-funders', 'nothing yet, perhaps a grant next year', 'other'],
    ['sensitive-tech-partner', 'ask-call-exclusion', 'the work programme limits participation for security reasons', 'yes'],
    ['visiting-researcher', 'ask-access', 'we doen enkel filosofie, niks strategisch', 'no'],
    ['fieldwork-abroad', 'ask-researcher-safety', 'he has the Belgian and the Turkish nationality', 'yes'],
    ['fieldwork-abroad', 'ask-researcher-safety', 'ze heeft nog familie in Caïro', 'yes'],
    ['foreign-government-commission', 'ask-respondents', 'het ministerie wil de respondenten aanleveren', 'no'],
  ] as const)('%s/%s: "%s" → %s', (pb, step, text, value) => {
    expect(typed(pb, step, text)).toBe(value);
  });
});
