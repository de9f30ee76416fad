// The router learned from examples (issue 12 items 1-3): off-topic gets "I can only help with …",
// knowledge questions reach the FAQ, an unsure router asks with the right option in the menu,
// and a miss is fixed by adding an example, not by tuning a weight.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUnderstander } from '../../src/understand/index.js';
import { menuOf } from '../../src/understand/evaluate.js';

const root = join(import.meta.dirname, '../..');
const u = createUnderstander();

describe('off-topic and general questions', () => {
  it.each([
    "what's the weather like this weekend?",
    'my VPN keeps dropping, who can fix it?',
    'How do I get my travel costs for the Lisbon conference reimbursed?',
    'how do I export my EndNote library to Zotero?',
    'hoe exporteer ik mijn Qualtrics-resultaten naar Excel?',
    'wie regelt de terugbetaling van mijn treinticket?',
  ])('"%s" is off-topic, said without asking', (text) => {
    const r = u.route(text);
    expect(r.playbook).toBeNull();
    expect(r.clarify).toBe(false);
    expect(r.alternatives).toEqual([]);
    expect(r.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it.each([
    'What is dual use exactly?',
    'wat is kritieke technologie?',
    'who is our contact point for research security?',
    'zijn Chinese universiteiten verboden terrein?',
  ])('a knowledge question reaches the FAQ: "%s"', (text) => {
    expect(u.route(text).playbook).toBe('faq');
  });

  it('a single word "export" does not take over', () => {
    expect(u.route('Qualtrics export keeps failing').playbook).toBeNull();
    expect(u.route('can I export our drone software to a partner in Turkey?').playbook).toBe('export-control');
  });
});

describe('asking instead of guessing', () => {
  it('explains the decision with the keyword evidence', () => {
    const r = u.route('mag een gastonderzoeker met een CSC-beurs in ons labo komen werken?');
    expect(r.playbook).toBe('visiting-researcher');
    expect(r.why.join('\n')).toMatch(/evidence: .*(visiting|scholarship|csc)/);
  });

  it('when it asks, the menu holds at most three playbooks, best first', () => {
    const r = u.route('china');
    expect(r.clarify).toBe(true);
    expect(menuOf(r).length).toBeGreaterThanOrEqual(2);
    expect(menuOf(r).length).toBeLessThanOrEqual(3);
  });

  it('routes the same text the same way every time (deterministic training)', () => {
    const again = createUnderstander();
    const text = 'samenwerken met een Turks bedrijf rond AI voor drones';
    expect(again.route(text)).toEqual(u.route(text));
  });
});

describe('content authors fix a miss with an example', () => {
  it('a new example changes the routing of similar text, and the model is retrained for it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'understand-content-'));
    cpSync(join(root, 'content'), dir, { recursive: true });
    const probe = 'the zorblax protocol for our frobnication lab, thoughts?';
    const before = createUnderstander({ contentDir: dir }).route(probe);
    expect(before.playbook).not.toBe('export-control');
    const file = join(dir, 'understand', 'examples', 'export-control.yaml');
    const text = readFileSync(file, 'utf8').replace(
      '  en:\n',
      '  en:\n    - "may I send the zorblax protocol to a frobnication lab abroad?"\n    - "zorblax protocol for frobnication, licence needed?"\n    - "sharing zorblax with a frobnication lab outside the EU"\n',
    );
    writeFileSync(file, text);
    const after = createUnderstander({ contentDir: dir }).route(probe);
    expect(after.playbook).toBe('export-control');
  }, 120_000);
});
