// `advisor content review`: every playbook path with its outcome and the rule that set the risk.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/review.js';
import { reviewPaths } from '../../src/cli/commands/review-paths.js';
import { testEngine } from '../helpers/engine.js';

describe('advisor content review', () => {
  it('lists paths of a playbook, each with a risk rule that exists in content/rules.yaml or the playbook', () => {
    const engine = testEngine();
    const paths = reviewPaths(engine, 'partner-check', 'en');
    expect(paths.length).toBeGreaterThan(5);
    const ruleIds = new Set(engine.content.rules.risk.map((r) => r.id));
    for (const p of paths) {
      const rule = p.outcome.riskBasis?.rule ?? '';
      expect(ruleIds.has(rule) || rule.startsWith('partner-check:'), rule).toBe(true);
      expect(p.answers.length).toBeGreaterThan(0);
    }
    // Both a low and a high outcome are among them.
    expect(new Set(paths.map((p) => p.outcome.risk))).toEqual(new Set(['low', 'medium', 'high']));
  });

  it('writes one HTML document with every playbook', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'review-'));
    const out = join(dir, 'review.html');
    const stdout = new PassThrough();
    let said = '';
    stdout.on('data', (c: Buffer) => (said += c.toString()));
    const code = await run(['--out', out, '--lang', 'nl'], { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: {} });
    expect(code).toBe(0);
    expect(said).toContain('review.html');
    const html = readFileSync(out, 'utf8');
    for (const id of ['partner-check', 'visiting-researcher', 'export-control']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('three-elements');
    expect(html).toContain('Gemiddeld');
  }, 120_000);
});
