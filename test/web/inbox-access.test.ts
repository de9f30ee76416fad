// Per-institution inbox access through the real server: a contact point logged in with UGent's token
// sees, downloads and acts on UGent's cases only; a KU Leuven case answers exactly like a case that does
// not exist. INBOX_TOKEN (the admin) sees both. The audit trail names the institution that acted.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';
import type { CaseRecord } from '../../src/store/types.js';
import { caseRecord, state, turn } from '../store/fixtures.js';

const ADMIN = 'admin-token-0123456789abcdef';
const UGENT = 'ugent-token-Zm9vYmFyYmF6cXV4';
const KULEUVEN = 'kuleuven-token-cXV4YmF6YmFyZm9v';
const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

const UGENT_CASE = caseRecord('ug1', { institution: 'ugent', userId: 'r-ug' });
const KUL_CASE = caseRecord('kul1', { institution: 'kuleuven', userId: 'r-kul' });
const MISSING_REF = 'RS-NOPE1';

async function startWith(env: Record<string, string>, institutionsYaml: string): Promise<{ app: RunningApp; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'advisor-inbox-'));
  const file = join(dir, 'institutions.yaml');
  writeFileSync(file, institutionsYaml);
  const config = { ...loadConfig({ DATA_DIR: dir, OUTBOX_POLL_MS: '60000', INSTITUTIONS_FILE: file, ...env }), PORT: 0 };
  return { app: await startApp(config, { logger: createLogger('silent') }), dir };
}

async function addCase(app: RunningApp, record: CaseRecord): Promise<void> {
  const key = `web:${record.researcher.id}`;
  const result = await app.store.commitTurn(turn(key, null, state(1), { newCases: [record] }));
  expect(result.ok).toBe(true);
}

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

const INSTITUTIONS = `institutions:
  - id: ugent
    inbox: { tokenSha256: "${sha256(UGENT)}" }
  - id: kuleuven
    inbox: { tokenSha256: "${sha256(KULEUVEN).toUpperCase()}" }
`;

describe('an inbox with an admin token and tokens for UGent and KU Leuven', () => {
  let app: RunningApp;
  let dir: string;
  beforeAll(async () => {
    ({ app, dir } = await startWith({ INBOX_TOKEN: ADMIN }, INSTITUTIONS));
    await addCase(app, UGENT_CASE);
    await addCase(app, KUL_CASE);
  }, 60_000);
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, token: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${path}`, { redirect: 'manual', headers: { ...bearer(token), ...headers } });

  async function apiRefs(token: string, query = ''): Promise<string[]> {
    const res = await get(`/inbox/api/cases${query}`, token);
    expect(res.status).toBe(200);
    return ((await res.json()) as { cases: Array<{ ref: string }> }).cases.map((c) => c.ref).sort();
  }

  it('lists only UGent cases to the UGent token, in the JSON API and on the page', async () => {
    expect(await apiRefs(UGENT)).toEqual([UGENT_CASE.ref]);
    expect(await apiRefs(UGENT, '?status=open')).toEqual([UGENT_CASE.ref]);
    expect(await apiRefs(KULEUVEN)).toEqual([KUL_CASE.ref]);
    const page = await (await get('/inbox', UGENT, { accept: 'text/html' })).text();
    expect(page).toContain(UGENT_CASE.ref);
    expect(page).not.toContain(KUL_CASE.ref);
    expect(page).not.toContain('KU Leuven');
    expect(page).toContain('<h2 id="viewer-institution">Universiteit Gent</h2>');
  });

  it('answers 404 for a KU Leuven case to the UGent token, exactly as for a case that does not exist', async () => {
    for (const suffix of ['', '/summary.md', '/summary.pdf']) {
      const foreign = await get(`/inbox/cases/${KUL_CASE.ref}${suffix}`, UGENT);
      const byId = await get(`/inbox/cases/${KUL_CASE.id}${suffix}`, UGENT);
      const missing = await get(`/inbox/cases/${MISSING_REF}${suffix}`, UGENT);
      expect([foreign.status, byId.status, missing.status]).toEqual([404, 404, 404]);
      const [a, b, c] = await Promise.all([foreign.text(), byId.text(), missing.text()]);
      expect(a).toBe(c);
      expect(b).toBe(c);
      expect(a).not.toContain(KUL_CASE.ref);
    }
    // Its own case opens and downloads.
    expect((await get(`/inbox/cases/${UGENT_CASE.ref}`, UGENT)).status).toBe(200);
    const md = await get(`/inbox/cases/${UGENT_CASE.ref}/summary.md`, UGENT);
    expect(md.status).toBe(200);
    expect(await md.text()).toContain(UGENT_CASE.ref);
    const pdf = await get(`/inbox/cases/${UGENT_CASE.ref}/summary.pdf`, UGENT);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
  });

  it("lets the admin token see, open and download both institutions' cases", async () => {
    expect(await apiRefs(ADMIN)).toEqual([KUL_CASE.ref, UGENT_CASE.ref].sort());
    const page = await (await get('/inbox', ADMIN, { accept: 'text/html' })).text();
    expect(page).toContain(UGENT_CASE.ref);
    expect(page).toContain(KUL_CASE.ref);
    expect(page).not.toContain('viewer-institution');
    for (const record of [UGENT_CASE, KUL_CASE]) {
      expect((await get(`/inbox/cases/${record.ref}`, ADMIN)).status).toBe(200);
      expect((await get(`/inbox/cases/${record.ref}/summary.pdf`, ADMIN)).status).toBe(200);
    }
  });

  it('refuses take, ask and close on a KU Leuven case from the UGent token and changes nothing', async () => {
    const before = await app.store.getCase(KUL_CASE.id);
    const jobsBefore = await app.store.listJobs({ caseId: KUL_CASE.id });
    const post = (path: string, body = '') =>
      fetch(`${app.url}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...bearer(UGENT), 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    for (const [action, body] of [
      ['take', ''],
      ['ask', 'text=Which+partner%3F'],
      ['close', 'text=Go+ahead'],
    ] as const) {
      const foreign = await post(`/inbox/cases/${KUL_CASE.ref}/${action}`, body);
      const missing = await post(`/inbox/cases/${MISSING_REF}/${action}`, body);
      expect(foreign.status).toBe(404);
      expect(await foreign.text()).toBe(await missing.text());
    }
    const after = await app.store.getCase(KUL_CASE.id);
    expect(after).toEqual(before);
    expect(after?.status).toBe('open');
    expect(await app.store.listJobs({ caseId: KUL_CASE.id })).toEqual(jobsBefore);
  });

  it("records which institution's contact point acted, and the admin as the admin", async () => {
    const take = await fetch(`${app.url}/inbox/cases/${UGENT_CASE.ref}/take`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...bearer(UGENT), cookie: 'advisor_inbox_name=An%20Peeters' },
    });
    expect(take.status).toBe(303);
    expect(take.headers.get('location')).toBe(`/inbox/cases/${UGENT_CASE.ref}?done=taken`);
    const taken = await app.store.getCase(UGENT_CASE.id);
    expect(taken?.status).toBe('taken');
    expect(taken?.history.at(-1)?.actor).toEqual({ channel: 'web', id: 'inbox:ugent', name: 'An Peeters (Universiteit Gent)' });
    expect(taken?.assignee?.id).toBe('inbox:ugent');
    const page = await (await get(`/inbox/cases/${UGENT_CASE.ref}`, UGENT)).text();
    expect(page).toContain('An Peeters (Universiteit Gent)');

    const close = await fetch(`${app.url}/inbox/cases/${UGENT_CASE.ref}/close`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...bearer(ADMIN), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'text=Fine',
    });
    expect(close.status).toBe(303);
    const closed = await app.store.getCase(UGENT_CASE.id);
    expect(closed?.status).toBe('closed');
    expect(closed?.history.at(-1)?.actor.id).toBe('inbox:admin');
  });

  it('sends a wrong token back to the login page, and logs the UGent token in with a signed cookie', async () => {
    const form = (token: string) =>
      fetch(`${app.url}/inbox/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `token=${encodeURIComponent(token)}`,
      });
    const wrong = await form(`${UGENT}x`);
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get('location')).toBe('/inbox/login?failed=1');
    expect(wrong.headers.getSetCookie()).toEqual([]);
    const loginPage = await fetch(`${app.url}/inbox/login?failed=1`);
    expect(loginPage.status).toBe(200);
    expect(await loginPage.text()).toContain('name="token"');
    // The hash from the file is not a token.
    expect((await form(sha256(UGENT))).headers.get('location')).toBe('/inbox/login?failed=1');
    expect((await get('/inbox/api/cases', sha256(UGENT))).status).toBe(401);

    const login = await form(UGENT);
    expect(login.headers.get('location')).toBe('/inbox');
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^advisor_inbox=t\.i-ugent\.\d+\./);
    expect(cookie).not.toContain(UGENT);
    expect(cookie).not.toContain(sha256(UGENT));
    const page = await fetch(`${app.url}/inbox`, { headers: { cookie } });
    const html = await page.text();
    expect(html).toContain(UGENT_CASE.ref);
    expect(html).not.toContain(KUL_CASE.ref);
    expect((await fetch(`${app.url}/inbox/cases/${KUL_CASE.ref}`, { headers: { cookie } })).status).toBe(404);

    // Rewriting the cookie to another institution or to the admin breaks its signature.
    for (const forged of [cookie.replace('i-ugent', 'i-kuleuven'), cookie.replace('i-ugent', 'admin')]) {
      const res = await fetch(`${app.url}/inbox`, { redirect: 'manual', headers: { cookie: forged, accept: 'text/html' } });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/inbox/login');
    }
  });
});

describe('an inbox on loopback with only an institution token', () => {
  let app: RunningApp;
  let dir: string;
  beforeAll(async () => {
    ({ app, dir } = await startWith({}, `institutions:\n  - id: ugent\n    inbox: { tokenSha256: "${sha256(UGENT)}" }\n`));
    await addCase(app, UGENT_CASE);
  }, 60_000);
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks for a token even on 127.0.0.1', async () => {
    const page = await fetch(`${app.url}/inbox`, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/inbox/login');
    const json = { accept: 'application/json' };
    expect((await fetch(`${app.url}/inbox/api/cases`, { headers: json })).status).toBe(401);
    expect((await fetch(`${app.url}/inbox/cases/${UGENT_CASE.ref}/summary.md`, { headers: json })).status).toBe(401);
    const take = await fetch(`${app.url}/inbox/cases/${UGENT_CASE.ref}/take`, { method: 'POST', redirect: 'manual' });
    expect(take.status).toBe(401);
    expect((await app.store.getCase(UGENT_CASE.id))?.status).toBe('open');
    const api = await fetch(`${app.url}/inbox/api/cases`, { headers: bearer(UGENT) });
    expect(api.status).toBe(200);
  });
});

describe('an inbox whose admin token is also an institution token', () => {
  it('refuses to start and says why', async () => {
    await expect(startWith({ INBOX_TOKEN: UGENT }, INSTITUTIONS)).rejects.toThrow(/INBOX_TOKEN is also an institution's inbox token/);
  });
});
