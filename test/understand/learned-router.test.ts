// The router learned from examples (issue 12 items 1-3): off-topic gets "I can only help with …",
// knowledge questions reach the FAQ, an unsure router asks with the right option in the menu,
// and a miss is fixed by adding an example, not by tuning a weight.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUnderstander } from '../../src/understand/index.js';
import { loadContent } from '../../src/content/load.js';
import { checkRouterPlaybooks } from '../../src/understand/check-playbooks.js';
import { menuOf } from '../../src/understand/evaluate.js';
import { loadUnderstandContent } from '../../src/understand/load.js';

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

  // Hard negatives: a defence or security word in a question about teaching, elections, lab
  // safety paperwork, moving samples between Belgian campuses or a funding calendar.
  it.each([
    'I teach an elective on the history of the Korean War, can I get the bigger room on Mondays?',
    'hoe citeer ik een nota van het ministerie van Defensie uit 1962 in mijn thesis?',
    'when do the candidates for rector present themselves to the staff?',
    'onze stalen liggen per vergissing in Hasselt, kan de koerier ze naar Leuven brengen?',
    'who approves the yearly biosafety report of our BSL-2 lab?',
    'wanneer is de volgende indiendatum voor een FWO-project?',
  ])('"%s" is not a research security question', (text) => {
    const r = u.route(text);
    expect(r.playbook).toBeNull();
  });

  it('a partner in the news for human rights abuses is a partner check, also when we send them samples', () => {
    expect(u.route('a report says the sequencing firm we send our samples to helped the police profile an ethnic minority, can we continue?').playbook).toBe(
      'partner-check',
    );
    expect(u.route('volgens Amnesty liet onze partneruniversiteit protesterende studenten oppakken, wat betekent dat voor ons project?').playbook).toBe(
      'partner-check',
    );
  });

  it('a hiring committee weighing a candidate from a defence university is a hire, not a partner check', () => {
    const r = u.route(
      'I chair the committee for an assistant professor post in robotics; our top candidate did her PhD at Beihang. What should the committee check?',
    );
    expect(r.playbook).toBe('hire-military-background');
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
  }, 300_000);
});

describe('a spent blind set teaches the router', () => {
  it('the questions of content/understand/examples/questions/ are learned like examples, and a label naming no playbook fails the content check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'understand-questions-'));
    cpSync(join(root, 'content'), dir, { recursive: true });
    const probe = 'quibbly wompers for our snorkel institute, ok?';
    expect(createUnderstander({ contentDir: dir }).route(probe).playbook).not.toBe('visiting-researcher');
    const file = join(dir, 'understand', 'examples', 'questions', 'blind-z.yaml');
    const questions = [
      'a quibbly womper would like to stay at our snorkel institute for three months',
      'een quibbly womper wil een jaar bij ons snorkel institute komen werken',
      'hosting a quibbly womper in the snorkel institute next term',
    ];
    const yaml = (playbook: string) =>
      `source: eval/blind/routing-z.yaml\nquestions:\n${questions.map((q, i) => `  - { q: "${q}", lang: ${i === 1 ? 'nl' : 'en'}, playbook: ${playbook} }`).join('\n')}\n`;
    writeFileSync(file, yaml('visiting-researcher'));
    expect(createUnderstander({ contentDir: dir }).route(probe).playbook).toBe('visiting-researcher');
    writeFileSync(file, yaml('visiting-scholar'));
    const problems = checkRouterPlaybooks(loadUnderstandContent(dir), loadContent().playbooks);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/questions\/blind-z\.yaml: no playbook "visiting-scholar"/);
  }, 300_000);
});
