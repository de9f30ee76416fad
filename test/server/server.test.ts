// The real server in-process (engine, SQLite in a temp folder): health, readiness, the inbox token,
// security headers and request checks, metrics, and who may read a web conversation.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';

const TOKEN = 'test-inbox-token-0123456789';

async function start(env: Record<string, string>): Promise<{ app: RunningApp; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'advisor-server-'));
  const config = { ...loadConfig({ DATA_DIR: dir, OUTBOX_POLL_MS: '100', ...env }), PORT: 0 };
  return { app: await startApp(config, { logger: createLogger('silent') }), dir };
}

function cookieOf(res: Response): string {
  return (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
}

describe('an open server on 127.0.0.1', () => {
  let app: RunningApp;
  let dir: string;
  beforeAll(async () => ({ app, dir } = await start({})), 60_000);
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; checks: unknown; screening: { lists: Array<{ id: string; ageDays: number }>; missing: string[] } };
    expect(body).toMatchObject({ status: 'ready', checks: { store: 'ok', 'store-integrity': 'ok', content: 'ok', accepting: 'ok' } });
    // Which lists are loaded and how old they are; with no sanctions data, that sanctions were not screened.
    expect(body.screening.lists.map((l) => l.id)).toEqual(['seven-sons', 'chinese-military', 'restricted']);
    expect(body.screening.lists.every((l) => Number.isInteger(l.ageDays))).toBe(true);
    expect(body.screening.missing).toContain('sanction');
  });

  it('serves the chat page with a strict CSP and the inbox without a token', async () => {
    const page = await fetch(`${app.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).not.toMatch(/<script>(?!\s*<\/script>)/);
    expect((await fetch(`${app.url}/inbox`)).status).toBe(200);
  });

  it('refuses writes from other sites and unknown host names', async () => {
    const crossSite = await fetch(`${app.url}/api/chat/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ kind: 'text', text: 'hello' }),
    });
    expect(crossSite.status).toBe(403);
    // fetch() will not send a foreign Host header; node:http will, as a rebinding attacker's browser would.
    const status = await new Promise<number>((resolve, reject) => {
      request(`${app.url}/inbox`, { headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
  });

  it('rejects malformed and oversized turns', async () => {
    const post = (body: string) => fetch(`${app.url}/api/chat/turn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect((await post(JSON.stringify({ kind: 'text', text: '' }))).status).toBe(400);
    expect((await post(JSON.stringify({ kind: 'card', data: { caseAction: 'close', caseId: 'x' } }))).status).toBe(400);
    expect((await post(JSON.stringify({ kind: 'text', text: 'x'.repeat(40_000) }))).status).toBe(413);
  });

  it('counts a turn in /metrics and keeps each conversation to its own browser', async () => {
    const turn = await fetch(`${app.url}/api/chat/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'text', text: 'I want to collaborate on drone technology with a university in China. Is that possible?', lang: 'en' }),
    });
    expect(turn.status).toBe(200);
    const body = (await turn.json()) as { messages: Array<{ card: { type: string } }> };
    expect(body.messages.length).toBeGreaterThan(0);
    expect(body.messages[0]?.card.type).toBe('AdaptiveCard');
    const session = cookieOf(turn);
    expect(session).toMatch(/^advisor_session=/);

    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toContain('advisor_turns_total{channel="web",result="ok"} 1');
    expect(metrics).toMatch(/advisor_turn_duration_seconds_count\{channel="web"\} 1/);
    expect(metrics).toContain('# TYPE advisor_delivery_failures_total counter');

    // Without the cookie nothing can be read; with a made-up one, nothing either.
    expect(await (await fetch(`${app.url}/api/chat/notices?after=0`)).json()).toEqual({ notices: [] });
    const other = await fetch(`${app.url}/api/chat/notices?after=0`, { headers: { cookie: `advisor_session=${'A'.repeat(43)}` } });
    expect(await other.json()).toEqual({ notices: [] });
  });

  it('stops being ready when the store is gone', async () => {
    await app.store.close();
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: { store: string } }).checks.store).toBe('failing');
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});

describe('a server with INBOX_TOKEN', () => {
  let app: RunningApp;
  let dir: string;
  beforeAll(async () => ({ app, dir } = await start({ INBOX_TOKEN: TOKEN })), 60_000);
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the inbox closed without the token', async () => {
    const page = await fetch(`${app.url}/inbox`, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/inbox/login');
    expect((await fetch(`${app.url}/inbox/api/cases`, { headers: { accept: 'application/json' } })).status).toBe(401);
    const wrong = await fetch(`${app.url}/inbox/api/cases`, { headers: { authorization: 'Bearer not-the-token-at-all' } });
    expect(wrong.status).toBe(401);
    const post = await fetch(`${app.url}/inbox/cases/RS-1/take`, { method: 'POST', redirect: 'manual' });
    expect(post.status).toBe(401);
  });

  it('opens with the bearer token, or after the login form', async () => {
    const api = await fetch(`${app.url}/inbox/api/cases`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(api.status).toBe(200);
    expect(await api.json()).toEqual({ cases: [] });

    const failed = await fetch(`${app.url}/inbox/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=wrong',
    });
    expect(failed.headers.get('location')).toBe('/inbox/login?failed=1');
    expect(failed.headers.getSetCookie()).toEqual([]);

    const login = await fetch(`${app.url}/inbox/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${encodeURIComponent(TOKEN)}`,
    });
    expect(login.status).toBe(303);
    const cookie = cookieOf(login);
    expect(cookie).toMatch(/^advisor_inbox=/);
    expect(cookie).not.toContain(TOKEN);
    expect(login.headers.getSetCookie()[0]).toMatch(/HttpOnly/);
    const page = await fetch(`${app.url}/inbox`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Research security inbox');
  });
});
