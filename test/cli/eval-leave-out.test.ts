// `advisor eval --leave-out`: an honest figure for a spent blind set needs a router that has not learned it.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/eval.js';

function io() {
  let out = '';
  let err = '';
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { io: { stdin: new PassThrough(), stdout, stderr, env: {} }, text: () => ({ out, err }) };
}

describe('advisor eval --leave-out', () => {
  it('refuses a set the router was never trained on, and says to run it with --set', async () => {
    const t = io();
    expect(await run(['--leave-out', 'eval/blind/routing-never-spent.yaml'], t.io)).toBe(2);
    expect(t.text().err).toMatch(/blind-never-spent\.yaml is not among the spent sets.*--set/);
  });

  it('needs a file', async () => {
    const t = io();
    expect(await run(['--leave-out'], t.io)).toBe(2);
    expect(t.text().err).toContain('usage: advisor eval --leave-out');
  });
});
