// Who may open the inbox and as whom. Open on loopback while no token and no single sign-on is configured;
// as soon as INBOX_TOKEN, any institution's token or OIDC is, every request needs one: "Authorization:
// Bearer <token>" (the API), or the signed cookie that the token form or the OIDC login sets. INBOX_TOKEN
// and the SSO admin groups see every institution; an institution's token or group only its own cases.
// A single sign-on session carries the verified identity, and the case history records it.
import type { NextFunction, Request, Response } from 'express';
import { ConfigError } from '../../../config/errors.js';
import type { SsoMapping } from '../../../config/institutions.js';
import { markAuthFailed } from '../../../server/rate-limits.js';
import type { Actor } from '../../../store/types.js';
import { readCookie, setCookie } from '../cookies.js';
import { hasCredentials, inboxCredentials, sha256, viewerForToken, type InboxCredential } from './credentials.js';
import type { OidcLogin } from './oidc.js';
import { pendingLoginSchema, type PendingLogin } from './oidc-pending.js';
import { SESSION_SECONDS, sessionCookies, sessionKey, signedJson, type InboxSession, type VerifiedIdentity } from './session.js';
import type { InboxViewer } from './viewer.js';

export type { InboxCredential } from './credentials.js';

const INBOX_COOKIE = 'advisor_inbox';
export const INBOX_NAME_COOKIE = 'advisor_inbox_name';
/** The OIDC login in progress, between /inbox/oidc/start and the provider's redirect back. */
const OIDC_PENDING_COOKIE = 'advisor_oidc';
const OIDC_PENDING_SECONDS = 600;

export interface InboxAuthOptions {
  /** INBOX_TOKEN: the admin token, every institution's cases. */
  adminToken?: string;
  /** Institutions with their own token (SHA-256 from config/institutions.yaml). */
  institutions: InboxCredential[];
  secureCookies: boolean;
  /** The actor's name when the contact point gave none. */
  defaultName: string;
  institutionName: (id: string) => string;
  /** SESSION_SECRET: signs session cookies the same way on every instance. */
  sessionSecret?: string;
  /** Single sign-on through an OpenID Connect provider. */
  oidc?: { login: OidcLogin; mapping: SsoMapping; issuer: string; clientId: string };
  /** Tests pin the signing key and the clock. */
  sessionKey?: Buffer;
  now?: () => number;
}

export interface InboxAuth {
  /** True when any token is configured: the inbox asks for one, even on loopback. */
  loginRequired: boolean;
  /** Token logins are offered (INBOX_TOKEN or an institution's token is configured). */
  tokenLogin: boolean;
  /** Single sign-on, when configured. */
  oidc?: OidcLogin;
  /** The viewer a token logs in as, or null. */
  login(token: string): InboxViewer | null;
  setSession(req: Request, res: Response, session: InboxSession): void;
  clearSession(req: Request, res: Response): void;
  /** Cookies get Secure: PUBLIC_URL is https, or the request came over TLS (directly or per TRUST_PROXY). */
  secure(req: Request): boolean;
  /** Keeps the OIDC login in progress in a signed cookie, and reads it back once (then clears it). */
  setPending(req: Request, res: Response, pending: PendingLogin): void;
  takePending(req: Request, res: Response): PendingLogin | null;
  /** The viewer of a request that passed `guard`. */
  viewer(req: Request): InboxViewer;
  /** The person the identity provider vouched for, when the session came from single sign-on. */
  identity(req: Request): VerifiedIdentity | undefined;
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
    throw new ConfigError(["INBOX_TOKEN is also an institution's inbox token in INSTITUTIONS_FILE: the admin token must be a token of its own"]);
  }
  const tokenLogin = hasCredentials(credentials);
  const loginRequired = tokenLogin || options.oidc !== undefined;
  const sso = options.oidc;
  // An SSO session rests on the provider, the client and the groups that opened it.
  const ssoCredential = (viewer: InboxViewer): Buffer | undefined => {
    if (!sso) return undefined;
    const values =
      viewer.kind === 'admin'
        ? sso.mapping.admin
        : viewer.kind === 'institution'
          ? sso.mapping.institutions.find((i) => i.institution === viewer.institution)?.values
          : undefined;
    if (!values || values.length === 0) return undefined;
    return sha256(`oidc\n${sso.issuer}\n${sso.clientId}\n${sso.mapping.claim}\n${viewer.kind}\n${[...values].sort().join('\n')}`);
  };
  const key = options.sessionKey ?? sessionKey(options.sessionSecret, options.adminToken);
  const cookies = sessionCookies(key, credentials, options.now, ssoCredential);
  const sessions = new WeakMap<Request, InboxSession>();
  const pendingLogins = signedJson(key, 'oidc-pending', pendingLoginSchema, options.now);

  function authenticate(req: Request): InboxSession | null {
    if (!loginRequired) return { viewer: { kind: 'open' } };
    const header = req.headers.authorization;
    if (header !== undefined) {
      const viewer = header.startsWith('Bearer ') ? viewerForToken(header.slice(7).trim(), credentials) : null;
      return viewer ? { viewer } : null;
    }
    return cookies.read(readCookie(req, INBOX_COOKIE));
  }

  function personName(req: Request): string {
    const identity = sessions.get(req)?.identity;
    if (identity) return identity.name ?? identity.email ?? identity.subject;
    return readCookie(req, INBOX_NAME_COOKIE)?.trim().slice(0, 80) ?? '';
  }
  const secure = (req: Request): boolean => options.secureCookies || req.secure;

  return {
    loginRequired,
    tokenLogin,
    ...(sso ? { oidc: sso.login } : {}),
    login: (token) => (tokenLogin ? viewerForToken(token, credentials) : null),
    setSession(req, res, session) {
      const value = cookies.issue(session);
      if (value) setCookie(res, INBOX_COOKIE, value, { secure: secure(req), path: '/inbox', maxAgeSeconds: SESSION_SECONDS });
    },
    clearSession(req, res) {
      setCookie(res, INBOX_COOKIE, '', { secure: secure(req), path: '/inbox', maxAgeSeconds: 0 });
    },
    secure,
    setPending(req, res, pending) {
      // The provider sends the browser back with a cross-site top-level GET: only SameSite=Lax reaches it.
      setCookie(res, OIDC_PENDING_COOKIE, pendingLogins.issue(pending, OIDC_PENDING_SECONDS), {
        secure: secure(req),
        path: '/inbox/oidc',
        maxAgeSeconds: OIDC_PENDING_SECONDS,
      });
    },
    takePending(req, res) {
      const pending = pendingLogins.read(readCookie(req, OIDC_PENDING_COOKIE));
      setCookie(res, OIDC_PENDING_COOKIE, '', { secure: secure(req), path: '/inbox/oidc', maxAgeSeconds: 0 });
      return pending;
    },
    viewer(req) {
      const session = sessions.get(req);
      if (!session) throw new Error('the inbox guard did not run for this request');
      return session.viewer;
    },
    identity: (req) => sessions.get(req)?.identity,
    personName,
    actor(req) {
      const session = sessions.get(req);
      const viewer = session?.viewer;
      const identity = session?.identity;
      const name = identity ? verifiedName(identity) : personName(req) || options.defaultName;
      // A verified identity is part of the id, so the history says who acted, not just which institution.
      const suffix = identity ? `:sso:${identity.subject}` : '';
      if (viewer?.kind === 'institution') {
        return { channel: 'web', id: `inbox:${viewer.institution}${suffix}`, name: `${name} (${options.institutionName(viewer.institution)})` };
      }
      return { channel: 'web', id: viewer?.kind === 'admin' ? `inbox:admin${suffix}` : 'inbox', name };
    },
    guard(req, res, next) {
      const session = authenticate(req);
      if (session) {
        sessions.set(req, session);
        next();
        return;
      }
      if (req.headers.authorization !== undefined) markAuthFailed(res);
      if (req.path === '/login' || req.path === '/logout' || req.path.startsWith('/oidc/')) {
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

/** "An Peeters <an@ugent.be>": the name and address the identity provider vouched for. */
function verifiedName(identity: VerifiedIdentity): string {
  const name = identity.name ?? identity.subject;
  return identity.email && identity.email !== name ? `${name} <${identity.email}>` : name;
}
