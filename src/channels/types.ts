// What a channel (Slack, Teams, web, terminal) plugs into the one process of `npm start`.
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { Content } from '../content/load.js';
import type { Store, ChannelName } from '../store/types.js';
import type { CaseService, ConversationService, Deliverer } from '../service/types.js';

export interface ChannelDeps {
  conversations: ConversationService;
  cases: CaseService;
  store: Store;
  content: Content;
  logger: Logger;
}

export interface ChannelModule {
  readonly name: ChannelName;
  /** Delivers outbox jobs for this channel: contact-point cards, notices to researchers. */
  readonly deliverer: Deliverer;
  /** Adds the channel's HTTP routes (Slack events, Teams messages) to the shared server. */
  mount(app: Express): void;
  /** Connects (Socket Mode) after the server listens; must not throw when the platform is unreachable. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}
