// Builds the real Slack channel on a real express server, with the real engine (content, router, screener),
// the real store (SQLite in a temp dir), ConversationService, CaseService, CaseRouter and OutboxWorker.
// Only slack.com is a stand-in: the in-process FakeSlackApi.
import { createHmac } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import pino from 'pino';
import type { Content } from '../../../src/content/load.js';
import { createCaseRouter } from '../../../src/service/case-router.js';
import { createCaseService } from '../../../src/service/case-service.js';
import { createConversationService } from '../../../src/service/conversation-service.js';
import { createOutboxWorker, type OutboxWorker } from '../../../src/service/outbox-worker.js';
import type { CaseService, ConversationService, InboundTurn, TurnResult } from '../../../src/service/types.js';
import { createSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../../src/store/types.js';
import { createSlackChannel, slackConfigSchema, type SlackChannelModule } from '../../../src/channels/slack/index.js';
import { testEngine } from '../../helpers/engine.js';
import { FakeSlackApi } from './fake-slack-api.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const TEAM = 'T0RSA';
export const CONTACT_CHANNEL = 'C0CONTACT';
const FIXTURES = join(import.meta.dirname, '../../fixtures/slack');

/** Text a researcher might type that would ping a whole channel if it were not escaped. */
export const HOSTILE = '<!channel> & <@U0BOSS> look';

let triggers = 0;

/** A fixture file with __TOKENS__ replaced. Each interaction gets its own trigger_id, as Slack gives it, unless one is given. */
export function fixture(name: string, tokens: Record<string, string> = {}): string {
  let text = readFileSync(join(FIXTURES, name), 'utf8');
  for (const [key, value] of Object.entries(tokens)) text = text.split(`__${key}__`).join(value);
  triggers += 1;
  return text.split('__TRIGGER_ID__').join(`13345224609.738474920.${String(triggers).padStart(8, '0')}`);
}

export function sign(body: string, timestamp = Math.floor(Date.now() / 1000), secret = SIGNING_SECRET): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

export interface Harness {
  api: FakeSlackApi;
  store: Store;
  cases: CaseService;
  conversations: ConversationService;
  handled: InboundTurn[];
  /** What the real ConversationService answered, turn by turn (same order as `handled`). */
  results: TurnResult[];
  channel: SlackChannelModule;
  worker: OutboxWorker;
  content: Content;
  baseUrl: string;
  /** POSTs a signed body to /slack/events. */
  post(body: string, contentType: string, headers?: Record<string, string>): Promise<Response>;
  postEvent(name: string, tokens?: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
  postPayload(name: string, tokens?: Record<string, string>): Promise<Response>;
  postCommand(name: string, tokens?: Record<string, string>): Promise<Response>;
  /** Waits until the channel finished everything it started (posted replies etc.). */
  settle(ms?: number): Promise<void>;
  /** How many inbound turns the channel has answered (all their messages posted). */
  turnsAnswered(): number;
  /** Waits until `count` turns were answered. */
  waitForTurns(count: number, timeoutMs?: number): Promise<void>;
  /** Log lines at error level or above (a failed turn). */
  problems(): Array<{ msg?: string }>;
  close(): Promise<void>;
}

export async function createHarness(
  env: Record<string, string> = {},
  options: { slowHandleMs?: number; institutionContactPoints?: (institution: string) => readonly string[] } = {},
): Promise<Harness> {
  const api = new FakeSlackApi();
  await api.start();
  const dir = mkdtempSync(join(tmpdir(), 'slack-test-'));
  const store = createSqliteStore({ path: join(dir, 'advisor.db'), synchronous: 'NORMAL' });
  await store.migrate();
  // The channel logs "turn answered" after the last post of a turn: tests wait for that, not for a quiet period.
  const logLines: Array<{ msg?: string; level?: number }> = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logLines.push(JSON.parse(line) as { msg?: string; level?: number });
        done();
      },
    }),
  );
  const engine = testEngine();
  const router = createCaseRouter([{ id: 'uhasselt', slack: { teamId: TEAM, channelId: CONTACT_CHANNEL }, inbox: true }]);
  const real = createConversationService({
    store,
    step: engine.step,
    router,
    clock: () => new Date(),
    newId: randomUUID,
    logger,
  });
  const handled: InboundTurn[] = [];
  const results: TurnResult[] = [];
  const conversations: ConversationService = {
    async handle(turn) {
      handled.push(turn);
      if (options.slowHandleMs) await new Promise((r) => setTimeout(r, options.slowHandleMs));
      const result = await real.handle(turn);
      results.push(result);
      return result;
    },
  };
  const cases = createCaseService({ store, router, clock: () => new Date(), logger });
  const config = slackConfigSchema.parse({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.apiUrl,
    ...env,
  });
  const content = engine.content;
  const channel = createSlackChannel({ conversations, cases, store, content, logger }, config, {
    ...(options.institutionContactPoints ? { institutionContactPoints: options.institutionContactPoints } : {}),
  });
  const worker = createOutboxWorker({
    store,
    deliverers: new Map([['slack', channel.deliverer]]),
    clock: () => new Date(),
    logger,
    maxAttempts: 5,
    backoffMs: 1,
    pollMs: 50,
    workerId: 'test',
    random: () => 0,
  });
  const server = express();
  channel.mount(server);
  const http: Server = await new Promise((resolve) => {
    const s = server.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  async function post(body: string, contentType: string, headers: Record<string, string> = sign(body)): Promise<Response> {
    return fetch(`${baseUrl}/slack/events`, { method: 'POST', body, headers: { 'content-type': contentType, ...headers } });
  }

  async function settle(ms = 150): Promise<void> {
    // Quiet for `ms`: no new Web API calls.
    let seen = -1;
    while (seen !== api.calls.length) {
      seen = api.calls.length;
      await new Promise((r) => setTimeout(r, ms));
    }
  }

  const turnsAnswered = () => logLines.filter((l) => l.msg === 'turn answered').length;
  async function waitForTurns(count: number, timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (turnsAnswered() < count) {
      if (Date.now() > until) throw new Error(`expected ${count} answered turns, saw ${turnsAnswered()}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  const tokens = (extra: Record<string, string>) => ({ RESPONSE_URL: `${api.url}/response/1`, TEAM, EVENT_ID: 'Ev0MSG00001', ...extra });

  return {
    api,
    store,
    cases,
    conversations,
    handled,
    results,
    channel,
    worker,
    content,
    baseUrl,
    post,
    postEvent: (name, t = {}, headers) => {
      const body = fixture(name, tokens(t));
      return post(body, 'application/json', { ...sign(body), ...headers });
    },
    postPayload: (name, t = {}) => {
      const payload = JSON.stringify(JSON.parse(fixture(name, tokens(t))) as unknown);
      return post(new URLSearchParams({ payload }).toString(), 'application/x-www-form-urlencoded');
    },
    postCommand: (name, t = {}) => {
      const fields = JSON.parse(fixture(name, tokens(t))) as Record<string, string>;
      return post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
    },
    settle,
    turnsAnswered,
    waitForTurns,
    problems: () => logLines.filter((l) => (l.level ?? 0) >= 50),
    async close() {
      await worker.stop();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await api.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
