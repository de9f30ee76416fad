// Issue 13 item 1 and 4 through the real server: the conversation lives on the server, so a second tab
// (the same cookie, no sessionStorage) and a reload read it; another browser reads nothing; "forget me" empties it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';

interface History {
  entries: Array<{ seq: number; who: string; text?: string; messages?: unknown[] }>;
  known: boolean;
  cases: unknown[];
}

describe('the web conversation on the server', () => {
  let app: RunningApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'advisor-history-'));
    app = await startApp({ ...loadConfig({ DATA_DIR: dir, OUTBOX_POLL_MS: '100' }), PORT: 0 }, { logger: createLogger('silent') });
  }, 60_000);
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const turn = (cookie: string | undefined, body: Record<string, unknown>) =>
    fetch(`${app.url}/api/chat/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const history = async (cookie: string, after = 0): Promise<History> =>
    (await (await fetch(`${app.url}/api/chat/history?after=${after}`, { headers: { cookie } })).json()) as History;

  it('gives every tab of the browser the same transcript, and no other browser any of it', async () => {
    const first = await turn(undefined, { kind: 'text', text: 'I want to hire a PhD candidate from Iran' });
    const cookie = (first.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^advisor_session=/);
    await turn(cookie, { kind: 'card', data: { action: 'not-a-real-choice' }, label: 'I am not sure' });

    const tab2 = await history(cookie);
    expect(tab2.known).toBe(true);
    expect(tab2.entries.filter((e) => e.who === 'me').map((e) => e.text)).toEqual(['I want to hire a PhD candidate from Iran', 'I am not sure']);
    expect(tab2.entries.filter((e) => e.who === 'bot').length).toBe(2);
    const last = tab2.entries.at(-1)?.seq ?? 0;
    expect((await history(cookie, last)).entries).toEqual([]);

    const stranger = await history(`advisor_session=${'B'.repeat(43)}`);
    expect(stranger.entries).toEqual([]);
  });

  it('"forget me" empties the server history and tells the page to clear the screen', async () => {
    const first = await turn(undefined, { kind: 'text', text: 'hello' });
    const cookie = (first.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const before = await history(cookie);
    expect(before.entries.length).toBeGreaterThan(0);
    const forget = (await (await turn(cookie, { kind: 'text', text: 'forget me' })).json()) as { reset?: boolean; messages: unknown[] };
    expect(forget.reset).toBe(true);
    // Nothing was sent from this browser, and the reply says so (the e2e forgets a browser with cases).
    expect(JSON.stringify(forget.messages)).toContain('You had sent no case to a contact point, so nothing of it stays with your institution.');
    const after = await history(cookie, before.entries.at(-1)?.seq ?? 0);
    expect(after.known).toBe(false);
    expect(after.entries).toEqual([]);
  });
});

describe('the chat page language', () => {
  let app: RunningApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'advisor-lang-'));
    app = await startApp({ ...loadConfig({ DATA_DIR: dir }), PORT: 0 }, { logger: createLogger('silent') });
  }, 60_000);
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('speaks Dutch to a Dutch browser and English to an English one, with the switch on both', async () => {
    const nl = await (await fetch(`${app.url}/`, { headers: { 'accept-language': 'nl-BE,nl;q=0.9,en;q=0.5' } })).text();
    expect(nl).toContain('<html lang="nl"');
    expect(nl).toContain('Adviseur kennisveiligheid');
    expect(nl).toContain('data-lang="en"');
    const en = await (await fetch(`${app.url}/`, { headers: { 'accept-language': 'en-GB' } })).text();
    expect(en).toContain('Research Security Advisor');
    expect(en).toContain('data-lang="nl"');
  });
});

describe('the inbox language', () => {
  let app: RunningApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'advisor-inbox-lang-'));
    app = await startApp({ ...loadConfig({ DATA_DIR: dir }), PORT: 0 }, { logger: createLogger('silent') });
  }, 60_000);
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("follows the contact point's browser, and their switch once chosen", async () => {
    const nl = await (await fetch(`${app.url}/inbox`, { headers: { 'accept-language': 'nl-BE' } })).text();
    expect(nl).toContain('Inbox kennisveiligheid');
    expect(nl).toContain('href="?lang=en"');
    const switched = await fetch(`${app.url}/inbox?lang=en`, { headers: { 'accept-language': 'nl-BE' } });
    expect(await switched.text()).toContain('Research security inbox');
    const cookie = (switched.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const kept = await (await fetch(`${app.url}/inbox`, { headers: { 'accept-language': 'nl-BE', cookie } })).text();
    expect(kept).toContain('Research security inbox');
  });
});
