// Who may open the inbox. On a loopback address anyone on this machine may; on any other address a
// token is required (INBOX_TOKEN), as "Authorization: Bearer <token>" or a cookie set by the login form.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Actor } from '../../../store/types.js';
import { readCookie, setCookie } from '../cookies.js';

export const INBOX_COOKIE = 'advisor_inbox';
export const INBOX_NAME_COOKIE = 'advisor_inbox_name';

export interface InboxAuthOptions {
  /** Set when the inbox needs a token; undefined means open (loopback only: the config enforces it). */
  token?: string;
  secureCookies: boolean;
  /** The actor's name when the contact point gave none. */
  defaultName: string;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Hashing both sides first makes the comparison constant-time whatever the lengths. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** What the cookie holds: derived from the token, so the token itself never sits in the browser. */
export function cookieValue(token: string): string {
  return createHash('sha256').update(`advisor-inbox-cookie:${token}`).digest('base64url');
}

export function isAuthorised(req: Request, token: string | undefined): boolean {
  if (token === undefined) return true;
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ') && sameSecret(header.slice(7).trim(), token)) return true;
  const cookie = readCookie(req, INBOX_COOKIE);
  return cookie !== undefined && sameSecret(cookie, cookieValue(token));
}

export function setLoginCookie(res: Response, options: InboxAuthOptions): void {
  if (options.token) setCookie(res, INBOX_COOKIE, cookieValue(options.token), { secure: options.secureCookies, path: '/inbox', maxAgeSeconds: 12 * 3600 });
}

export function clearLoginCookie(res: Response, options: InboxAuthOptions): void {
  setCookie(res, INBOX_COOKIE, '', { secure: options.secureCookies, path: '/inbox', maxAgeSeconds: 0 });
}

export function inboxActor(req: Request, options: InboxAuthOptions): Actor {
  const name = readCookie(req, INBOX_NAME_COOKIE)?.trim().slice(0, 80);
  const id = options.token ? `inbox-${digest(options.token).toString('hex').slice(0, 8)}` : 'inbox';
  return { channel: 'web', id, name: name || options.defaultName };
}

/** Guards /inbox/*: pages send the browser to the login form, anything else gets 401. */
export function requireInbox(options: InboxAuthOptions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.path === '/login' || isAuthorised(req, options.token)) {
      next();
      return;
    }
    // A browser goes to the login form; a client that sent a token (or wants JSON) gets 401.
    if (req.method === 'GET' && !req.headers.authorization && req.accepts(['html', 'json']) === 'html') {
      res.redirect(303, '/inbox/login');
      return;
    }
    res.setHeader('WWW-Authenticate', 'Bearer realm="inbox"');
    res.status(401).json({ error: 'unauthorised' });
  };
}
