// The researcher's identity on the web chat is a random session id in an HttpOnly cookie. The store and
// the logs only ever see a hash of it, so the conversation key in a log line cannot open the conversation.
import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { readCookie, setCookie } from './cookies.js';

export const SESSION_COOKIE = 'advisor_session';
const SESSION_FORMAT = /^[A-Za-z0-9_-]{43}$/;
const YEAR = 365 * 24 * 3600;

export interface WebSession {
  /** The store's conversation key: web:<hash>. */
  conversationKey: string;
  /** The researcher's user id in cases and "forget me": the same hash. */
  userId: string;
}

export function sessionFromId(id: string): WebSession {
  const hash = createHash('sha256').update(`advisor-web-session:${id}`).digest('base64url').slice(0, 32);
  return { conversationKey: `web:${hash}`, userId: `web-${hash}` };
}

/** The session of this browser; a new one (cookie set on the response) when there is none. */
export function ensureSession(req: Request, res: Response, secure: boolean): WebSession {
  let id = readCookie(req, SESSION_COOKIE);
  if (!id || !SESSION_FORMAT.test(id)) {
    id = randomBytes(32).toString('base64url');
    setCookie(res, SESSION_COOKIE, id, { secure, maxAgeSeconds: YEAR });
  }
  return sessionFromId(id);
}

/** The existing session, or null: reading notices and exports never creates one. */
export function existingSession(req: Request): WebSession | null {
  const id = readCookie(req, SESSION_COOKIE);
  return id && SESSION_FORMAT.test(id) ? sessionFromId(id) : null;
}

/** The user id that belongs to a web conversation key (they share the hash). */
export function userIdOfKey(conversationKey: string): string {
  return `web-${conversationKey.replace(/^web:/, '')}`;
}
