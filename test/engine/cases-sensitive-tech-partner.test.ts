// Transcript of the guideline's drone case: drone technology with a university in China.
import { describe, expect, it } from 'vitest';
import { answerOf, converse, expectOutcome } from './cases-harness.js';

describe('sensitive-tech-partner: the drone / China case', () => {
  it('drone technology with a Chinese university, listed items, applied research', () => {
    const t = converse('sensitive-tech-partner', 'I want to collaborate on drone technology with a university in China. Is that possible?', [
      'Zhejiang University',
      'yes',
      'applied, we build a prototype',
      { click: 'answer:no' },
      'no',
      'software and designs',
    ]);
    expectOutcome(t, {
      risk: ['high'],
      steps: ['check-dual-use-list', 'no-sharing-before-licence', 'check-sanctions', 'check-risk-lists', 'check-military-human-rights', 'plan-mitigation', 'committee-application'],
      phrases: ['export licence', 'opensanctions', 'named research organisations', 'military activities'],
      duties: ['dual-use-export-licence', 'intangible-transfer', 'criminal-liability', 'reporting-obligation', 'committee-application'],
      notAsked: ['ask-domain', 'ask-partner-kind', 'ask-country'],
    });
    expect(answerOf(t, 'ask-country')).toEqual({ value: 'CN', inferred: true });
  });

  it('a Seven Sons partner named in Dutch ends high with the institutional restrictions as duties', () => {
    const t = converse('sensitive-tech-partner', 'Ik wil samenwerken rond dronetechnologie met een universiteit in China. Kan dat?', [
      'Beihang University',
      'weet niet',
      'fundamenteel',
      'nee',
      'enkel publicaties',
    ]);
    expectOutcome(t, {
      risk: ['high'],
      steps: ['seven-sons-no-agreement', 'no-sharing-before-licence'],
      // The Seven Sons hit already decides (high, contact point required); whether an agreement is signed is a point to check.
      duties: ['reporting-obligation'],
      notAsked: ['ask-domain', 'ask-country', 'ask-military-ties'],
    });
    expect(t.outcome.flags.map((f) => f.id)).toContain('seven-sons');
    expect(t.outcome.openPoints.map((p) => p.id)).toContain('check-universities-seven-sons');
  });
});
