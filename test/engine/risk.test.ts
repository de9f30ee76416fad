// The risk rule of content/rules.yaml, applied to flag combinations.
import { describe, expect, it } from 'vitest';
import { decideEscalation } from '../../src/engine/escalation-rule.js';
import { assessRisk, type SituationFacts } from '../../src/engine/risk.js';
import type { FlagView } from '../../src/engine/types.js';
import { testEngine } from '../helpers/engine.js';

const flag = (id: string, dimension: string, severity: FlagView['severity']): FlagView => ({ id, label: id, dimension, severity });
const rules = () => testEngine().content.rules;
const situation = (flags: FlagView[], extra: Partial<SituationFacts> = {}): SituationFacts => ({
  flags,
  requiredDuty: false,
  licenceDuty: false,
  listHit: false,
  openPoints: false,
  ...extra,
});

describe('risk rule (content/rules.yaml)', () => {
  it('one element alone is low', () => {
    expect(assessRisk(rules(), situation([flag('critical-technology', 'topic', 'concern')])).risk).toBe('low');
  });
  it('two elements make it medium, with the rule that says so', () => {
    const r = assessRisk(rules(), situation([flag('critical-technology', 'topic', 'concern'), flag('higher-risk-country', 'country', 'concern')]));
    expect(r.risk).toBe('medium');
    expect(r.rule.id).toBe('two-elements');
  });
  it('three elements, or a serious sign with a second element, make it high', () => {
    const flags = [
      flag('critical-technology', 'topic', 'concern'),
      flag('higher-risk-country', 'country', 'concern'),
      flag('military-ties', 'partner', 'concern'),
    ];
    expect(assessRisk(rules(), situation(flags)).risk).toBe('high');
    expect(assessRisk(rules(), situation([flag('dual-use', 'topic', 'serious'), flag('military-ties', 'partner', 'concern')])).risk).toBe('high');
    expect(assessRisk(rules(), situation([flag('seven-sons', 'partner', 'blocker')])).rule.id).toBe('restriction-or-sanction');
  });
  it('a serious topic and a country with nothing against the partner is medium, as with the collaboration too (G:84-86, G:103-106)', () => {
    const two = [flag('dual-use', 'topic', 'serious'), flag('higher-risk-country', 'country', 'concern')];
    const r = assessRisk(rules(), situation(two));
    expect(r.risk).toBe('medium');
    expect(r.rule.id).toBe('topic-and-country-clean-partner');
    // More elements never give a lower risk than fewer.
    const three = assessRisk(rules(), situation([...two, flag('online-teaching-outside-eu', 'collaboration', 'concern')]));
    expect(three.risk).toBe('medium');
    expect(three.rule.id).toBe('three-elements-clean-partner');
  });
  it('a serious sign about the partner with only its country is medium; with the topic too it is high (G:102-106)', () => {
    const partnerAndCountry = [flag('military-ties', 'partner', 'serious'), flag('higher-risk-country', 'country', 'concern')];
    const r = assessRisk(rules(), situation(partnerAndCountry));
    expect(r.risk).toBe('medium');
    expect(r.rule.id).toBe('partner-in-its-country');
    expect(assessRisk(rules(), situation([...partnerAndCountry, flag('critical-technology', 'topic', 'concern')])).risk).toBe('high');
  });
  it("human-rights concerns with the partner's country stay high: the human rights test weighs them whatever the topic", () => {
    const flags = [flag('human-rights-concerns', 'partner', 'serious'), flag('higher-risk-country', 'country', 'concern')];
    expect(assessRisk(rules(), situation(flags)).rule.id).toBe('serious-with-second-element');
  });
  it('a Seven Sons rule that bites (FWO, an institutional agreement) makes it high', () => {
    const flags = [flag('fwo-seven-sons', 'partner', 'serious'), flag('higher-risk-country', 'country', 'concern')];
    expect(assessRisk(rules(), situation(flags)).rule.id).toBe('partner-rule-bites');
  });
  it('info flags do not count', () => {
    expect(assessRisk(rules(), situation([flag('stale-screening-data', 'partner', 'info'), flag('x', 'topic', 'concern')])).risk).toBe('low');
  });
  it('a duty that requires the contact point makes it at least medium, never low', () => {
    expect(assessRisk(rules(), situation([], { requiredDuty: true })).risk).toBe('medium');
  });
  it('open points alone do not raise the risk', () => {
    expect(assessRisk(rules(), situation([], { openPoints: true })).risk).toBe('low');
  });
  // A Seven Sons name with nothing else against it is a point of attention (G:128-130): help is offered, not required.
  it('a list hit needs the contact point only where the checks point to a risk', () => {
    const flags = [flag('seven-sons', 'partner', 'serious'), flag('higher-risk-country', 'country', 'concern')];
    const base = { listHit: true, risk: 'medium' as const };
    expect(decideEscalation(rules(), situation(flags, { ...base, pointsToRisk: false })).escalation).toBe('offered');
    expect(decideEscalation(rules(), situation(flags, { ...base, pointsToRisk: true })).rule?.id).toBe('list-hit');
  });
});
