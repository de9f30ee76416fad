// Single sign-on for the inbox against a real OpenID Connect provider (oidc-provider) started in this
// process: the code flow with PKCE through openid-client, the institution taken from the `groups` claim
// (config/institutions.yaml), the verified identity in the case history, another institution's case
// refused, a person in no contact-point group refused, logout, and the tokens still working for the API.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';
import type { CaseRecord } from '../../src/store/types.js';
import { browse, CookieJar, startTestProvider, type TestProvider } from '../helpers/oidc-provider.js';
import { caseRecord, state, turn } from '../store/fixtures.js';

const ADMIN = 'admin-token-0123456789abcdef';
const CLIENT = { clientId: 'advisor-inbox', clientSecret: 'the-test-client-secret-0123456789' };
const UGENT_CASE = caseRecord('ug1', { institution: 'ugent', userId: 'r-ug' });
const KUL_CASE = caseRecord('kul1', { institution: 'kuleuven', userId: 'r-kul' });

const ACCOUNTS = [
  { sub: 'an-0001', name: 'An Peeters', email: 'an.peeters@ugent.be', groups: ['staff', 'rs-contact-ugent'] },
  { sub: 'kurt-0002', name: 'Kurt Janssens', email: 'kurt@kuleuven.be', groups: ['rs-contact-kuleuven'] },
  { sub: 'eve-0003', name: 'Eve Intruder', email: 'eve@example.org', groups: ['staff'] },
];

const INSTITUTIONS = `sso:
  claim: groups
institutions:
  - id: ugent
    inbox: { ssoGroups: ["rs-contact-ugent"] }
  - id: kuleuven
    inbox: { ssoGroups: ["rs-contact-kuleuven"] }
`;

describe('inbox single sign-on through an OpenID Connect provider', () => {
  let provider: TestProvider;
  let app: RunningApp;
  let dir: string;

  beforeAll(async () => {
    provider = await startTestProvider(ACCOUNTS);
    dir = mkdtempSync(join(tmpdir(), 'advisor-oidc-'));
    const file = join(dir, 'institutions.yaml');
    writeFileSync(file, INSTITUTIONS);
    const config = {
      ...loadConfig({
        DATA_DIR: dir,
        OUTBOX_POLL_MS: '60000',
        INSTITUTIONS_FILE: file,
        INBOX_TOKEN: ADMIN,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: CLIENT.clientId,
        OIDC_CLIENT_SECRET: CLIENT.clientSecret,
        OIDC_SCOPES: 'openid profile email groups',
        OIDC_PROVIDER_NAME: 'Test IdP',
      }),
      PORT: 0,
    };
    app = await startApp(config, { logger: createLogger('silent') });
    provider.register({ ...CLIENT, redirectUri: `${app.url}/inbox/oidc/callback`, postLogoutRedirectUri: `${app.url}/inbox/login` });
    for (const record of [UGENT_CASE, KUL_CASE] as CaseRecord[]) {
      const result = await app.store.commitTurn(turn(`web:${record.researcher.id}`, null, state(1), { newCases: [record] }));
      expect(result.ok).toBe(true);
    }
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    await provider?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function signIn(login: string): Promise<{ jar: CookieJar; res: Response; visited: string[] }> {
    const jar = new CookieJar();
    const { res, visited } = await browse(jar, `${app.url}/inbox/oidc/start`, login);
    return { jar, res, visited };
  }

  it('offers the provider on the login page', async () => {
    const page = await fetch(`${app.url}/inbox/login`);
    expect(await page.text()).toContain('Sign in with Test IdP');
  });

  it('signs a UGent contact point in with the code flow and PKCE, and shows UGent cases only', async () => {
    const { jar, res, visited } = await signIn('an-0001');
    const authorize = new URL(visited.find((u) => u.startsWith(`${provider.issuer}/auth?`)) ?? 'http://x');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain(UGENT_CASE.ref);
    expect(page).not.toContain(KUL_CASE.ref);
    expect(jar.get(app.url, 'advisor_inbox')).toMatch(/^o\.i-ugent\./);
  });

  it('refuses a replayed callback: the code and the one-time login state are spent', async () => {
    const jar = new CookieJar();
    const { visited } = await browse(jar, `${app.url}/inbox/oidc/start`, 'an-0001');
    const callback = visited.find((u) => u.startsWith(`${app.url}/inbox/oidc/callback`));
    expect(callback).toBeDefined();
    // Replaying the provider's answer (the same code) does not open a second session.
    const replay = await fetch(callback ?? '', { redirect: 'manual' });
    expect(replay.headers.get('location')).toBe('/inbox/login?failed=sso');
    expect(replay.headers.getSetCookie().some((c) => c.startsWith('advisor_inbox=o.'))).toBe(false);
  });

  it('records the verified identity in the case history when the contact point takes a case', async () => {
    const { jar } = await signIn('an-0001');
    const take = await fetch(`${app.url}/inbox/cases/${UGENT_CASE.ref}/take`, { method: 'POST', redirect: 'manual', headers: { cookie: jar.header(app.url) } });
    expect(take.status).toBe(303);
    expect(take.headers.get('location')).toContain('done=taken');
    const record = await app.store.getCase(UGENT_CASE.id);
    expect(record?.history.at(-1)?.actor).toEqual({
      channel: 'web',
      id: 'inbox:ugent:sso:an-0001',
      name: 'An Peeters <an.peeters@ugent.be> (Universiteit Gent)',
    });
  });

  it('refuses a KU Leuven case to the UGent contact point like a case that does not exist', async () => {
    const { jar } = await signIn('an-0001');
    const headers = { cookie: jar.header(app.url) };
    expect((await fetch(`${app.url}/inbox/cases/${KUL_CASE.ref}`, { headers })).status).toBe(404);
    expect((await fetch(`${app.url}/inbox/cases/${KUL_CASE.ref}/summary.md`, { headers })).status).toBe(404);
    const take = await fetch(`${app.url}/inbox/cases/${KUL_CASE.ref}/take`, { method: 'POST', redirect: 'manual', headers });
    expect(take.status).toBe(404);
    expect((await app.store.getCase(KUL_CASE.id))?.status).toBe('open');
    // The KU Leuven contact point does see it.
    const kurt = await signIn('kurt-0002');
    expect((await fetch(`${app.url}/inbox/cases/${KUL_CASE.ref}`, { headers: { cookie: kurt.jar.header(app.url) } })).status).toBe(200);
  });

  it('refuses a person the provider knows who is in no contact-point group', async () => {
    const { jar, res } = await signIn('eve-0003');
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('eve@example.org');
    expect(jar.get(app.url, 'advisor_inbox')).toBeUndefined();
    const inbox = await fetch(`${app.url}/inbox/api/cases`, { headers: { cookie: jar.header(app.url), accept: 'application/json' } });
    expect(inbox.status).toBe(401);
  });

  it('logs out: the cookie is cleared, the provider is asked to end its session, the inbox is closed again', async () => {
    const { jar } = await signIn('an-0001');
    const logout = await fetch(`${app.url}/inbox/logout`, { method: 'POST', redirect: 'manual', headers: { cookie: jar.header(app.url) } });
    jar.store(app.url, logout);
    expect(logout.status).toBe(303);
    expect(logout.headers.get('location')).toMatch(new RegExp(`^${provider.issuer}/session/end`));
    expect(jar.get(app.url, 'advisor_inbox')).toBeUndefined();
    const after = await fetch(`${app.url}/inbox`, { redirect: 'manual', headers: { cookie: jar.header(app.url), accept: 'text/html' } });
    expect(after.headers.get('location')).toBe('/inbox/login');
  });

  it('keeps INBOX_TOKEN working for the API', async () => {
    const api = await fetch(`${app.url}/inbox/api/cases`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(api.status).toBe(200);
    expect(((await api.json()) as { cases: unknown[] }).cases).toHaveLength(2);
  });
});

describe('the group claim → institution mapping', () => {
  const mapping = {
    claim: 'groups',
    admin: ['rs-office'],
    institutions: [
      { institution: 'ugent', values: ['rs-contact-ugent'] },
      { institution: 'kuleuven', values: ['rs-contact-kuleuven'] },
    ],
  };
  it('maps one institution, lets the admin group see all, and refuses a person in two institutions or none', async () => {
    const { viewerForClaims } = await import('../../src/channels/web/inbox/oidc.js');
    expect(viewerForClaims(['x', 'rs-contact-ugent'], mapping)).toEqual({ kind: 'institution', institution: 'ugent' });
    expect(viewerForClaims(['rs-office', 'rs-contact-ugent'], mapping)).toEqual({ kind: 'admin' });
    expect(viewerForClaims(['rs-contact-ugent', 'rs-contact-kuleuven'], mapping)).toBeNull();
    expect(viewerForClaims([], mapping)).toBeNull();
  });

  it('refuses config/institutions.yaml when one group is given to two institutions', async () => {
    const { buildInstitutions } = await import('../../src/config/institutions.js');
    const { loadContent } = await import('../../src/content/load.js');
    const entries = [
      { id: 'ugent', inbox: { main: true, ssoGroups: ['g1'] }, contactPoints: { slack: [], teams: [] } },
      { id: 'kuleuven', inbox: { main: true, ssoGroups: ['g1'] }, contactPoints: { slack: [], teams: [] } },
    ];
    expect(() => buildInstitutions(entries, loadContent().reference.contactPoints, 'institutions.yaml')).toThrow(/ssoGroups "g1" is also in institutions\[0\]/);
  });
});
