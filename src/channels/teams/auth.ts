// Bot Framework authentication for POST /api/messages. Every failure to authenticate is a 401:
// CloudAdapter answers 500 to errors that are not AuthenticationError (a bad signature, a malformed token),
// so this wrapper turns those into AuthenticationError too. Nothing unauthenticated reaches the bot logic.
import { ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import {
  AuthenticationError,
  BotFrameworkAuthentication,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorFactory,
  type ServiceClientCredentialsFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import type { TeamsConfig } from './config.js';

const UNAUTHORIZED = 401;

function unauthorized(err: unknown): AuthenticationError {
  if (err instanceof AuthenticationError) return err;
  const reason = err instanceof Error ? err.name : 'invalid token';
  return new AuthenticationError(`Unauthorized: ${reason}`, UNAUTHORIZED);
}

class StrictAuthentication extends BotFrameworkAuthentication {
  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    // An empty or absent header would be accepted when authentication is disabled; it never is here.
    if (!authHeader.trim()) throw new AuthenticationError('Unauthorized: no token', UNAUTHORIZED);
    try {
      return await this.inner.authenticateRequest(activity, authHeader);
    } catch (err) {
      throw unauthorized(err);
    }
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
    } catch (err) {
      throw unauthorized(err);
    }
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.inner.createConnectorFactory(claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override async authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    try {
      return await this.inner.authenticateChannelRequest(authHeader);
    } catch (err) {
      throw unauthorized(err);
    }
  }
}

/**
 * Endpoint overrides for a private cloud, or for tests that serve their own OpenID metadata and
 * connector: ToBotFromChannelOpenIdMetadataUrl, ToBotFromChannelTokenIssuer, ToChannelFromBotLoginUrl, ...
 */
export type AuthEndpointOverrides = Partial<ConfigurationBotFrameworkAuthenticationOptions>;

/** The audience (OAuth scope) of outgoing connector calls in the public cloud. */
const PUBLIC_CLOUD_SCOPE = 'https://api.botframework.com';

export function createAuthentication(
  config: TeamsConfig,
  overrides: AuthEndpointOverrides = {},
  credentialsFactory?: ServiceClientCredentialsFactory,
): { auth: BotFrameworkAuthentication; audience: string } {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    MicrosoftAppType: config.MicrosoftAppType,
    ...overrides,
  };
  const auth = new StrictAuthentication(new ConfigurationBotFrameworkAuthentication(options, credentialsFactory));
  return { auth, audience: overrides.ToChannelFromBotOAuthScope ?? PUBLIC_CLOUD_SCOPE };
}
