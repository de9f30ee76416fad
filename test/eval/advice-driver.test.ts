// The advice evaluation driver (npm run eval:advice): its flags choose the set and the scenarios, and a scenario
// whose outcome breaks an expectation is reported as a failure with the reason. The figures in the closing notes
// come from this driver, so it must not pass what it should fail.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const SET = 'test/eval/fixtures/advice-two.yaml';
const runDriver = (...args: string[]): string =>
  execFileSync(process.execPath, ['bin/run-ts.js', 'eval/advice/run.ts', '--set', SET, ...args], { encoding: 'utf8', timeout: 120_000 });

describe('advice evaluation driver', () => {
  it('scores every scenario of a set and explains each failure', () => {
    const out = runDriver();
    expect(out).toMatch(/^ok {3}T01 en /m);
    // A Seven Sons university on an FWO project is not low risk, and the outcome names the Seven Sons.
    expect(out).toMatch(/^FAIL T02 en .*risk (medium|high), expected low/m);
    expect(out).toMatch(/claims "seven sons"/);
    expect(out).toContain('advice right 1/2 (50.0 %)');
  }, 180_000);

  it('--only plays just the scenarios named, and --outcome shows the failing outcome', () => {
    const out = runDriver('--only', 'T02', '--outcome');
    expect(out).not.toMatch(/T01/);
    expect(out).toContain('advice right 0/1');
    expect(out).toMatch(/^ {7}\| /m);
  }, 180_000);
});
