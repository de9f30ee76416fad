// Transcripts of the guideline's European Defence Fund question, and of defence funding from a
// non-allied government with classified information.
import { describe, expect, it } from 'vitest';
import { answerOf, converse, expectOutcome } from './cases-harness.js';

describe('defence-funding: the EDF call', () => {
  it('an EDF call on drone swarms with restricted information', () => {
    const t = converse('defence-funding', 'I see an interesting call within the framework of the European Defence Fund on drone swarms. Can I simply apply for this?', [
      'restricted',
      { click: 'answer:yes' },
      'no',
      'no',
    ]);
    expectOutcome(t, {
      risk: ['medium'],
      steps: ['free-within-framework', 'policies-and-conditions', 'report-to-contact-point', 'restricted-information', 'committee-application'],
      phrases: ['ethical framework', 'personal ethical reflection', 'physical and digital security'],
      duties: ['funder-conditions', 'classified-information', 'reporting-obligation', 'committee-application'],
      noDuties: ['defra-nationality', 'dual-use-export-licence'],
      notAsked: ['ask-programme', 'ask-domain', 'ask-country'],
    });
    expect(answerOf(t, 'ask-programme')).toEqual({ value: 'edf', inferred: true });
    expect(t.outcome.escalate).toBe(true);
  });

  it('DEFRA with a mixed team and a security clearance (Dutch)', () => {
    const t = converse('defence-funding', 'We dienen een DEFRA-project in; er komt geheime informatie aan te pas en we hebben een veiligheidsmachtiging nodig', [
      'sensoren',
      'nee, niet iedereen',
      'ja',
      'ja',
    ]);
    expectOutcome(t, {
      risk: ['high'],
      steps: ['defra-conditions', 'team-nationality', 'security-clearance', 'export-results'],
      phrases: ['veiligheidsofficier', 'navo'],
      duties: ['defra-nationality', 'classified-information', 'dual-use-export-licence', 'intangible-transfer', 'criminal-liability'],
      notAsked: ['ask-programme', 'ask-classified'],
    });
  });

  it('defence money from a non-allied government calls for greater caution', () => {
    const t = converse('defence-funding', 'A foreign defence ministry offers military funding for our radar research', [
      'a government from elsewhere',
      'China',
      'none',
      'yes',
      'no',
      'no',
    ]);
    expectOutcome(t, { risk: ['high'], steps: ['non-allied-caution'], phrases: ['sovereignty'] });
    expect(t.asked).toContain('ask-country');
  });
});
