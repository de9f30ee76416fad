// Transcripts of the guideline's diversity case: research commissioned by a foreign government agency
// whose government pursues repressive policies on the subject.
import { describe, expect, it } from 'vitest';
import { answerOf, converse, expectOutcome } from './cases-harness.js';

describe('foreign-government-commission: the diversity case', () => {
  it('a repressive government, a right to review, respondents at risk', () => {
    const t = converse(
      'foreign-government-commission',
      'I have been asked to conduct research on diversity commissioned by a foreign government agency, but it is known that the government pursues repressive policies regarding the subject. Can I conduct this research?',
      ['Saudi Arabia', 'Ministry of Culture', 'not sure', 'they may review it first', 'yes', 'the respondents', 'nope'],
    );
    expectOutcome(t, {
      risk: ['high'],
      steps: [
        'check-sanctions',
        'check-human-rights',
        'review-conditions',
        'contract-and-termination',
        'publication-pressure',
        'feasibility-safety',
        'protect-respondents',
        'repressive-subject',
        'plan-mitigation',
        'committee-application',
      ],
      phrases: ['sanctions list', 'right to review', 'respondents', 'end the research', 'safety'],
      duties: ['human-rights-test', 'committee-application'],
      measures: ['contractual-guarantees', 'publication-clause', 'safety-assessment', 'anonymise-participants'],
      notAsked: ['ask-client-kind', 'ask-subject'],
    });
    expect(answerOf(t, 'ask-subject')).toEqual({ value: 'repressive', inferred: true });
  });

  it('in Dutch, with free publication and no dependence, still asks for the conditions in the contract', () => {
    const t = converse(
      'foreign-government-commission',
      'Een buitenlands ministerie vraagt ons een studie over gendergelijkheid uit te voeren. Mag dat?',
      ['Noorwegen', 'Norad', 'niet gevoelig', 'nee', 'ik mag vrij publiceren', 'ja', 'nee', 'neen'],
    );
    expect(['low', 'medium']).toContain(t.outcome.risk);
    const ids = t.outcome.steps.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['review-conditions', 'contract-and-termination', 'feasibility-safety']));
    expect(ids).not.toContain('publication-pressure');
    expect(t.outcome.steps.find((s) => s.id === 'contract-and-termination')?.text).toContain('contractueel');
    expect(t.state.lang).toBe('nl');
  });
});
