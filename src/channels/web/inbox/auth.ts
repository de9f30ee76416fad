// Who may open the inbox and as whom. Open on loopback while no token is configured; as soon as
// INBOX_TOKEN or any institution's token is, every request needs one: "Authorization: Bearer <token>"
// or the signed cookie the login form sets. INBOX_TOKEN sees every institution; an institution's token
// only its own cases (viewer.ts).
import type { NextFunction, Request, Response } from 'express';
import { ConfigError } from '../../../config/errors.js';
import type { Actor } from '../../../store/types.js';
import { readCookie, setCookie } from '../cookies.js';
import { hasCredentials, inboxCredentials, viewerForToken, type InboxCredential } from './credentials.js';
import { SESSION_SECONDS, sessionCookies, sessionKey } from './session.js';
import type { InboxViewer } from './viewer.js';

export type { InboxCredential } from './credentials.js';

export const INBOX_COOKIE = 'advisor_inbox';
export const INBOX_NAME_COOKIE = 'advisor_inbox_name';

export interface InboxAuthOptions {
  /** INBOX_TOKEN: the admin token, every institution's cases. */
  adminToken?: string;
  /** Institutions with their own token (SHA-256 from config/institutions.yaml). */
  institutions: InboxCredential[];
  secureCookies: boolean;
  /** The actor's name when the contact point gave none. */
  defaultName: string;
  institutionName: (id: string) => string;
  /** Tests pin the signing key and the clock. */
  sessionKey?: Buffer;
  now?: () => number;
}

export interface InboxAuth {
  /** True when any token is configured: the inbox asks for one, even on loopback. */
  loginRequired: boolean;
  /** The viewer a token logs in as, or null. */
  login(token: string): InboxViewer | null;
  setSession(res: Response, viewer: InboxViewer): void;
  clearSession(res: Response): void;
  /** The viewer of a request that passed `guard`. */
  viewer(req: Request): InboxViewer;
  /** The name the contact point gave, '' when none. */
  personName(req: Request): string;
  /** Who acts, for the case history: the institution is in the id and the name. */
  actor(req: Request): Actor;
  /** Guards /inbox/*: pages send the browser to the login form, anything else gets 401. */
  guard(req: Request, res: Response, next: NextFunction): void;
}

export function createInboxAuth(options: InboxAuthOptions): InboxAuth {
  const credentials = inboxCredentials(options.adminToken, options.institutions);
  if (options.adminToken !== undefined && viewerForToken(options.adminToken, { institutions: credentials.institutions }) !== null) {
    throw new ConfigError(['INBOX_TOKEN is also an institution\'s inbox token in INSTITUTIONS_FILE: the admin token must be a token of its own']);
  }
  const loginRequired = hasCredentials(credentials);
  const cookies = sessionCookies(options.sessionKey ?? sessionKey(options.adminToken), credentials, options.now);
  const viewers = new WeakMap<Request, InboxViewer>();

  function authenticate(req: Request): InboxViewer | null {
    if (!loginRequired) return { kind: 'open' };
    const header = req.headers.authorization;
    if (header !== undefined) return header.startsWith('Bearer ') ? viewerForToken(header.slice(7).trim(), credentials) : null;
    return cookies.read(readCookie(req, INBOX_COOKIE));
  }

  function personName(req: Request): string {
    return readCookie(req, INBOX_NAME_COOKIE)?.trim().slice(0, 80) ?? '';
  }

  return {
    loginRequired,
    login: (token) => (loginRequired ? viewerForToken(token, credentials) : null),
    setSession(res, viewer) {
      const value = cookies.issue(viewer);
      if (value) setCookie(res, INBOX_COOKIE, value, { secure: options.secureCookies, path: '/inbox', maxAgeSeconds: SESSION_SECONDS });
    },
    clearSession(res) {
      setCookie(res, INBOX_COOKIE, '', { secure: options.secureCookies, path: '/inbox', maxAgeSeconds: 0 });
    },
    viewer(req) {
      const viewer = viewers.get(req);
      if (!viewer) throw new Error('the inbox guard did not run for this request');
      return viewer;
    },
    personName,
    actor(req) {
      const viewer = viewers.get(req);
      const name = personName(req) || options.defaultName;
      if (viewer?.kind === 'institution') {
        return { channel: 'web', id: `inbox:${viewer.institution}`, name: `${name} (${options.institutionName(viewer.institution)})` };
      }
      return { channel: 'web', id: viewer?.kind === 'admin' ? 'inbox:admin' : 'inbox', name };
    },
    guard(req, res, next) {
      const viewer = authenticate(req);
      if (viewer) {
        viewers.set(req, viewer);
        next();
        return;
      }
      if (req.path === '/login') {
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
    },
  };
}
