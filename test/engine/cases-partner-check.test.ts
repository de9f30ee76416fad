// Transcripts of the guideline's short partner examples: Seven Sons co-authors, co-supervising a PhD at
// a sanctioned Russian university, a company in the news for genetic profiling of minorities, and a
// hospital with close ties to the military in an authoritarian regime.
import { describe, expect, it } from 'vitest';
import { answerOf, converse, expectOutcome } from './cases-harness.js';

describe('partner-check: the guideline examples', () => {
  it('co-authors from Seven Sons universities appear in a publication', () => {
    const t = converse(
      'partner-check',
      'A European university asked me to take measurements on a sample. In the publication process, co-authors appear from universities known as Seven Sons of Defence. What should I do?',
      // "Seven Sons" names a group, not the partner: the partner's name is asked; its kind (a university)
      // and the co-authors' country (CN) were said.
      ['University of Vienna', 'a joint publication', 'no', 'no'],
    );
    expectOutcome(t, {
      risk: ['medium', 'high'],
      steps: ['check-sanctions', 'defence-lists', 'seven-sons-coauthors', 'reputation', 'plan-mitigation', 'committee-application'],
      phrases: ['seven sons', 'half their research budget', 'dual-use'],
      duties: ['reporting-obligation', 'committee-application'],
      notAsked: ['ask-partner-kind', 'ask-coauthors'],
    });
    expect(t.asked).toContain('ask-collaboration');
    expect(answerOf(t, 'ask-coauthors')).toEqual({ value: 'yes', inferred: true });
  });

  it('co-supervising a PhD at a Russian university on the European sanctions list', () => {
    const t = converse(
      'partner-check',
      'I am asked to be co-supervisor of a PhD trajectory at a Russian university that appears on the European sanctions list. Is this still possible?',
      // The rectors' rule covers signatories: it is asked (G:599-601). The sanctions hit already decides, so the
      // funder is not asked and the FWO rule (G:619) does not appear as a duty.
      ['Ural Test Polytechnic University', 'yes', 'no', 'no'],
    );
    expectOutcome(t, {
      risk: ['high'],
      steps: ['check-sanctions', 'sanctioned-partner', 'russia-restrictions', 'committee-application'],
      phrases: ['what you may not share', 'rectors', 'fwo'],
      duties: ['sanctions-compliance', 'terminate-project', 'reporting-obligation', 'restriction-russia-rectors-statement'],
      notAsked: ['ask-partner-kind', 'ask-country', 'ask-collaboration', 'ask-sanctions'],
    });
    expect(t.outcome.flags.map((f) => f.id)).toEqual(expect.arrayContaining(['sanctions-hit', 'institutional-agreement']));
    expect(t.outcome.screening.some((h) => h.list === 'sanctions' && h.match)).toBe(true);
  });

  it('a company in the news for genetic profiling of ethnic minorities, data sent for analysis (Dutch)', () => {
    const t = converse(
      'partner-check',
      'We werken met een bedrijf aan genomische data. Dat bedrijf kwam in het nieuws over genetische profilering van etnische minderheden. Kunnen we nog data opsturen voor analyse?',
      ['GeneCo Analytics', 'China', 'data opsturen voor analyse', 'nee', 'nee', 'ja'],
    );
    expectOutcome(t, {
      risk: ['high'],
      steps: ['human-rights-test', 'hold-data', 'human-rights-sources', 'committee-application'],
      phrases: ['mensenrechtentoets', 'genetische profilering', 'monitoring'],
      duties: ['human-rights-test', 'reporting-obligation', 'committee-application'],
      measures: ['human-rights-review'],
      notAsked: ['ask-partner-kind', 'ask-human-rights'],
    });
    expect(answerOf(t, 'ask-human-rights')).toEqual({ value: 'yes', inferred: true });
  });

  it('a researcher in a hospital with close ties to the military in an authoritarian regime', () => {
    const t = converse(
      'partner-check',
      'I want to collaborate with a researcher working in a hospital that has close ties to the military in an authoritarian regime. What should I consider?',
      ['Central Clinical Hospital of the Armed Forces', 'Syria', 'a joint research project', 'not sure', 'no'],
    );
    expectOutcome(t, {
      risk: ['high'],
      steps: ['military-ties', 'defence-lists', 'reputation', 'committee-application'],
      phrases: ['hospital'],
      duties: ['reporting-obligation', 'committee-application'],
      notAsked: ['ask-partner-kind', 'ask-military-ties'],
    });
    expect(answerOf(t, 'ask-partner-kind')).toEqual({ value: 'hospital', inferred: true });
  });
});
