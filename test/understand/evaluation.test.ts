// The router against the public evaluation set, the held-out paraphrases and a second blind set.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUnderstander } from '../../src/understand/index.js';
import { evaluateSet, loadEvalSet, offTopicPrecision, ratio, recall, shortfalls, TARGETS } from '../../src/understand/evaluate.js';

const root = join(import.meta.dirname, '../..');
const understander = createUnderstander();

describe('evaluation sets', () => {
  it('meets the gates of npm run eval on the public set and the paraphrases', () => {
    const pub = evaluateSet(understander, 'public', loadEvalSet(join(root, 'eval/routing.yaml')));
    expect(shortfalls(pub, TARGETS.public)).toEqual([]);
    const para = evaluateSet(understander, 'paraphrases', loadEvalSet(join(root, 'eval/paraphrases.yaml')));
    expect(shortfalls(para, TARGETS.paraphrases)).toEqual([]);
  });

  it.each([
    'eval/paraphrases.yaml',
    'test/understand/fixtures/blind.yaml',
    'test/understand/fixtures/blind-2.yaml',
    'test/understand/fixtures/after-tuning.yaml',
  ])('gets at least 95 percent of %s right in each language, rarely starts a wrong playbook and finds the facts', (file) => {
    const report = evaluateSet(understander, file, loadEvalSet(join(root, file)));
    expect(ratio(report.overall.top1)).toBeGreaterThanOrEqual(0.95);
    expect(ratio(report.overall.oneClick)).toBeGreaterThanOrEqual(0.97);
    expect(ratio(report.overall.confidentlyWrong)).toBeLessThanOrEqual(0.02);
    expect(offTopicPrecision(report)).toBeGreaterThanOrEqual(0.9);
    for (const lang of ['en', 'nl']) {
      const g = report.byLang[lang];
      expect(g?.top1.total ?? 0).toBeGreaterThan(10);
      expect(ratio(g?.top1 ?? { total: 0, correct: 0 })).toBeGreaterThanOrEqual(0.95);
    }
    expect(recall(report.countries)).toBeGreaterThanOrEqual(0.95);
    expect(recall(report.domains)).toBeGreaterThanOrEqual(0.95);
  });

  it('is right about as often as it says: confident answers are right, unsure ones ask', () => {
    const items = ['eval/paraphrases.yaml', 'test/understand/fixtures/blind-2.yaml'].flatMap((f) => loadEvalSet(join(root, f)));
    const report = evaluateSet(understander, 'calibration', items);
    const sure = report.reliability.filter((b) => b.lo >= 0.9);
    const n = sure.reduce((x, b) => x + b.total, 0);
    const right = sure.reduce((x, b) => x + b.correct, 0);
    expect(n).toBeGreaterThan(items.length / 2);
    expect(right / n).toBeGreaterThanOrEqual(0.97);
  });

  it('keeps blind-2 half Dutch, half English, with off-topic and knowledge questions', () => {
    const items = loadEvalSet(join(root, 'test/understand/fixtures/blind-2.yaml'));
    expect(items.length).toBeGreaterThanOrEqual(160);
    const nl = items.filter((i) => i.lang === 'nl').length;
    const en = items.filter((i) => i.lang === 'en').length;
    expect(nl + en).toBe(items.length);
    expect(Math.abs(nl - en)).toBeLessThan(items.length * 0.1);
    expect(items.filter((i) => i.playbooks.length === 0 || i.playbooks.includes(null)).length).toBeGreaterThanOrEqual(15);
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
