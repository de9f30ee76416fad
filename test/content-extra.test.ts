// A playbook and a language added as content only (test/fixtures/content-extra): the web chat over HTTP and
// `advisor chat --jsonl` run them with CONTENT_DIR and DIALOGS_DIR pointing at the content, no code change.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../src/app.js';
import { run as chat } from '../src/cli/commands/chat.js';
import { run as contentCommand } from '../src/cli/commands/content.js';
import { loadConfig } from '../src/config/index.js';
import { loadContent } from '../src/content/load.js';
import { createLogger } from '../src/logger.js';
import { contentWithOverlay } from './helpers/content-overlay.js';

const dirs = contentWithOverlay(join(import.meta.dirname, 'fixtures', 'content-extra'));
const ENV = { CONTENT_DIR: dirs.contentDir, DIALOGS_DIR: dirs.dialogsDir };

async function runCli(command: typeof chat, args: string[], lines: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await command(args, { stdout, stderr, stdin: Readable.from(lines.map((l) => `${l}\n`)), env });
  return { code, out, err };
}

describe('a playbook and a language that only content adds', () => {
  it('are not in the shipped content (the fixture adds them)', () => {
    const shipped = loadContent();
    expect(shipped.playbooks.has('equipment-donation')).toBe(false);
    expect(shipped.languages.map((l) => l.code)).not.toContain('fr');
    const extra = loadContent(dirs);
    expect(extra.playbookOrder.at(-1)).toBe('equipment-donation');
    expect(extra.languages.map((l) => l.code)).toContain('fr');
  });

  it('`advisor content check` passes and lists the French texts still missing', async () => {
    const { code, out } = await runCli(contentCommand, ['check', '--content', dirs.contentDir, '--dialogs', dirs.dialogsDir], [], {});
    expect(code).toBe(0);
    expect(out).toMatch(/Français \(fr\): \d+ of \d+ texts translated, \d+ shown in English/);
    expect(out).toContain('11 playbooks');
  });

  it('`advisor chat --jsonl --lang fr` runs the new playbook in French', async () => {
    const data = mkdtempSync(join(tmpdir(), 'extra-cli-'));
    try {
      const { code, out, err } = await runCli(
        chat,
        ['--jsonl', '--user', 't1', '--lang', 'fr'],
        ['help', "Un don d'équipement de laboratoire", 'Atelier Test SA', 'Une entreprise', 'Japan'],
        { ...ENV, DATA_DIR: data, LOG_LEVEL: 'silent' },
      );
      expect(err).toBe('');
      expect(code).toBe(0);
      const lines = out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { replies: Array<{ text: string; buttons: string[] }>; case: { playbook: string; risk: string } | null });
      expect(lines[0]?.replies.flatMap((r) => r.buttons)).toContain("Un don d'équipement de laboratoire");
      expect(lines[1]?.replies.map((r) => r.text)).toContain('Qui propose le matériel ?');
      expect(lines[3]?.replies.map((r) => r.text)).toContain('Dans quel pays le donateur est-il établi ?');
      const last = lines.at(-1);
      expect(last?.case).toMatchObject({ playbook: 'equipment-donation', risk: 'low' });
      expect(last?.replies.map((r) => r.text).join('\n')).toContain("N'acceptez le don que si vous savez qui le fait");
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
    // A CLI process that trains the router on the fixture content: slow on a busy machine.
  }, 120_000);

  it('`advisor chat` refuses a language the content does not list', async () => {
    const data = mkdtempSync(join(tmpdir(), 'extra-cli-'));
    try {
      const { code, err } = await runCli(chat, ['--jsonl', '--lang', 'fr'], [], { DATA_DIR: data, LOG_LEVEL: 'silent' });
      expect(code).toBe(2);
      expect(err).toContain('--lang takes one of en, nl');
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });

  describe('the web chat', () => {
    let app: RunningApp;
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'extra-web-'));
      const config = { ...loadConfig({ DATA_DIR: dir, OUTBOX_POLL_MS: '100', ...ENV }), PORT: 0 };
      app = await startApp(config, { logger: createLogger('silent') });
    }, 60_000);
    afterAll(async () => {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('offers the new playbook and runs it in French over HTTP', async () => {
      const welcome = await (await fetch(`${app.url}/api/chat/welcome?lang=fr`)).text();
      expect(welcome).toContain("Un don d'équipement de laboratoire");
      let cookie = '';
      const turn = async (body: object): Promise<string> => {
        const res = await fetch(`${app.url}/api/chat/turn`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
          body: JSON.stringify(body),
        });
        expect(res.status).toBe(200);
        cookie ||= (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
        return res.text();
      };
      await turn({ kind: 'lang', lang: 'fr' });
      expect(await turn({ kind: 'card', data: { start: 'equipment-donation' } })).toContain('Qui propose le matériel ?');
      expect(await turn({ kind: 'text', text: 'Northern Test Instruments' })).toContain("Quel type d'organisation est le donateur ?");
      await turn({ kind: 'text', text: 'Une organisation militaire ou de défense' });
      const outcome = await turn({ kind: 'text', text: 'China' });
      expect(outcome).toContain('Un donateur militaire : parlez à votre point de contact');
    });
  });
});
