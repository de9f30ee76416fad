// The login cookie: who logged in and until when, signed with a server key (HMAC-SHA256). It holds
// neither the token nor its hash, so a leaked config/institutions.yaml cannot be turned into a session.
// The MAC also covers the credential's digest: a new token ends every session of the old one.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { credentialOf, sha256, type InboxCredentials } from './credentials.js';
import type { InboxViewer } from './viewer.js';

export const SESSION_SECONDS = 12 * 3600;

/**
 * With INBOX_TOKEN the key derives from it, so sessions survive a restart and hold on every instance;
 * without it (loopback, institution tokens only) a fresh key per process: log in again after a restart.
 */
export function sessionKey(adminToken: string | undefined): Buffer {
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
  issue(viewer: InboxViewer): string | undefined;
  read(value: string | undefined): InboxViewer | null;
}

export function sessionCookies(key: Buffer, credentials: InboxCredentials, now: () => number = Date.now): SessionCookies {
  return {
    issue(viewer) {
      const scope = scopeOf(viewer);
      const credential = credentialOf(viewer, credentials);
      if (scope === undefined || credential === undefined) return undefined;
      const payload = `${scope}.${Math.floor(now() / 1000) + SESSION_SECONDS}`;
      return `${payload}.${mac(key, payload, credential).toString('base64url')}`;
    },
    read(value) {
      const parts = value?.split('.');
      if (parts?.length !== 3) return null;
      const [scope = '', expires = '', signature = ''] = parts;
      const viewer = viewerOf(scope);
      const credential = viewer ? credentialOf(viewer, credentials) : undefined;
      if (!viewer || !credential || !/^\d{1,12}$/.test(expires) || Number(expires) * 1000 <= now()) return null;
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(key, `${scope}.${expires}`, credential);
      return given.length === expected.length && timingSafeEqual(given, expected) ? viewer : null;
    },
  };
}
