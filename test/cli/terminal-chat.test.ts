// The terminal chat (issue 13 item 11): Markdown as terminal text, lines wrapped at word boundaries, and a
// contact point's message shown when it arrives, without waiting for the next line typed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { markdownToTerminal, wrapText } from '../../src/channels/cli/terminal-text.js';
import { run } from '../../src/cli/commands/chat.js';
import { freshState } from '../../src/engine/state.js';
import { openStore, storeLocationFromEnv } from '../../src/store/index.js';
import { caseRecord, T0 } from '../store/fixtures.js';

describe('terminal text', () => {
  it('renders Markdown as terminal text', () => {
    const text = markdownToTerminal('# Next steps\n- **Talk** to your _contact point_ first\n- see [the guideline](https://www.vlir.be/x)');
    expect(text).toBe('Next steps\n----------\n• Talk to your contact point first\n• see the guideline <https://www.vlir.be/x>');
  });

  it('wraps at word boundaries and keeps continuation lines under their bullet', () => {
    const wrapped = wrapText('• The partner is one of the Seven Sons of National Defence; talk to your contact point before anything else.', 40);
    const lines = wrapped.split('\n');
    expect(lines.every((l) => l.length <= 40)).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith('  ') && !l.startsWith('   '))).toBe(true);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toBe(
      '• The partner is one of the Seven Sons of National Defence; talk to your contact point before anything else.',
    );
  });
});

describe('advisor chat in a terminal', () => {
  it("shows a contact point's message while the researcher is not typing", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'advisor-cli-'));
    const env = { DATA_DIR: dir, LOG_LEVEL: 'silent' };
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const done = run(['--user', 't1'], { stdin, stdout, stderr: new PassThrough(), env });
    stdin.write('hello\n');
    const until = async (text: string): Promise<void> => {
      for (let i = 0; i < 100 && !out.includes(text); i++) await new Promise((r) => setTimeout(r, 100));
    };
    await until('> ');
    const store = await openStore(storeLocationFromEnv(env));
    await store.appendNotices('cli:t1', [{ kind: 'text', text: 'Your contact point asks: which lab is involved?' }], new Date().toISOString());
    await store.close();
    await until('which lab is involved?');
    expect(out).toContain('which lab is involved?');
    stdin.end();
    expect(await done).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('"forget me" in the terminal names the cases that stay with the institution', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'advisor-cli-'));
    const env = { DATA_DIR: dir, LOG_LEVEL: 'silent' };
    // A case t1 sent earlier from the terminal.
    const store = await openStore(storeLocationFromEnv(env));
    await store.migrate();
    const sent = caseRecord('c1', { userId: 't1' });
    sent.researcher = { ...sent.researcher, channel: 'cli', conversationKey: 'cli:t1', address: { userId: 't1' } };
    await store.commitTurn({
      key: 'cli:t1',
      channel: 'cli',
      userId: 't1',
      address: { userId: 't1' },
      expectedVersion: null,
      state: freshState('en'),
      at: T0,
      newCases: [sent],
    });
    await store.close();
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const done = run(['--user', 't1'], { stdin, stdout, stderr: new PassThrough(), env });
    stdin.end('forget me\n');
    expect(await done).toBe(0);
    expect(out.replace(/\s+/g, ' ')).toContain(`Cases already sent stay with your institution, as its retention rules say: ${sent.ref}.`);
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);
});
