// Single sign-on for the inbox: OpenID Connect authorization code flow with PKCE, through openid-client.
// The provider's discovery document is fetched on the first login (and again after a failure), so an
// identity provider that is down keeps neither the server nor the web chat from starting.
// Which institution a contact point acts for comes from a group or role claim (config/institutions.yaml).
import * as client from 'openid-client';
import { z } from 'zod';
import type { SsoMapping } from '../../../config/institutions.js';
import type { PendingLogin } from './oidc-pending.js';
import type { VerifiedIdentity } from './session.js';
import type { InboxViewer } from './viewer.js';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  scopes: string;
  providerName: string;
}

export interface OidcStart {
  url: URL;
  /** Kept (signed) in a short-lived cookie until the provider sends the browser back. */
  pending: PendingLogin;
}

export type OidcResult =
  | { ok: true; viewer: InboxViewer; identity: VerifiedIdentity; idToken?: string }
  /** The provider vouched for the person, but no institution in config/institutions.yaml lists their groups. */
  | { ok: false; reason: 'no-institution'; identity: VerifiedIdentity }
  | { ok: false; reason: 'failed' };

export interface OidcLogin {
  providerName: string;
  start(redirectUri: string): Promise<OidcStart>;
  finish(currentUrl: URL, redirectUri: string, pending: PendingLogin): Promise<OidcResult>;
  /** Where to send the browser to end the provider's session too, when it offers that. */
  logoutUrl(postLogoutRedirectUri: string, idToken?: string): Promise<URL | undefined>;
}

const claimValues = z.union([z.array(z.string()), z.string()]).transform((v) => (Array.isArray(v) ? v : [v]));

/** Admin wins over an institution; two institutions at once are refused rather than guessed. */
export function viewerForClaims(values: string[], mapping: SsoMapping): InboxViewer | null {
  const held = new Set(values);
  if (mapping.admin.some((v) => held.has(v))) return { kind: 'admin' };
  const matches = mapping.institutions.filter((i) => i.values.some((v) => held.has(v)));
  return matches.length === 1 && matches[0] ? { kind: 'institution', institution: matches[0].institution } : null;
}

function isLoopbackUrl(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
}

function identityOf(claims: Record<string, unknown>): VerifiedIdentity {
  const text = (key: string): string | undefined => (typeof claims[key] === 'string' && claims[key] !== '' ? (claims[key] as string).slice(0, 200) : undefined);
  const email = text('email') ?? text('preferred_username');
  const name = text('name');
  return { subject: String(claims.sub), ...(name ? { name } : {}), ...(email ? { email: email.slice(0, 254) } : {}) };
}

export function createOidcLogin(settings: OidcSettings, mapping: SsoMapping): OidcLogin {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = (): Promise<client.Configuration> => {
    const issuer = new URL(settings.issuer);
    // Plain http only for a provider on this machine (tests, a local Keycloak); anything else must be https.
    const options = isLoopbackUrl(issuer) ? { execute: [client.allowInsecureRequests] } : {};
    discovered ??= client
      .discovery(issuer, settings.clientId, settings.clientSecret, settings.clientSecret ? undefined : client.None(), options)
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };

  async function claimsOf(config: client.Configuration, tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>): Promise<Record<string, unknown>> {
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('the provider returned no ID token');
    if (idClaims[mapping.claim] !== undefined) return idClaims;
    // Many providers put groups and roles only in the UserInfo answer.
    const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    return { ...info, ...idClaims };
  }

  return {
    providerName: settings.providerName,
    async start(redirectUri) {
      const config = await configuration();
      const pending: PendingLogin = { verifier: client.randomPKCECodeVerifier(), state: client.randomState(), nonce: client.randomNonce() };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: settings.scopes,
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url, pending };
    },
    async finish(currentUrl, redirectUri, pending) {
      try {
        const config = await configuration();
        const tokens = await client.authorizationCodeGrant(
          config,
          currentUrl,
          { pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true },
          { redirect_uri: redirectUri },
        );
        const claims = await claimsOf(config, tokens);
        const identity = identityOf(claims);
        const values = claimValues.safeParse(claims[mapping.claim]);
        const viewer = values.success ? viewerForClaims(values.data, mapping) : null;
        if (!viewer) return { ok: false, reason: 'no-institution', identity };
        return { ok: true, viewer, identity, ...(tokens.id_token ? { idToken: tokens.id_token } : {}) };
      } catch {
        return { ok: false, reason: 'failed' };
      }
    },
    async logoutUrl(postLogoutRedirectUri, idToken) {
      const config = await configuration().catch(() => undefined);
      if (!config?.serverMetadata().end_session_endpoint) return undefined;
      return client.buildEndSessionUrl(config, {
        post_logout_redirect_uri: postLogoutRedirectUri,
        client_id: settings.clientId,
        ...(idToken ? { id_token_hint: idToken } : {}),
      });
    },
  };
}
