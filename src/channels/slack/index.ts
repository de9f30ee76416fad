// The Slack channel: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on POST /slack/events of the
// shared server. Everything from @slack/* stays inside this folder.
import { webApi } from '@slack/bolt';
import type { Express } from 'express';
import type { ChannelDeps, ChannelModule } from '../types.js';
import { createSlackApp } from './app.js';
import { slackMode, type SlackConfig } from './config.js';
import { SlackDeliverer } from './deliverer.js';
import { SlackDirectory } from './directory.js';
import { createHttpReceiver } from './http-receiver.js';
import type { SlackRuntime } from './runtime.js';
import { SlackInbox } from './inbox.js';
import { SocketConnector } from './socket.js';
import { slackTexts } from './texts.js';
import { boltLogger } from './bolt-logger.js';

export { slackConfigSchema, type SlackConfig, type SlackMode } from './config.js';

export interface SlackChannelOptions {
  /** Web API base URL; wins over SLACK_API_URL. */
  slackApiUrl?: string;
  /** Clock for dedup and the inbox (signature age is Bolt's, on the real clock). */
  now?: () => Date;
  /** Per-institution Slack user ids allowed to act on its cases (contactPoints.slack in config/institutions.yaml). */
  institutionContactPoints?: (institution: string) => readonly string[];
}

export interface SlackChannelModule extends ChannelModule {
  readonly name: 'slack';
  readonly mode: 'socket' | 'http';
  /** The Bolt app, for tests that feed payloads through its event path. */
  readonly bolt: import('@slack/bolt').App;
}

export function createSlackChannel(deps: ChannelDeps, config: SlackConfig, options: SlackChannelOptions = {}): SlackChannelModule {
  const mode = slackMode(config);
  const token = config.SLACK_BOT_TOKEN;
  if (mode === 'off' || !token) {
    throw new Error('Slack needs SLACK_BOT_TOKEN and either SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)');
  }
  const log = deps.logger.child({ channel: 'slack' });
  const rt: SlackRuntime = {
    deps,
    config,
    t: slackTexts(deps.content.ui, deps.content),
    directory: new SlackDirectory(),
    log,
    institutionContactPoints: options.institutionContactPoints ?? (() => []),
  };
  // Every Web API call (Bolt's own client, replies, outbox deliveries) goes to the configured base URL.
  const apiUrl = { slackApiUrl: options.slackApiUrl ?? config.SLACK_API_URL };
  const now = options.now;
  const inbox = new SlackInbox({
    store: deps.store,
    ttlMs: config.SLACK_DEDUP_TTL_MINUTES * 60_000,
    leaseMs: config.SLACK_INBOX_LEASE_SECONDS * 1000,
    logger: log,
    ...(now ? { now } : {}),
  });

  const http = mode === 'http' && config.SLACK_SIGNING_SECRET ? createHttpReceiver(config.SLACK_SIGNING_SECRET, log) : undefined;
  const bolt = createSlackApp(rt, {
    token,
    ...(http ? { receiver: http.receiver } : { appToken: config.SLACK_APP_TOKEN }),
    clientOptions: apiUrl,
    inbox,
    ...(now ? { now } : {}),
  });
  const socket = mode === 'socket' ? new SocketConnector(bolt, log) : null;

  // Outbox deliveries fail fast on a 429 and hand the wait back to the outbox (retryAfterMs).
  const deliveryClient = new webApi.WebClient(token, {
    ...apiUrl,
    logger: boltLogger(log),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 15_000,
  });

  return {
    name: 'slack',
    mode,
    bolt,
    deliverer: new SlackDeliverer(rt, deliveryClient),
    mount(server: Express): void {
      http?.mount(server);
    },
    async start(): Promise<void> {
      // Events acked by an instance that died before answering them are taken over from the store.
      inbox.start();
      await socket?.start();
    },
    async stop(): Promise<void> {
      await socket?.stop();
      await inbox.stop();
    },
  };
}
