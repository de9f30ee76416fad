// Token matching and the login cookie: every credential is compared in constant time (timingSafeEqual on
// equal-length digests, none skipped), and a cookie is only good for its scope, its credential and 12 hours.
import { createHash } from 'node:crypto';
import * as crypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { inboxCredentials, viewerForToken } from '../../src/channels/web/inbox/credentials.js';
import { SESSION_SECONDS, sessionCookies } from '../../src/channels/web/inbox/session.js';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const hex = (token: string): string => createHash('sha256').update(token).digest('hex');
const ADMIN = 'admin-token-0123456789abcdef';
const TOKENS = { ugent: 'ugent-token-aaaaaaaaaaaa', kuleuven: 'kuleuven-token-bbbbbbbbbbbb', vub: 'vub-token-cccccccccccc' };
const credentials = inboxCredentials(
  ADMIN,
  Object.entries(TOKENS).map(([institution, token]) => ({ institution, tokenSha256: hex(token) })),
);
const compare = vi.mocked(crypto.timingSafeEqual);

describe('viewerForToken', () => {
  beforeEach(() => {
    compare.mockClear();
  });

  it('finds the admin and each institution, and nothing for a wrong token', () => {
    expect(viewerForToken(ADMIN, credentials)).toEqual({ kind: 'admin' });
    expect(viewerForToken(TOKENS.ugent, credentials)).toEqual({ kind: 'institution', institution: 'ugent' });
    expect(viewerForToken(TOKENS.vub, credentials)).toEqual({ kind: 'institution', institution: 'vub' });
    expect(viewerForToken(`${TOKENS.vub} `, credentials)).toBeNull();
    expect(viewerForToken(hex(TOKENS.vub), credentials)).toBeNull();
    expect(viewerForToken('', credentials)).toBeNull();
  });

  it('compares every credential with timingSafeEqual on 32-byte digests, whichever matches and whatever the length', () => {
    const calls: number[] = [];
    for (const token of [ADMIN, TOKENS.ugent, TOKENS.vub, 'x', 'wrong'.repeat(200)]) {
      compare.mockClear();
      viewerForToken(token, credentials);
      calls.push(compare.mock.calls.length);
      for (const [a, b] of compare.mock.calls) {
        expect(a.byteLength).toBe(32);
        expect(b.byteLength).toBe(32);
      }
    }
    // The admin and the three institutions, every time: no early return on a match.
    expect(calls).toEqual([4, 4, 4, 4, 4]);
  });
});

describe('the login cookie', () => {
  const key = Buffer.alloc(32, 7);
  let now = Date.parse('2026-01-10T09:00:00Z');
  const cookies = sessionCookies(key, credentials, () => now);

  it('opens as the viewer it was issued for, and checks its signature in constant time', () => {
    const value = cookies.issue({ viewer: { kind: 'institution', institution: 'kuleuven' } }) ?? '';
    compare.mockClear();
    expect(cookies.read(value)).toEqual({ viewer: { kind: 'institution', institution: 'kuleuven' } });
    expect(compare).toHaveBeenCalledTimes(1);
    expect(cookies.read(cookies.issue({ viewer: { kind: 'admin' } }))).toEqual({ viewer: { kind: 'admin' } });
  });

  it('holds neither the token nor its hash', () => {
    const value = cookies.issue({ viewer: { kind: 'institution', institution: 'ugent' } }) ?? '';
    expect(value).not.toContain(TOKENS.ugent);
    expect(value).not.toContain(hex(TOKENS.ugent));
    expect(value).not.toContain(Buffer.from(hex(TOKENS.ugent), 'hex').toString('base64url'));
  });

  it('is refused when changed, signed with another key, expired, or after the token changed', () => {
    const value = cookies.issue({ viewer: { kind: 'institution', institution: 'ugent' } }) ?? '';
    const [method = '', , expires = '', who = '', signature = ''] = value.split('.');
    expect(cookies.read(`${method}.i-vub.${expires}.${who}.${signature}`)).toBeNull();
    expect(cookies.read(`${method}.admin.${expires}.${who}.${signature}`)).toBeNull();
    expect(cookies.read(`${method}.i-ugent.${Number(expires) + 3600}.${who}.${signature}`)).toBeNull();
    // A token session cannot be dressed up as a single sign-on one with a made-up identity.
    const forged = Buffer.from(JSON.stringify({ subject: 'x', name: 'The Director' })).toString('base64url');
    expect(cookies.read(`o.i-ugent.${expires}.${forged}.${signature}`)).toBeNull();
    expect(cookies.read(`t.i-ugent.${expires}.${forged}.${signature}`)).toBeNull();
    expect(cookies.read(`${value}x`)).toBeNull();
    expect(cookies.read('garbage')).toBeNull();
    expect(sessionCookies(Buffer.alloc(32, 8), credentials, () => now).read(value)).toBeNull();

    const rotated = inboxCredentials(ADMIN, [{ institution: 'ugent', tokenSha256: hex('a-new-ugent-token-dddd') }]);
    expect(sessionCookies(key, rotated, () => now).read(value)).toBeNull();

    const issuedAt = now;
    now = issuedAt + (SESSION_SECONDS - 1) * 1000;
    expect(cookies.read(value)).toEqual({ viewer: { kind: 'institution', institution: 'ugent' } });
    now = issuedAt + SESSION_SECONDS * 1000;
    expect(cookies.read(value)).toBeNull();
    now = issuedAt;
  });

  it('is refused for an institution that no longer has a token', () => {
    const value = cookies.issue({ viewer: { kind: 'institution', institution: 'vub' } }) ?? '';
    const withoutVub = inboxCredentials(ADMIN, [{ institution: 'ugent', tokenSha256: hex(TOKENS.ugent) }]);
    expect(sessionCookies(key, withoutVub, () => now).read(value)).toBeNull();
  });
});
