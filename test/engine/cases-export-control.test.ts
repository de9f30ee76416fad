// Transcripts of export control: an online lecture with participants outside the EU, a shipment of
// listed items, and an intra-EU transfer of cryptanalysis know-how.
import { describe, expect, it } from 'vitest';
import { answerOf, converse, expectOutcome } from './cases-harness.js';

describe('export-control', () => {
  it('an online lecture on dual-use technology with participants from outside the EU', () => {
    const t = converse('export-control', 'Next month I give an online lecture on our laser technology with participants from outside the EU', [
      'India',
      'know-how',
      'yes',
      'yes, it is listed',
      'IIT Madras',
      'no',
    ]);
    expectOutcome(t, {
      risk: ['high'],
      steps: ['determine-listed', 'licence-before-sharing', 'intangible-is-export', 'lecture-outside-eu', 'check-sanctions', 'criminal-liability'],
      phrases: ['flemish or brussels government', 'online with participants from outside the eu', 'criminally liable'],
      duties: ['dual-use-export-licence', 'intangible-transfer', 'lecture-outside-eu', 'criminal-liability', 'reporting-obligation'],
      notAsked: ['ask-channel'],
    });
    expect(answerOf(t, 'ask-channel')).toEqual({ value: 'lecture', inferred: true });
  });

  // "Not sure" whether it is listed: no licence duty (that is for listed items, G:337-341), but the reporting
  // obligation (dual-use possible, G:722-725) and an open point to check.
  it('unsure whether samples are listed: medium, report it, the listing is an open point', () => {
    const t = converse('export-control', 'I want to ship samples of a new ceramic material to a lab in the United States', [
      'samples',
      { click: 'answer:shipment' },
      'ja',
      'weet niet',
      'MIT',
      'no',
    ]);
    expectOutcome(t, {
      risk: ['medium'],
      steps: ['determine-listed', 'licence-before-sharing', 'check-sanctions'],
      duties: ['reporting-obligation'],
      noDuties: ['dual-use-export-licence', 'intangible-transfer', 'criminal-liability'],
      notAsked: ['ask-country'],
    });
    expect(t.outcome.escalate).toBe(true);
    expect(t.outcome.escalation).toBe('required');
    expect(t.outcome.openPoints.map((p) => p.id)).toContain('open-ask-listed');
  });

  it('cryptanalysis know-how to another EU country needs an intra-EU licence (Dutch)', () => {
    const t = converse('export-control', 'Mag ik onze cryptanalyse-software mailen naar een collega in Duitsland? Is daar een exportvergunning voor nodig?', [
      'software',
      'per e-mail',
      'nee, iedereen zit binnen de EU',
      'weet niet',
      'ja',
      'TU München',
      'nee',
    ]);
    expectOutcome(t, {
      risk: ['medium', 'high'],
      steps: ['intra-eu-licence', 'criminal-liability'],
      phrases: ['cryptanalyse'],
      duties: ['intra-eu-licence', 'criminal-liability'],
      noDuties: ['dual-use-export-licence', 'lecture-outside-eu'],
    });
  });
});
