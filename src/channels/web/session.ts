// The researcher's identity on the web chat: a random conversation id the server issued, in an HttpOnly
// cookie signed with the server's key. An id the browser made up (or planted by someone else) fails the
// signature and is replaced: the server never adopts a client-chosen session. The cookie also says when it
// was issued; it is issued anew when the researcher sends a case, and a case can only be downloaded with a
// cookie issued after the case was created, so a copy of the cookie taken before does not open the case.
// The store and the logs only ever see a hash of the id.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { readCookie, setCookie } from './cookies.js';

const SESSION_COOKIE = 'advisor_session';
const ID_FORMAT = /^[A-Za-z0-9_-]{43}$/;
const YEAR = 365 * 24 * 3600;

export interface WebSession {
  /** The store's conversation key: web:<hash>. */
  conversationKey: string;
  /** The researcher's user id in cases and "forget me": the same hash. */
  userId: string;
  /** When this cookie was issued (ms since the epoch). */
  issuedAt: number;
}

function sessionFromId(id: string, issuedAt = 0): WebSession {
  const hash = createHash('sha256').update(`advisor-web-session:${id}`).digest('base64url').slice(0, 32);
  return { conversationKey: `web:${hash}`, userId: `web-${hash}`, issuedAt };
}

export interface WebSessions {
  /** The session of this browser; a new one (cookie set on the response) when it has none or a forged one. */
  ensure(req: Request, res: Response): WebSession;
  /** The existing, genuine session, or null: reading notices and exports never creates one. */
  existing(req: Request): WebSession | null;
  /** A new cookie for the same conversation (after an escalation): older copies no longer open its cases. */
  rotate(req: Request, res: Response, session: WebSession): WebSession;
}

export interface WebSessionOptions {
  /** The server's signing key (SESSION_SECRET, or the key kept in DATA_DIR). */
  key: Buffer;
  /** PUBLIC_URL is https; a request that came over TLS gets Secure as well. */
  secureCookies: boolean;
  now?: () => number;
}

export function createWebSessions(options: WebSessionOptions): WebSessions {
  const now = options.now ?? Date.now;
  const mac = (payload: string): Buffer => createHmac('sha256', options.key).update('advisor-web-session\n').update(payload).digest();

  function write(req: Request, res: Response, id: string): WebSession {
    const issued = now();
    const payload = `${id}.${issued.toString(36)}`;
    setCookie(res, SESSION_COOKIE, `${payload}.${mac(payload).toString('base64url')}`, {
      secure: options.secureCookies || req.secure,
      maxAgeSeconds: YEAR,
    });
    return sessionFromId(id, issued);
  }

  function read(req: Request): WebSession | null {
    const parts = readCookie(req, SESSION_COOKIE)?.split('.');
    if (parts?.length !== 3) return null;
    const [id = '', issued = '', signature = ''] = parts;
    if (!ID_FORMAT.test(id) || !/^[0-9a-z]{1,12}$/.test(issued)) return null;
    const given = Buffer.from(signature, 'base64url');
    const expected = mac(`${id}.${issued}`);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return sessionFromId(id, parseInt(issued, 36));
  }

  return {
    ensure: (req, res) => read(req) ?? write(req, res, randomBytes(32).toString('base64url')),
    existing: read,
    rotate(req, res, session) {
      const id = read(req);
      // Only the genuine cookie of this same conversation is rotated.
      if (!id || id.conversationKey !== session.conversationKey) return session;
      const raw = readCookie(req, SESSION_COOKIE)?.split('.')[0] ?? '';
      return write(req, res, raw);
    },
  };
}

/** The user id that belongs to a web conversation key (they share the hash). */
export function userIdOfKey(conversationKey: string): string {
  return `web-${conversationKey.replace(/^web:/, '')}`;
}
