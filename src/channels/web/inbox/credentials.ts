// Matches a presented inbox token against the admin token and every institution's SHA-256, in constant
// time: each credential is compared (timingSafeEqual on equal-length digests) whatever matched before.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { InboxViewer } from './viewer.js';

/** One institution's inbox login: the hex SHA-256 of its token, never the token. */
export interface InboxCredential {
  institution: string;
  tokenSha256: string;
}

export interface InboxCredentials {
  /** SHA-256 of INBOX_TOKEN, when set. */
  admin?: Buffer;
  institutions: Array<{ institution: string; hash: Buffer }>;
}

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export function inboxCredentials(adminToken: string | undefined, institutions: InboxCredential[]): InboxCredentials {
  return {
    ...(adminToken !== undefined ? { admin: sha256(adminToken) } : {}),
    institutions: institutions.map((c) => ({ institution: c.institution, hash: Buffer.from(c.tokenSha256, 'hex') })),
  };
}

export function hasCredentials(credentials: InboxCredentials): boolean {
  return credentials.admin !== undefined || credentials.institutions.length > 0;
}

/** The viewer a token opens the inbox for, or null. Never returns early, so timing says nothing about which. */
export function viewerForToken(token: string, credentials: InboxCredentials): InboxViewer | null {
  const given = sha256(token);
  let found: InboxViewer | null = null;
  if (credentials.admin !== undefined && timingSafeEqual(given, credentials.admin)) found = { kind: 'admin' };
  for (const c of credentials.institutions) {
    const match = timingSafeEqual(given, c.hash);
    if (match && found === null) found = { kind: 'institution', institution: c.institution };
  }
  return found;
}

/** The stored digest behind a viewer, so that a new token ends the sessions of the old one. */
export function credentialOf(viewer: InboxViewer, credentials: InboxCredentials): Buffer | undefined {
  if (viewer.kind === 'admin') return credentials.admin;
  if (viewer.kind === 'institution') return credentials.institutions.find((c) => c.institution === viewer.institution)?.hash;
  return undefined;
}
