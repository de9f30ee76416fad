// Microsoft Teams, behind the channel interface. Every botbuilder import of the project stays in this
// folder, so that the Microsoft 365 Agents SDK can replace the archived Bot Framework SDK here alone.
import express, { type Express } from 'express';
import { z } from 'zod';
import { CloudAdapter } from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { ChannelDeps, ChannelModule } from '../types.js';
import { ContactPointAccess, type AccessRules } from './access.js';
import { createAuthentication, type AuthEndpointOverrides } from './auth.js';
import { teamsEnabled, type TeamsConfig } from './config.js';
import { TeamsDeliverer } from './deliverer.js';
import { GraphGroupMembers } from './graph-group.js';
import { TeamsInbound } from './inbound.js';
import { teamsTexts } from './texts.js';

export { teamsConfigSchema, type TeamsConfig } from './config.js';
export type { AccessRules } from './access.js';
export type { AuthEndpointOverrides } from './auth.js';

const TEAMS_MESSAGES_PATH = '/api/messages';

/** Just enough of a Bot Framework activity for CloudAdapter to authenticate it; the rest is checked later. */
const activityShape = z.looseObject({ type: z.string().min(1) });

export interface TeamsChannelOptions {
  /** Per-institution contact-point users and channel (config/institutions.yaml), for the case-action check. */
  institution?: AccessRules['institution'];
  /** Private-cloud (or test) endpoints for token validation and outgoing calls. */
  authEndpoints?: AuthEndpointOverrides;
  /** Replaces the credentials for outgoing calls (tests; a certificate-based credential). */
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** The clock of the contact-point group's cache (tests). */
  now?: () => number;
}

export function createTeamsChannel(deps: ChannelDeps, config: TeamsConfig, options: TeamsChannelOptions = {}): ChannelModule {
  if (!teamsEnabled(config) || !config.MicrosoftAppId) {
    // Without an app id Bot Framework would accept unauthenticated requests; never mount like that.
    throw new Error('Teams needs MicrosoftAppId with MicrosoftAppPassword (or MicrosoftAppType=UserAssignedMSI with MicrosoftAppTenantId)');
  }
  const appId = config.MicrosoftAppId;
  const { auth, audience } = createAuthentication(config, options.authEndpoints, options.credentialsFactory);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (_context, err) => {
    deps.logger.error({ kind: 'teams-adapter-error', err: err instanceof Error ? err.name : 'unknown' }, 'teams: adapter error');
  };
  const texts = teamsTexts(deps.content.ui);
  const rules: AccessRules = {
    users: config.TEAMS_CONTACT_POINT_USERS,
    access: config.TEAMS_CONTACT_POINT_ACCESS,
    ...(options.institution ? { institution: options.institution } : {}),
  };
  if (config.TEAMS_CONTACT_POINT_ACCESS === 'group') {
    const group = contactPointGroup(config, deps, options);
    group.warm();
    rules.group = group;
  }
  const access = new ContactPointAccess(rules, deps.logger);
  const inbound = new TeamsInbound(deps, texts, access, { allowedTenants: config.TEAMS_ALLOWED_TENANTS });
  const deliverer = new TeamsDeliverer(adapter, appId, audience, deps, texts, inbound);

  return {
    name: 'teams',
    deliverer,
    mount(app: Express): void {
      // 401 before anything else: a request without a bearer token, a body that is not JSON or not an activity
      // (no `type`) never reaches CloudAdapter, which would answer such junk with 400 or 500 before authenticating.
      const parseJson = express.json({ limit: '1mb', type: () => true });
      app.post(
        TEAMS_MESSAGES_PATH,
        (req, res, next) => {
          if (!/^Bearer \S+$/i.test(req.headers.authorization ?? '')) {
            res.status(401).end();
            return;
          }
          parseJson(req, res, (err?: unknown) => {
            if (err) res.status(401).end();
            else next();
          });
        },
        async (req, res) => {
          if (!activityShape.safeParse(req.body).success) {
            deps.logger.warn({ kind: 'teams-rejected', reason: 'not-an-activity' }, 'teams: request rejected');
            res.status(401).end();
            return;
          }
          await adapter.process(req, res, inbound.onTurn);
        },
      );
      deps.logger.info({ kind: 'teams-mounted', path: TEAMS_MESSAGES_PATH }, 'teams: listening');
    },
  };
}

function contactPointGroup(config: TeamsConfig, deps: ChannelDeps, options: TeamsChannelOptions): GraphGroupMembers {
  const { TEAMS_CONTACT_POINT_GROUP: groupId, MicrosoftAppTenantId: tenantId, MicrosoftAppId: clientId, MicrosoftAppPassword: clientSecret } = config;
  // The config schema refuses 'group' without these; checked again because the type cannot say so.
  if (!groupId || !tenantId || !clientId || !clientSecret) {
    throw new Error('TEAMS_CONTACT_POINT_ACCESS=group needs TEAMS_CONTACT_POINT_GROUP, MicrosoftAppTenantId, MicrosoftAppId and MicrosoftAppPassword');
  }
  return new GraphGroupMembers({
    groupId,
    tenantId,
    clientId,
    clientSecret,
    graphUrl: config.GRAPH_API_URL,
    loginUrl: config.GRAPH_LOGIN_URL,
    ttlMs: config.TEAMS_CONTACT_POINT_GROUP_TTL_MINUTES * 60_000,
    logger: deps.logger,
    ...(options.now ? { now: options.now } : {}),
  });
}
