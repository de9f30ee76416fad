// Transcripts of the guideline's CSC case: a doctoral candidate with a CSC scholarship spends a year in a
// Flemish group on the efficiency of electricity transmission networks, as part of a PhD in China.
import { describe, expect, it } from 'vitest';
import { answerOf, converse, expectOutcome } from './cases-harness.js';

describe('visiting-researcher: the CSC case', () => {
  it('a CSC visitor whose home institution is a Seven Sons university', () => {
    const t = converse(
      'visiting-researcher',
      'A doctoral candidate with a CSC scholarship wants to spend a year as a visiting researcher in my group on the efficiency of electricity transmission networks, as part of her PhD in China.',
      ['Harbin Institute of Technology', 'no', 'yes'],
    );
    expectOutcome(t, {
      risk: ['high'],
      steps: [
        'ip-agreements',
        'check-home-institution',
        'seven-sons-no-agreement',
        'visitor-sanctions',
        'review-cv',
        'temporary-stay-riskier',
        'subject-and-access',
        'plan-mitigation',
        'committee-application',
      ],
      phrases: ['ip agreements', 'home institution', 'sanctions list', 'military research', 'shielded'],
      // CSC pays, so the FWO rule does not bite; whether the group signs an agreement with HIT is a point to check.
      duties: ['reporting-obligation', 'committee-application'],
      noDuties: ['restriction-fwo-seven-sons'],
      measures: ['ip-agreement-visitor', 'shield-strategic-projects', 'visitor-protocol'],
      notAsked: ['ask-stay', 'ask-country', 'ask-domain', 'ask-funding', 'ask-home-ties'],
    });
    expect(t.outcome.openPoints.map((p) => p.id)).toContain('check-universities-seven-sons');
    expect(answerOf(t, 'ask-funding')).toEqual({ value: 'csc', inferred: true });
  });

  it('a joint PhD with an Iranian university rules out an institutional agreement (Dutch)', () => {
    const t = converse('visiting-researcher', 'Een doctoraatsstudent van een Iraanse universiteit wil een gezamenlijk doctoraat bij ons doen', [
      'batterijen',
      'hun thuisinstelling',
      'University of Tehran',
      'weet niet',
      'nee',
      'nee',
    ]);
    expectOutcome(t, {
      risk: ['high'],
      steps: ['iran-no-agreement', 'ip-agreements-stay', 'check-home-institution', 'committee-application'],
      phrases: ['iraanse kennisinstellingen'],
      // A joint PhD is an institutional agreement: the Iran rule bites.
      duties: ['committee-application', 'restriction-iran-institutional'],
      notAsked: ['ask-stay', 'ask-country'],
    });
    expect(answerOf(t, 'ask-stay')).toEqual({ value: 'joint-phd', inferred: true });
  });
});
