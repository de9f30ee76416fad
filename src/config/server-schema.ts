// The server's own part of the environment: where it listens, who may open the inbox, logging.
import { z } from 'zod';
import { REQUIRED_LANGS } from '../domain/lang.js';
import { flag, oneOf, optionalText, optionalUrl, textWithDefault, wholeNumber } from './settings.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const serverConfigSchema = z.object({
  /** The web chat, the inbox, health, metrics and the Slack/Teams endpoints share this port. */
  PORT: wholeNumber(1, 65535, 3978),
  /** 127.0.0.1 keeps everything on this machine; any other address requires INBOX_TOKEN. */
  HOST: textWithDefault('127.0.0.1'),
  /**
   * The admin key to /inbox: every institution's cases. Required when HOST is not a loopback address.
   * Institutions' own tokens (their cases only) are SHA-256 hashes in INSTITUTIONS_FILE.
   */
  INBOX_TOKEN: optionalText({ min: 16, message: 'must be at least 16 characters (a long random string)' }),
  LOG_LEVEL: oneOf(LOG_LEVELS, 'info'),
  /** Which institution's cases go where (Slack channel, Teams channel, inbox). */
  INSTITUTIONS_FILE: textWithDefault('config/institutions.yaml'),
  /** The language of a new conversation until the researcher picks one. */
  // The required languages: config is read before the content, so a further language cannot be the default.
  DEFAULT_LANG: oneOf(REQUIRED_LANGS, 'en'),
  /** The address researchers and contact points use, when the server sits behind a proxy; links in cards use it. */
  PUBLIC_URL: optionalUrl(),
  /** Trust X-Forwarded-* from a reverse proxy in front of the server. */
  TRUST_PROXY: flag(false),
  /** How long a shutdown waits for in-flight requests and deliveries. */
  SHUTDOWN_TIMEOUT_MS: wholeNumber(100, 120_000, 10_000),
  /** How often the outbox worker looks for due deliveries. */
  OUTBOX_POLL_MS: wholeNumber(50, 60_000, 500),
  /** Other content/ and dialogs/ folders (mostly for tests); the embedded ones by default. */
  CONTENT_DIR: optionalText(),
  DIALOGS_DIR: optionalText(),
});

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '[::1]']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}
