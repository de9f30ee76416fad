// HTTP mode: Bolt's own ExpressReceiver on a router of the shared express server, POST /slack/events. Bolt checks
// the signature over the raw body and refuses requests more than five minutes old; Slack gets its answer as soon
// as a listener acks (events: once the inbox has stored them), and answers empty at 2.5 s if nothing acked.
// Bolt keeps this current (header changes, SSL checks, url_verification); docs/slack.md says why we use it.
import { ExpressReceiver } from '@slack/bolt';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { boltLogger } from './bolt-logger.js';

const SLACK_EVENTS_PATH = '/slack/events';
/** Slack gives up after 3 s; answer a little before that if a listener forgot to ack. */
const ACK_DEADLINE_MS = 2_500;

export interface SlackHttpMode {
  receiver: ExpressReceiver;
  /** Adds the route to the shared server; before any global body parser (the signature needs the raw bytes). */
  mount(server: Express): void;
}

export function createHttpReceiver(signingSecret: string, logger: Logger): SlackHttpMode {
  const router = express.Router();
  const receiver = new ExpressReceiver({
    signingSecret,
    router,
    endpoints: SLACK_EVENTS_PATH,
    unhandledRequestTimeoutMillis: ACK_DEADLINE_MS,
    logger: boltLogger(logger),
    bodyLimit: '1mb',
  });
  return {
    receiver,
    mount(server) {
      server.use(router);
    },
  };
}
