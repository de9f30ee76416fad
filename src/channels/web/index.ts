// The web channel: the researchers' chat at /, the contact points' inbox at /inbox, their static files,
// and the deliverer that brings notices to the researcher's page.
import express, { type Express } from 'express';
import type { Lang } from '../../engine/types.js';
import type { ChannelDeps, ChannelModule } from '../types.js';
import { loadAssets } from './assets.js';
import { chatRoutes } from './chat/routes.js';
import { createWebDeliverer } from './deliverer.js';
import type { SsoMapping } from '../../config/institutions.js';
import type { RateLimits } from '../../server/rate-limits.js';
import { createInboxAuth, type InboxCredential } from './inbox/auth.js';
import type { OidcSettings } from './inbox/oidc.js';
import { inboxRoutes } from './inbox/routes.js';
import { sourcesRoutes } from './sources/routes.js';
import type { BatchScreener } from '../../screening/batch.js';
import { createWebSessions } from './session.js';

export interface WebChannelOptions {
  defaultLang: Lang;
  /** Required to open /inbox when the server is not on a loopback address; sees every institution. */
  inboxToken?: string;
  /** Institutions whose contact points log in with their own token and see only their cases. */
  inboxInstitutions?: InboxCredential[];
  /** Cookies get the Secure attribute (the server is reached over https). */
  secureCookies: boolean;
  /** The running screener, for the inbox's batch screening. */
  screener?: BatchScreener;
  /** Signs the web-chat session cookies (and the inbox's, when no INBOX_TOKEN gives a key). */
  sessionKey: Buffer;
  sessionSecret?: string;
  /** Single sign-on for the inbox. */
  oidc?: { settings: OidcSettings; mapping: SsoMapping };
  publicUrl?: string;
  limits?: RateLimits;
  /** The service's clock, so that session issue times compare with case times. */
  now?: () => number;
}

export async function createWebChannel(deps: ChannelDeps, options: WebChannelOptions): Promise<ChannelModule> {
  const assets = await loadAssets();
  const defaultName = deps.content.ui['inbox.default-actor']?.[options.defaultLang] ?? 'Contact point';
  const institutionNames = new Map(deps.content.reference.contactPoints.map((cp) => [cp.id, cp.name]));
  // openid-client is loaded only when single sign-on is configured.
  const oidcLogin = options.oidc ? (await import('./inbox/oidc.js')).createOidcLogin(options.oidc.settings, options.oidc.mapping) : undefined;
  const inboxAuth = createInboxAuth({
    ...(options.inboxToken ? { adminToken: options.inboxToken } : {}),
    institutions: options.inboxInstitutions ?? [],
    secureCookies: options.secureCookies,
    defaultName,
    institutionName: (id) => institutionNames.get(id) ?? id,
    ...(options.sessionSecret ? { sessionSecret: options.sessionSecret } : {}),
    ...(options.oidc && oidcLogin
      ? {
          oidc: {
            login: oidcLogin,
            mapping: options.oidc.mapping,
            issuer: options.oidc.settings.issuer,
            clientId: options.oidc.settings.clientId,
          },
        }
      : {}),
  });
  const sessions = createWebSessions({ key: options.sessionKey, secureCookies: options.secureCookies, ...(options.now ? { now: options.now } : {}) });
  return {
    name: 'web',
    deliverer: createWebDeliverer({ conversations: deps.conversations, store: deps.store }),
    mount(app: Express) {
      app.get('/static/:file', (req, res) => {
        const asset = assets.get(String(req.params.file));
        if (!asset) {
          res.status(404).end();
          return;
        }
        res.setHeader('Cache-Control', 'public, max-age=300');
        res.type(asset.type).send(asset.body);
      });
      // Browsers ask for it on every page; answering keeps the logs and the console clean.
      app.get('/favicon.ico', (_req, res) => {
        res.status(204).end();
      });
      // The guideline texts that citations link to (/sources/vlir#dual-use), for the chat and the inbox.
      app.use(sourcesRoutes(deps.content, options.defaultLang));
      app.use('/api/chat', express.json({ limit: '32kb' }));
      app.use(
        chatRoutes({
          conversations: deps.conversations,
          store: deps.store,
          content: deps.content,
          defaultLang: options.defaultLang,
          sessions,
          ...(options.limits ? { limits: options.limits } : {}),
        }),
      );
      app.use(
        '/inbox',
        inboxRoutes({
          cases: deps.cases,
          store: deps.store,
          content: deps.content,
          defaultLang: options.defaultLang,
          auth: inboxAuth,
          secureCookies: options.secureCookies,
          ...(options.screener ? { screener: options.screener } : {}),
          ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
          ...(options.limits ? { loginLimit: options.limits.inboxLogin } : {}),
        }),
      );
    },
  };
}
