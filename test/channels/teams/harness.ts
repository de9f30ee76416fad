// Builds the Teams channel on a real express server with the real engine (content, router, screener), the
// real store (SQLite in a temp dir), ConversationService, CaseService, CaseRouter and OutboxWorker. Only the
// Bot Framework cloud is a stand-in: in-process OpenID/JWKS, token endpoint and Teams connector (fake-cloud.ts).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import pino from 'pino';
import { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Content } from '../../../src/content/load.js';
import { createTeamsChannel, teamsConfigSchema, type TeamsChannelOptions } from '../../../src/channels/teams/index.js';
import type { ChannelModule } from '../../../src/channels/types.js';
import { createCaseRouter } from '../../../src/service/case-router.js';
import { createCaseService } from '../../../src/service/case-service.js';
import { createConversationService } from '../../../src/service/conversation-service.js';
import { createOutboxWorker, type OutboxWorker } from '../../../src/service/outbox-worker.js';
import type { CaseService, ConversationService, InboundTurn, TurnResult } from '../../../src/service/types.js';
import { createSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../../src/store/types.js';
import { testEngine } from '../../helpers/engine.js';
import { FakeBotFrameworkCloud, ISSUER } from './fake-cloud.js';

export const APP_ID = '0c5f7e9a-1234-4bcd-8def-0123456789ab';
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
/** The contact point's channel and team (as in the case-action fixture). */
export const CONTACT_CHANNEL_ID = '19:contact-point-cases@thread.tacv2';
export const CONTACT_TEAM_ID = '19:contact-point-team@thread.tacv2';
const root = join(import.meta.dirname, '../../..');

type Creds = Awaited<ReturnType<ServiceClientCredentialsFactory['createCredentials']>>;

/** Outbound credentials that fetch their token from the fake cloud's token endpoint. */
class FakeCloudCredentials extends ServiceClientCredentialsFactory {
  constructor(private readonly tokenUrl: string) {
    super();
  }
  override async isValidAppId(appId: string): Promise<boolean> {
    return appId === APP_ID;
  }
  override async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }
  override async createCredentials(): Promise<Creds> {
    const tokenUrl = this.tokenUrl;
    return {
      async signRequest(request) {
        const res = await fetch(tokenUrl, { method: 'POST', body: `grant_type=client_credentials&client_id=${APP_ID}` });
        const { access_token } = (await res.json()) as { access_token: string };
        request.headers.set('authorization', `Bearer ${access_token}`);
        return request;
      },
    };
  }
}

/** The real ConversationService, recording what the channel handed it and what it answered. */
export interface RecordingConversations extends ConversationService {
  readonly turns: InboundTurn[];
  readonly results: TurnResult[];
}

export interface Harness {
  cloud: FakeBotFrameworkCloud;
  channel: ChannelModule;
  conversations: RecordingConversations;
  cases: CaseService;
  store: Store;
  worker: OutboxWorker;
  content: Content;
  logs: Array<Record<string, unknown>>;
  url: string;
  post(activity: Record<string, unknown>, auth?: string | null): Promise<{ status: number; body: unknown }>;
  /** A fixture activity with this run's service URL and app id filled in. */
  fixture(name: string): Record<string, unknown>;
  /** A valid channel token for an activity. */
  tokenFor(activity: Record<string, unknown>): string;
  /** Moves the outbox worker's clock forward (a retry that Teams asked to wait for). */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

export interface HarnessOptions extends Partial<TeamsChannelOptions> {
  /** Routes uhasselt's cases to the contact-point channel in Teams (default true). */
  route?: boolean;
}

export async function startHarness(env: Record<string, string> = {}, options: HarnessOptions = {}): Promise<Harness> {
  const { route = true, ...channelOptions } = options;
  const cloud = new FakeBotFrameworkCloud();
  await cloud.start();
  const logs: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const dir = mkdtempSync(join(tmpdir(), 'teams-test-'));
  const store = createSqliteStore({ path: join(dir, 'advisor.db'), synchronous: 'NORMAL' });
  await store.migrate();
  const engine = testEngine();
  const content = engine.content;
  const router = createCaseRouter(
    route ? [{ id: 'uhasselt', teams: { serviceUrl: cloud.serviceUrl, conversationId: CONTACT_CHANNEL_ID, tenantId: TENANT }, inbox: true }] : [],
  );
  const real = createConversationService({ store, step: engine.step, router, clock: () => new Date(), newId: randomUUID, logger });
  const turns: InboundTurn[] = [];
  const results: TurnResult[] = [];
  const conversations: RecordingConversations = {
    turns,
    results,
    async handle(turn) {
      turns.push(turn);
      const result = await real.handle(turn);
      results.push(result);
      return result;
    },
  };
  const cases = createCaseService({ store, router, clock: () => new Date(), logger });
  const config = teamsConfigSchema.parse({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant', ...env });
  const channel = createTeamsChannel({ conversations, cases, store, content, logger }, config, {
    authEndpoints: {
      ToBotFromChannelOpenIdMetadataUrl: cloud.metadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: cloud.metadataUrl,
      ToBotFromChannelTokenIssuer: ISSUER,
      ToChannelFromBotLoginUrl: `${cloud.url}/oauth`,
      ToChannelFromBotOAuthScope: 'https://api.botframework.test',
      OAuthUrl: `${cloud.url}/oauth`,
      CallerId: 'urn:botframework:test',
      ValidateAuthority: false,
    },
    credentialsFactory: new FakeCloudCredentials(`${cloud.url}/oauth/token`),
    ...channelOptions,
  });
  let offsetMs = 0;
  const worker = createOutboxWorker({
    store,
    deliverers: new Map([['teams', channel.deliverer]]),
    clock: () => new Date(Date.now() + offsetMs),
    logger,
    maxAttempts: 5,
    backoffMs: 1,
    maxBackoffMs: 1,
    pollMs: 50,
    workerId: 'test',
    random: () => 0,
  });
  const app = express();
  channel.mount(app);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const tokenFor = (activity: Record<string, unknown>) => cloud.token({ aud: APP_ID, serviceurl: activity.serviceUrl });
  return {
    cloud,
    channel,
    conversations,
    cases,
    store,
    worker,
    content,
    logs,
    url,
    tokenFor,
    advanceClock(ms) {
      offsetMs += ms;
    },
    fixture(name) {
      const text = readFileSync(join(root, 'test/fixtures/teams', `${name}.json`), 'utf8')
        .replaceAll('{{SERVICE_URL}}', cloud.serviceUrl)
        .replaceAll('{{APP_ID}}', APP_ID);
      return JSON.parse(text) as Record<string, unknown>;
    },
    async post(activity, auth) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const authorization = auth === undefined ? `Bearer ${tokenFor(activity)}` : auth;
      if (authorization !== null) headers.authorization = authorization;
      const res = await fetch(`${url}/api/messages`, { method: 'POST', headers, body: JSON.stringify(activity) });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* plain text */
      }
      return { status: res.status, body };
    },
    async close() {
      await worker.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await cloud.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
