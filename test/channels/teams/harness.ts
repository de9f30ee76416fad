// Builds the Teams channel on a real express server with fake services, wired to the fake cloud.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import pino from 'pino';
import { ServiceClientCredentialsFactory } from 'botframework-connector';
import { loadPlaybooks, loadUi, type Content } from '../../../src/content/load.js';
import { createTeamsChannel, teamsConfigSchema, type TeamsChannelOptions } from '../../../src/channels/teams/index.js';
import type { ChannelModule } from '../../../src/channels/types.js';
import type { ConversationState, Reply } from '../../../src/engine/types.js';
import type { CaseActionResult, CaseService, ConversationService, InboundTurn } from '../../../src/service/types.js';
import type { Actor, CaseRecord, OutboxJob, Store } from '../../../src/store/types.js';
import { FakeBotFrameworkCloud, ISSUER } from './fake-cloud.js';

export const APP_ID = '0c5f7e9a-1234-4bcd-8def-0123456789ab';
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
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

export class FakeConversations implements ConversationService {
  readonly turns: InboundTurn[] = [];
  replies: Reply[] = [{ kind: 'text', text: 'ok' }];
  async handle(turn: InboundTurn) {
    this.turns.push(turn);
    const state = { v: 1, lang: turn.lang ?? 'en', phase: 'asking', facts: {}, answers: [], flags: [], screening: [], cases: [], signals: [], langChosen: false, turn: 1 } as ConversationState;
    return { replies: this.replies, state, createdCases: [] };
  }
}

export class FakeCases implements CaseService {
  readonly cases = new Map<string, CaseRecord>();
  readonly calls: Array<{ action: string; id: string; actor: Actor; text?: string }> = [];
  private update(id: string, actor: Actor, action: 'take' | 'ask' | 'close', text?: string): CaseActionResult {
    const c = this.cases.get(id);
    if (!c) return { ok: false, reason: 'not-found' };
    if (c.status === 'closed') return { ok: false, reason: 'wrong-status', case: c };
    this.calls.push(text === undefined ? { action, id, actor } : { action, id, actor, text });
    const status = action === 'take' ? 'taken' : action === 'ask' ? 'awaiting-info' : 'closed';
    const next: CaseRecord = { ...c, status, assignee: actor, ...(action === 'close' ? { advice: text } : {}) };
    this.cases.set(id, next);
    return { ok: true, case: next };
  }
  async take(id: string, actor: Actor) {
    return this.update(id, actor, 'take');
  }
  async ask(id: string, actor: Actor, q: string) {
    return this.update(id, actor, 'ask', q);
  }
  async close(id: string, actor: Actor, advice: string) {
    return this.update(id, actor, 'close', advice);
  }
  async get(id: string) {
    return this.cases.get(id) ?? [...this.cases.values()].find((c) => c.ref === id) ?? null;
  }
}

export interface Harness {
  cloud: FakeBotFrameworkCloud;
  channel: ChannelModule;
  conversations: FakeConversations;
  cases: FakeCases;
  jobs: OutboxJob[];
  logs: Array<Record<string, unknown>>;
  url: string;
  post(activity: Record<string, unknown>, auth?: string | null): Promise<{ status: number; body: unknown }>;
  /** A fixture activity with this run's service URL and app id filled in. */
  fixture(name: string): Record<string, unknown>;
  /** A valid channel token for an activity. */
  tokenFor(activity: Record<string, unknown>): string;
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}, options: Partial<TeamsChannelOptions> = {}): Promise<Harness> {
  const cloud = new FakeBotFrameworkCloud();
  await cloud.start();
  const logs: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const conversations = new FakeConversations();
  const cases = new FakeCases();
  const jobs: OutboxJob[] = [];
  const store = { listJobs: async (f?: { caseId?: string }) => jobs.filter((j) => !f?.caseId || j.caseId === f.caseId) } as Partial<Store> as Store;
  const content = {
    ui: loadUi(join(root, 'content/ui')),
    playbooks: loadPlaybooks(join(root, 'test/fixtures/teams/dialogs')),
  } as Partial<Content> as Content;
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
    ...options,
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
    jobs,
    logs,
    url,
    tokenFor,
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
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await cloud.stop();
    },
  };
}
