// The router against the public evaluation set, the held-out paraphrases and a second blind set.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUnderstander } from '../../src/understand/index.js';
import { evaluateSet, loadEvalSet, ratio, recall } from '../../src/understand/evaluate.js';

const root = join(import.meta.dirname, '../..');
const understander = createUnderstander();

describe('evaluation sets', () => {
  it('routes every question of the public set to an accepted playbook, without asking first', () => {
    const report = evaluateSet(understander, 'public', loadEvalSet(join(root, 'eval/routing.yaml')));
    expect(report.failures.filter((f) => !f.expected.includes(f.got))).toEqual([]);
    expect(report.clarified).toBe(0);
    expect(recall(report.countries)).toBeGreaterThanOrEqual(0.95);
    expect(recall(report.domains)).toBeGreaterThanOrEqual(0.95);
  });

  it.each(['eval/paraphrases.yaml', 'test/understand/fixtures/blind.yaml', 'test/understand/fixtures/blind-2.yaml', 'test/understand/fixtures/after-tuning.yaml'])('gets at least 95 percent of %s right in each language', (file) => {
    const report = evaluateSet(understander, file, loadEvalSet(join(root, file)));
    expect(ratio(report.overall)).toBeGreaterThanOrEqual(0.95);
    for (const lang of ['en', 'nl']) {
      const tally = report.byLang[lang];
      expect(tally?.total ?? 0).toBeGreaterThan(10);
      expect(ratio(tally ?? { total: 0, correct: 0 })).toBeGreaterThanOrEqual(0.95);
    }
    expect(recall(report.countries)).toBeGreaterThanOrEqual(0.95);
    expect(recall(report.domains)).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps blind-2 half Dutch, half English, with off-topic and knowledge questions', () => {
    const items = loadEvalSet(join(root, 'test/understand/fixtures/blind-2.yaml'));
    expect(items.length).toBeGreaterThanOrEqual(160);
    const nl = items.filter((i) => i.lang === 'nl').length;
    const en = items.filter((i) => i.lang === 'en').length;
    expect(nl + en).toBe(items.length);
    expect(Math.abs(nl - en)).toBeLessThan(items.length * 0.1);
    expect(items.filter((i) => i.playbooks.includes(null)).length).toBeGreaterThanOrEqual(15);
    expect(items.filter((i) => i.playbooks[0] === 'faq').length).toBeGreaterThanOrEqual(25);
  });

  it('keeps the held-out set half Dutch, half English, and large enough', () => {
    const items = loadEvalSet(join(root, 'eval/paraphrases.yaml'));
    expect(items.length).toBeGreaterThanOrEqual(150);
    const langs = items.map((i) => understander.route(i.q).lang);
    const nl = langs.filter((l) => l === 'nl').length;
    const en = langs.filter((l) => l === 'en').length;
    expect(Math.abs(nl - en)).toBeLessThan(items.length * 0.15);
  });
});
