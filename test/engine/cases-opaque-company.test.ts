// Transcripts of the guideline's Malta case: aircraft engine noise with a little-known company.
import { describe, expect, it } from 'vitest';
import { answerOf, converse, expectOutcome } from './cases-harness.js';

describe('opaque-company: the Malta case', () => {
  it('little is known about the company: find the owners, check the Russia sanctions, then the shareholders', () => {
    const t = converse(
      'opaque-company',
      'I want to collaborate on reducing aircraft engine noise with a company based in Malta. Little is known about this company, and there is very little information on the website. Should I be cautious?',
      // "Little is known" does not say who owns it: the owners question is asked (G:894-897).
      ['none of these', 'Silent Turbine Holdings Ltd', { click: 'answer:unknown' }, 'nope'],
    );
    expectOutcome(t, {
      risk: ['medium', 'high'],
      steps: ['find-information', 'identify-owners', 'russia-legal-check', 'russia-institution-allows', 'unclear-partner', 'plan-mitigation', 'committee-application'],
      phrases: ['owners', 'russia', 'sanctions', 'contact point'],
      duties: ['committee-application'],
      notAsked: ['ask-country', 'ask-information'],
    });
    expect(answerOf(t, 'ask-country')).toEqual({ value: 'MT', inferred: true });
    expect(answerOf(t, 'ask-owners')).toEqual({ value: 'unknown', inferred: false });
  });

  it('Russian owners, not yet checked, with warning signs in the offer (Dutch): high, sanctions duty', () => {
    const t = converse(
      'opaque-company',
      'Een bedrijf in Cyprus wil ons onderzoek naar vliegtuigmotoren financieren. Het bedrijf is goed gedocumenteerd.',
      ['geen van deze', 'Aero Cyprus Ltd', 'genoeg', 'Russische eigenaars', 'nog niet nagegaan', 'ja'],
    );
    expectOutcome(t, {
      risk: ['high'],
      steps: ['russia-legal-check', 'russia-institution-allows', 'funding-warning-signs', 'committee-application'],
      phrases: ['sancties', 'fwo'],
      duties: ['sanctions-compliance', 'committee-application'],
      notAsked: ['ask-owner-ties'],
    });
  });

  it('a known company whose owners have military ties asks about the shareholders and reports', () => {
    const t = converse('opaque-company', 'Should I be careful with a company in Malta that offers to fund our work on robot arms?', [
      'Valletta Drones Ltd',
      'enough',
      { click: 'answer:foreign' },
      'military',
      'no',
    ]);
    expect(t.asked).toContain('ask-owner-ties');
    expect(t.asked).not.toContain('ask-domain');
    expectOutcome(t, {
      risk: ['high'],
      steps: ['shareholders-background', 'plan-mitigation', 'committee-application'],
      duties: ['reporting-obligation'],
    });
  });
});
