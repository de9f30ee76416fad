// Transcripts of the guideline's hiring cases: a doctoral candidate from the Iranian military, and an
// applicant from a university involved in Iran's nuclear programme (asked in Dutch).
import { describe, expect, it } from 'vitest';
import { answerOf, converse, expectOutcome } from './cases-harness.js';

describe('hire-military-background: the guideline cases', () => {
  it('a doctoral candidate who served in the Iranian army, for stress detection with sensors and brain implants', () => {
    const t = converse(
      'hire-military-background',
      'I want to hire a doctoral candidate who served in the Iranian army, for research on detecting stress and emotions via sensors or brain implants',
      [
        'military research on this very topic',
        { click: 'answer:no' },
        'yes',
        'Imam Hossein University',
        'yes, they would',
        { click: 'answer:pending' },
        'none yet',
      ],
    );
    expectOutcome(t, {
      risk: ['high'],
      steps: [
        'check-sanctions-person',
        'review-cv',
        'same-topic',
        'topic-misuse',
        'explain-gaps',
        'interview-previous-institution',
        'interview-funding',
        'interview-actors',
        'prepare-interview',
        'plan-mitigation',
        'committee-application',
      ],
      phrases: ['sanctions list', 'standard service', 'gaps', 'previous institution or research environment', 'government, military or industry'],
      duties: ['committee-application', 'reporting-obligation'],
      measures: ['shield-strategic-projects'],
      notAsked: ['ask-country', 'ask-domain'],
    });
    expect(answerOf(t, 'ask-country')).toEqual({ value: 'IR', inferred: true });
    expect(answerOf(t, 'ask-background')?.value).toBe('defence-research-topic');
    expect(t.outcome.flags.map((f) => f.id)).toEqual(expect.arrayContaining(['military-research-same-topic', 'higher-risk-country', 'cv-gaps']));
    expect(t.outcome.escalate).toBe(true);
  });

  it('standard military service and nothing else stays below high, and still lists the interview questions', () => {
    const t = converse('hire-military-background', 'We want to hire a postdoc from Brazil who did his compulsory military service', [
      'none of these',
      'gewone legerdienst',
      'nope',
      'no',
      'Universidade de São Paulo',
      'no',
      'granted',
      'all three',
    ]);
    expect(['low', 'medium']).toContain(t.outcome.risk);
    const ids = t.outcome.steps.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['interview-previous-institution', 'interview-funding', 'interview-actors', 'review-cv']));
    expect(ids).not.toContain('same-topic');
    expect(ids).not.toContain('prepare-interview');
    expect(t.outcome.duties.map((d) => d.id)).not.toContain('reporting-obligation');
  });

  it('an applicant from a university involved in the Iranian nuclear programme (Dutch)', () => {
    const t = converse(
      'hire-military-background',
      'Een kandidaat voor een vacature komt van een universiteit die rechtstreeks betrokken is bij het Iraanse kernprogramma. Is die welkom?',
      ['halfgeleiders', 'weet niet', 'nee', 'Sharif University of Technology', 'ja', 'geweigerd', 'enkele'],
    );
    expectOutcome(t, {
      risk: ['high'],
      steps: ['iran-institution', 'check-previous-institution', 'still-connected', 'visa-refused', 'committee-application'],
      phrases: ['nucleaire programma', 'visum'],
      duties: ['committee-application', 'reporting-obligation'],
      notAsked: ['ask-country', 'ask-background'],
    });
    expect(answerOf(t, 'ask-background')).toEqual({ value: 'institution-of-concern', inferred: true });
    expect(t.state.lang).toBe('nl');
  });
});
