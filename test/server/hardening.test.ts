// What an IT department checks before putting the advisor on the network: rate limits (429 with
// Retry-After, a message in the chat), server-issued web-chat sessions (a client-chosen id is never
// adopted, the id is rotated when a case is sent), CSRF (Origin: null refused, PUBLIC_URL behind a
// proxy), cache and HSTS headers, and /metrics behind a token.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';

const TOKEN = 'test-inbox-token-0123456789';
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

async function start(env: Record<string, string>): Promise<{ app: RunningApp; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'advisor-hardening-'));
  const config = { ...loadConfig({ DATA_DIR: dir, OUTBOX_POLL_MS: '60000', METRICS_PROCESS: 'false', ...env }), PORT: 0 };
  return { app: await startApp(config, { logger: createLogger('silent') }), dir };
}

function sessionCookie(res: Response): string | undefined {
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith('advisor_session='))
    ?.split(';')[0];
}

const TO_OUTCOME = [
  'I want to collaborate on drone technology with a university in China. Is that possible?',
  'Tsinghua University',
  'yes',
  'applied',
  'no',
  'no',
  'data and software',
];
const CONFIRM = [{ action: 'escalate:yes' }, { action: 'inst:uhasselt' }, { action: 'confirm:yes' }];

describe('rate limits', () => {
  let app: RunningApp;
  let dir: string;
  beforeAll(
    async () => ({ app, dir } = await start({ INBOX_TOKEN: TOKEN, RATE_LIMIT_LOGIN: '5', RATE_LIMIT_CHAT_TURNS: '40', RATE_LIMIT_CASES_PER_SESSION: '1' })),
    60_000,
  );
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const login = (token: string) =>
    fetch(`${app.url}/inbox/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${encodeURIComponent(token)}`,
    });

  it('answers 429 with Retry-After after 5 wrong logins, for the form and for Bearer guesses, and then even the right token waits', async () => {
    // Right logins do not count against the address.
    for (let i = 0; i < 3; i++) expect((await login(TOKEN)).status).toBe(303);
    for (let i = 0; i < 3; i++) expect((await login(`wrong-${i}`)).headers.get('location')).toBe('/inbox/login?failed=1');
    for (let i = 0; i < 2; i++) expect((await fetch(`${app.url}/inbox/api/cases`, { headers: { authorization: `Bearer guess-${i}` } })).status).toBe(401);
    const blocked = await fetch(`${app.url}/inbox/api/cases`, { headers: { authorization: 'Bearer guess-x' } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(TOKEN)).status).toBe(429);
  });

  it('pauses a session that already sent its case for the hour, with a message the chat shows', async () => {
    let cookie = '';
    const send = async (body: Record<string, unknown>): Promise<Response> => {
      const res = await fetch(`${app.url}/api/chat/turn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ ...body, lang: 'en' }),
      });
      cookie = sessionCookie(res) ?? cookie;
      return res;
    };
    for (const text of TO_OUTCOME) expect((await send({ kind: 'text', text })).status).toBe(200);
    const before = cookie;
    for (const data of CONFIRM) expect((await send({ kind: 'card', data })).status).toBe(200);
    const cases = await app.store.listCases();
    expect(cases).toHaveLength(1);
    // The id was rotated when the case was sent: the old cookie no longer opens the case.
    expect(cookie).not.toBe(before);
    const ref = cases[0]?.ref ?? '';
    expect((await fetch(`${app.url}/api/chat/cases/${ref}/summary.md`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${app.url}/api/chat/cases/${ref}/summary.md`, { headers: { cookie: before } })).status).toBe(404);

    const paused = await send({ kind: 'text', text: 'I have another partner to check' });
    expect(paused.status).toBe(429);
    expect(Number(paused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await paused.json()) as { messages: Array<{ card: unknown }> };
    expect(JSON.stringify(body.messages[0]?.card)).toContain('already sent several cases');
  });
});

describe('anonymous chat turns per address', () => {
  let app: RunningApp;
  let dir: string;
  beforeAll(async () => ({ app, dir } = await start({ RATE_LIMIT_CHAT_TURNS: '3' })), 60_000);
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the fourth cookie-less turn in a minute with 429, Retry-After and a friendly message', async () => {
    const turn = () =>
      fetch(`${app.url}/api/chat/turn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'text', text: 'hello', lang: 'nl' }),
      });
    for (let i = 0; i < 3; i++) expect((await turn()).status).toBe(200);
    const limited = await turn();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(JSON.stringify(await limited.json())).toContain('Wacht een minuutje');
  });
});

describe('web-chat sessions', () => {
  let app: RunningApp;
  let dir: string;
  beforeAll(async () => ({ app, dir } = await start({})), 60_000);
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never adopts a session id the client chose: it issues its own, and the chosen one reads nothing', async () => {
    const chosen = `advisor_session=${'A'.repeat(43)}`;
    const res = await fetch(`${app.url}/api/chat/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: chosen },
      body: JSON.stringify({ kind: 'text', text: 'hello' }),
    });
    expect(res.status).toBe(200);
    const issued = sessionCookie(res);
    expect(issued).toBeDefined();
    expect(issued).not.toBe(chosen);
    expect(issued?.startsWith(`${chosen}.`)).toBe(false);
    // A signed id from the server keeps its conversation (no new cookie on the next turn).
    const again = await fetch(`${app.url}/api/chat/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: issued ?? '' },
      body: JSON.stringify({ kind: 'text', text: 'help' }),
    });
    expect(sessionCookie(again)).toBeUndefined();
    // Changing one character of the signed value is refused like a made-up one.
    const [id = '', issuedAt = '', mac = ''] = (issued ?? '').replace('advisor_session=', '').split('.');
    const tampered = `advisor_session=${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}.${issuedAt}.${mac}`;
    const other = await fetch(`${app.url}/api/chat/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: tampered },
      body: JSON.stringify({ kind: 'text', text: 'hello' }),
    });
    expect(sessionCookie(other)).toBeDefined();
  });

  it('sets the cookie HttpOnly and SameSite=Lax, and not Secure on plain http', async () => {
    const res = await fetch(`${app.url}/api/chat/welcome`);
    const line = res.headers.getSetCookie()[0] ?? '';
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    expect(line).not.toMatch(/Secure/);
  });
});

describe('CSRF, headers and /metrics behind a proxy', () => {
  let app: RunningApp;
  let dir: string;
  beforeAll(
    async () => ({ app, dir } = await start({ INBOX_TOKEN: TOKEN, PUBLIC_URL: 'https://advisor.example.be', TRUST_PROXY: 'true', METRICS_TOKEN })),
    60_000,
  );
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (headers: Record<string, string>) =>
    fetch(`${app.url}/inbox/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: `token=${encodeURIComponent(TOKEN)}`,
    });

  it('refuses Origin: null without Sec-Fetch-Site', async () => {
    expect((await post({ origin: 'null' })).status).toBe(403);
    expect((await post({ origin: 'null', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('accepts the form from PUBLIC_URL although nginx passes its upstream as Host, and refuses other origins', async () => {
    // nginx's default proxy_pass sends Host: 127.0.0.1:<port>; the browser's Origin is the public address.
    const ok = await post({ origin: 'https://advisor.example.be', 'sec-fetch-site': 'same-origin', 'x-forwarded-proto': 'https' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/inbox');
    const cookie = ok.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ origin: 'http://advisor.example.be' })).status).toBe(403);
  });

  it('sends no-store on inbox pages, the JSON API and the chat API, and HSTS for an https PUBLIC_URL', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    for (const path of ['/inbox', '/inbox/api/cases']) {
      const res = await fetch(`${app.url}${path}`, { headers: auth });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const login = await fetch(`${app.url}/inbox/login`);
    expect(login.headers.get('cache-control')).toBe('no-store');
    const welcome = await fetch(`${app.url}/api/chat/welcome`);
    expect(welcome.headers.get('cache-control')).toBe('no-store');
    expect(welcome.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
  });

  it('serves /metrics only with the metrics token', async () => {
    const open = await fetch(`${app.url}/metrics`);
    expect(open.status).toBe(401);
    const wrong = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(wrong.status).toBe(401);
    const res = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('advisor_outbox_pending_jobs');
  });
});

describe('graceful shutdown', () => {
  it('first reports /readyz 503 while still answering, then drains and closes', async () => {
    const { app, dir } = await start({ SHUTDOWN_DRAIN_DELAY_MS: '600' });
    try {
      expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
      const stopped = app.stop();
      await new Promise((r) => setTimeout(r, 100));
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { checks: Record<string, string> }).checks.accepting).toBe('failing');
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      await stopped;
      await expect(fetch(`${app.url}/healthz`)).rejects.toThrow();
    } finally {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
