// The risk follows the guideline: elements coming together raise it; one element alone does not.
import { describe, expect, it } from 'vitest';
import { assessRisk } from '../../src/engine/risk.js';
import type { FlagView } from '../../src/engine/types.js';
import { Conversation } from '../helpers/engine.js';

const flag = (id: string, dimension: string, severity: FlagView['severity']): FlagView => ({ id, label: id, dimension, severity });

describe('the risk rule', () => {
  it('is low for one element alone, such as a sensitive topic', () => {
    expect(assessRisk([flag('critical-technology', 'topic', 'concern')]).risk).toBe('low');
  });
  it('is medium when two elements come together', () => {
    expect(assessRisk([flag('critical-technology', 'topic', 'concern'), flag('higher-risk-country', 'country', 'concern')]).risk).toBe('medium');
  });
  it('is high when topic, partner and country come together', () => {
    const flags = [flag('a', 'topic', 'concern'), flag('b', 'partner', 'concern'), flag('c', 'country', 'concern')];
    expect(assessRisk(flags).risk).toBe('high');
  });
  it('is high for a serious flag with a second element, and for any blocker', () => {
    expect(assessRisk([flag('dual-use', 'topic', 'serious'), flag('higher-risk-country', 'country', 'concern')]).risk).toBe('high');
    expect(assessRisk([flag('seven-sons', 'partner', 'blocker')]).risk).toBe('high');
  });
  it('ignores informational flags', () => {
    expect(assessRisk([flag('stale-screening-data', 'partner', 'info'), flag('x', 'topic', 'concern')]).risk).toBe('low');
  });
});

describe('risk in a conversation', () => {
  it('drones with a Seven Sons university is high, whatever else is answered', () => {
    const c = new Conversation();
    c.say('I want to collaborate on drone technology with a university in China. Is that possible?');
    c.say('Beihang University');
    for (let q = c.question(); q; q = c.question()) c.click(q.choices[0]?.value ?? '');
    const outcome = c.outcome()?.outcome;
    expect(outcome?.risk).toBe('high');
    expect(outcome?.flags.map((f) => f.id)).toContain('seven-sons');
    expect(outcome?.screening.some((h) => h.list === 'seven-sons' && h.match)).toBe(true);
    expect(outcome?.steps.map((s) => s.id)).toContain('seven-sons-no-agreement');
    expect(outcome?.escalate).toBe(true);
  });

  it('fundamental, published-only work with a partner in Portugal stays low', () => {
    const c = new Conversation();
    c.send({ type: 'start', playbook: 'sensitive-tech-partner' });
    c.click('answer:quantum');
    c.click('answer:university');
    c.say('Portugal');
    c.say('Universidade de Lisboa');
    c.click('answer:no');
    c.click('answer:fundamental');
    c.click('answer:no');
    c.click('answer:no');
    c.click('answer:publications-only');
    const outcome = c.outcome()?.outcome;
    expect(outcome?.risk).toBe('low');
    expect(outcome?.duties.map((d) => d.id)).not.toContain('dual-use-export-licence');
    expect(c.outcome()?.summaryMarkdown).toContain('Universidade de Lisboa');
  });
});
