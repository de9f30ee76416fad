// Transcripts of the guideline's fieldwork case: a Belgian doctoral student studying minority languages
// in the public sphere in China, with photos, video and interviews.
import { describe, expect, it } from 'vitest';
import { answerOf, converse, expectOutcome } from './cases-harness.js';

describe('fieldwork-abroad: the minority languages case', () => {
  it('photos, video and interviews with minority groups in China, no burner devices', () => {
    const t = converse(
      'fieldwork-abroad',
      'My Belgian doctoral student wants to do fieldwork on the use of minority languages in the public sphere in China. She will collect photo and video material and interview people from minority groups.',
      ['photos and video', 'yes', 'not sure', 'warnings', 'nope'],
    );
    expectOutcome(t, {
      risk: ['high'],
      steps: ['review-design', 'guarantee-anonymity', 'authoritarian-caution', 'encrypt-and-vpn', 'travel-advice', 'contact-point'],
      phrases: ['photo and video', 'number of respondents', 'pseudonymise', 'vpn', 'demonstrations', 'travel restrictions'],
      measures: ['minimise-data-collection', 'anonymise-participants', 'encrypt-and-vpn', 'check-travel-advice'],
      notAsked: ['ask-country', 'ask-subject'],
    });
    expect(t.outcome.steps.map((s) => s.id)).not.toContain('burner-devices');
    expect(answerOf(t, 'ask-subject')).toEqual({ value: 'sensitive', inferred: true });
    expect(t.outcome.assessment.toLowerCase()).toContain('authoritarian');
  });

  it('in Dutch, with burner devices available, an anonymous survey and no travel warnings', () => {
    const t = converse('fieldwork-abroad', 'Ik wil veldwerk doen in Turkije over de steun voor hernieuwbare energie', [
      'niet gevoelig',
      'enkel een anonieme enquête',
      'nee',
      'niets bijzonders',
      'ja',
    ]);
    expect(t.asked).not.toContain('ask-identifiable');
    const ids = t.outcome.steps.map((s) => s.id);
    expect(ids).toContain('burner-devices');
    expect(ids).not.toContain('encrypt-and-vpn');
    expect(['low', 'medium']).toContain(t.outcome.risk);
    expect(t.outcome.steps.find((s) => s.id === 'travel-advice')?.text).toContain('Diplomatie België');
  });
});
