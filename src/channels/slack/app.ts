// Builds the Bolt App: workspace filter and retry dedup first, then the listeners.
import { App, type AppOptions, type Receiver, type webApi } from '@slack/bolt';
import { boltLogger } from './bolt-logger.js';
import { BotIdentity } from './bot-identity.js';
import { EventDeduplicator } from './dedup.js';
import { registerCaseActions } from './inbound/case-actions.js';
import { registerCommand } from './inbound/command.js';
import { registerEngineActions } from './inbound/engine-actions.js';
import { registerHome } from './inbound/home.js';
import { registerMessages } from './inbound/messages.js';
import type { SlackRuntime } from './runtime.js';
import { teamIdOf } from './team-id.js';

export interface SlackAppOptions {
  token: string;
  /** HTTP mode: our receiver on the shared express server. */
  receiver?: Receiver;
  /** Socket Mode: the app-level token. */
  appToken?: string;
  clientOptions?: webApi.WebClientOptions;
  now?: () => Date;
}

/** Replies wait out a 429 and retry a few times; anything longer belongs to the outbox. */
export const INBOUND_RETRY = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 10_000 };

export function createSlackApp(rt: SlackRuntime, options: SlackAppOptions): App {
  const logger = boltLogger(rt.log);
  const clientOptions: webApi.WebClientOptions = { retryConfig: INBOUND_RETRY, ...options.clientOptions, logger };
  const appOptions: AppOptions = {
    logger,
    clientOptions,
    ignoreSelf: true,
    convoStore: false,
    // Filled in below, once the app's own client exists.
    authorize: async () => identity.authorize(),
  };
  if (options.receiver) appOptions.receiver = options.receiver;
  else if (options.appToken) {
    appOptions.socketMode = true;
    appOptions.appToken = options.appToken;
  }
  const app = new App(appOptions);
  const identity = new BotIdentity(app.client, options.token);

  const allowed = new Set(rt.config.SLACK_ALLOWED_TEAMS);
  if (allowed.size > 0) {
    app.use(async (args) => {
      const team = teamIdOf(args.body);
      if (team && allowed.has(team)) {
        await args.next();
        return;
      }
      rt.log.info({ team: team ?? 'unknown' }, 'ignored: workspace not allowed');
      if ('ack' in args && typeof args.ack === 'function') await args.ack();
    });
  }

  const dedup = new EventDeduplicator(rt.deps.store, rt.config.SLACK_DEDUP_TTL_MINUTES * 60_000, rt.log, options.now);
  app.use(async ({ body, next }) => {
    const eventId: unknown = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await dedup.firstTime(eventId))) {
      rt.log.info({ eventId }, 'duplicate event ignored');
      return;
    }
    await next();
  });

  registerMessages(app, rt);
  registerCommand(app, rt);
  registerEngineActions(app, rt);
  registerCaseActions(app, rt);
  registerHome(app, rt);

  app.error(async (error) => {
    rt.log.error({ code: error.code, err: error.name }, 'slack listener failed');
  });
  return app;
}
