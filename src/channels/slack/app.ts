// Builds the Bolt App: the durable inbox in front of the Events API, workspace filter and replay dedup, then
// the listeners.
import { App, type AppOptions, type Receiver, type ReceiverEvent, type webApi } from '@slack/bolt';
import { boltLogger } from './bolt-logger.js';
import { BotIdentity } from './bot-identity.js';
import { EventDeduplicator } from './dedup.js';
import { inboxKeyOfBody, type SlackInbox } from './inbox.js';
import { registerCaseActions } from './inbound/case-actions.js';
import { registerCommand } from './inbound/command.js';
import { registerEngineActions } from './inbound/engine-actions.js';
import { registerHome } from './inbound/home.js';
import { registerMessages } from './inbound/messages.js';
import { replayKeyOf } from './replay.js';
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
  /** Events API deliveries go through it: stored before the ack, processed from there. */
  inbox?: SlackInbox;
}

/** Replies wait out a 429 and retry a few times; anything longer belongs to the outbox. */
const INBOUND_RETRY = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 10_000 };

/** The name under which an inbox item's key reaches listeners (Bolt copies customProperties into the context). */
const INBOX_KEY = 'inboxKey';

/**
 * Every receiver (our HTTP one, Bolt's Express or Socket Mode receiver) hands events to processEvent. An Events
 * API delivery is written to the inbox there and acked; it is then processed from the inbox, not from the request.
 */
class InboxApp extends App {
  inbox: SlackInbox | undefined;

  override async processEvent(event: ReceiverEvent): Promise<void> {
    const key = this.inbox && event.customProperties?.[INBOX_KEY] === undefined ? inboxKeyOfBody(event.body) : undefined;
    if (!this.inbox || !key) return super.processEvent(event);
    const accepted = await this.inbox.accept(key, event.body);
    await event.ack();
    if (accepted !== 'duplicate') void this.inbox.run(key, event.body, accepted === 'new');
  }

  /** Runs a stored event through Bolt's middleware and listeners; its ack was sent when it was stored. */
  processStored(key: string, body: Record<string, unknown>): Promise<void> {
    return super.processEvent({ body, ack: async () => undefined, customProperties: { [INBOX_KEY]: key } });
  }
}

export function createSlackApp(rt: SlackRuntime, options: SlackAppOptions): App {
  const logger = boltLogger(rt.log);
  const clientOptions: webApi.WebClientOptions = { retryConfig: INBOUND_RETRY, ...options.clientOptions, logger };
  const appOptions: AppOptions = {
    logger,
    clientOptions,
    ignoreSelf: true,
    convoStore: false,
    // Filled in below, once the app's own client exists. Never waits on Slack.
    authorize: async (_source, body) => identity.authorize(body),
  };
  if (options.receiver) appOptions.receiver = options.receiver;
  else if (options.appToken) {
    appOptions.socketMode = true;
    appOptions.appToken = options.appToken;
  }
  const app = new InboxApp(appOptions);
  const identity = new BotIdentity(app.client, options.token);
  void identity.refresh();
  if (options.inbox) {
    app.inbox = options.inbox;
    options.inbox.setRunner((key, body) => app.processStored(key, body));
  }

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

  // Events are deduplicated by the inbox; slash commands, clicks and form submissions by their trigger id and
  // action time, so that a signed request replayed within the five-minute window is not handled twice.
  const dedup = new EventDeduplicator(rt.deps.store, rt.config.SLACK_DEDUP_TTL_MINUTES * 60_000, rt.log, options.now);
  app.use(async (args) => {
    const eventId: unknown = (args.body as { event_id?: unknown }).event_id;
    const key = typeof eventId === 'string' && options.inbox === undefined ? `event:${eventId}` : replayKeyOf(args.body);
    if (key && !(await dedup.firstTime(key))) {
      rt.log.info({ kind: key.split(':')[0] }, 'duplicate request ignored');
      if ('ack' in args && typeof args.ack === 'function') await args.ack();
      return;
    }
    await args.next();
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
