// The login cookie: who logged in, how, as whom and until when, signed with a server key (HMAC-SHA256).
// It holds neither the token nor its hash, so a leaked config/institutions.yaml cannot be turned into a
// session. The MAC also covers the credential behind the login: a new token ends every session of the old
// one, and for single sign-on the issuer, client and the institution's groups, so that removing a group
// from config/institutions.yaml ends the sessions it opened.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { credentialOf, sha256, type InboxCredentials } from './credentials.js';
import type { InboxViewer } from './viewer.js';

export const SESSION_SECONDS = 12 * 3600;

/** A person the identity provider vouched for: recorded in the case history instead of a typed name. */
export interface VerifiedIdentity {
  subject: string;
  name?: string;
  email?: string;
}

export interface InboxSession {
  viewer: InboxViewer;
  /** Present for single sign-on; absent for a token login. */
  identity?: VerifiedIdentity;
}

const identitySchema = z.object({ subject: z.string().min(1).max(255), name: z.string().max(200).optional(), email: z.string().max(254).optional() }).strict();

/**
 * SESSION_SECRET when set; else a key derived from INBOX_TOKEN, so sessions survive a restart and hold on
 * every instance; else a fresh key per process: log in again after a restart.
 */
export function sessionKey(secret: string | undefined, adminToken?: string): Buffer {
  if (secret !== undefined) return sha256(`advisor-inbox-session-secret:${secret}`);
  return adminToken !== undefined ? sha256(`advisor-inbox-session:${adminToken}`) : randomBytes(32);
}

function scopeOf(viewer: InboxViewer): string | undefined {
  if (viewer.kind === 'admin') return 'admin';
  if (viewer.kind === 'institution') return `i-${viewer.institution}`;
  return undefined;
}

function viewerOf(scope: string): InboxViewer | undefined {
  if (scope === 'admin') return { kind: 'admin' };
  if (scope.startsWith('i-') && scope.length > 2) return { kind: 'institution', institution: scope.slice(2) };
  return undefined;
}

function mac(key: Buffer, payload: string, credential: Buffer): Buffer {
  return createHmac('sha256', key).update(payload).update('\n').update(credential).digest();
}

export interface SessionCookies {
  issue(session: InboxSession): string | undefined;
  read(value: string | undefined): InboxSession | null;
}

/** `ssoCredential` gives the digest an SSO login rests on for a viewer (undefined: SSO cannot open it). */
export function sessionCookies(
  key: Buffer,
  credentials: InboxCredentials,
  now: () => number = Date.now,
  ssoCredential: (viewer: InboxViewer) => Buffer | undefined = () => undefined,
): SessionCookies {
  const credentialFor = (method: string, viewer: InboxViewer): Buffer | undefined =>
    method === 't' ? credentialOf(viewer, credentials) : method === 'o' ? ssoCredential(viewer) : undefined;
  return {
    issue({ viewer, identity }) {
      const scope = scopeOf(viewer);
      const method = identity ? 'o' : 't';
      const credential = credentialFor(method, viewer);
      if (scope === undefined || credential === undefined) return undefined;
      const who = identity ? Buffer.from(JSON.stringify(identity)).toString('base64url') : '';
      const payload = `${method}.${scope}.${Math.floor(now() / 1000) + SESSION_SECONDS}.${who}`;
      return `${payload}.${mac(key, payload, credential).toString('base64url')}`;
    },
    read(value) {
      const parts = value?.split('.');
      if (parts?.length !== 5) return null;
      const [method = '', scope = '', expires = '', who = '', signature = ''] = parts;
      const viewer = viewerOf(scope);
      const credential = viewer ? credentialFor(method, viewer) : undefined;
      if (!viewer || !credential || !/^\d{1,12}$/.test(expires) || Number(expires) * 1000 <= now()) return null;
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(key, `${method}.${scope}.${expires}.${who}`, credential);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      if (method === 't') return who === '' ? { viewer } : null;
      try {
        const identity = identitySchema.safeParse(JSON.parse(Buffer.from(who, 'base64url').toString('utf8')));
        return identity.success ? { viewer, identity: identity.data } : null;
      } catch {
        return null;
      }
    },
  };
}

/** A short-lived signed JSON value (the OIDC login in progress: PKCE verifier, state, nonce). */
export function signedJson<T>(key: Buffer, purpose: string, schema: z.ZodType<T>, now: () => number = Date.now) {
  const sign = (payload: string): Buffer => createHmac('sha256', key).update(purpose).update('\n').update(payload).digest();
  return {
    issue(value: T, seconds: number): string {
      const payload = `${Math.floor(now() / 1000) + seconds}.${Buffer.from(JSON.stringify(value)).toString('base64url')}`;
      return `${payload}.${sign(payload).toString('base64url')}`;
    },
    read(cookie: string | undefined): T | null {
      const [expires = '', body = '', signature = ''] = cookie?.split('.') ?? [];
      if (!/^\d{1,12}$/.test(expires) || Number(expires) * 1000 <= now()) return null;
      const given = Buffer.from(signature, 'base64url');
      const expected = sign(`${expires}.${body}`);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      try {
        const parsed = schema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
  };
}
