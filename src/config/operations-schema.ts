// What an IT department sets beyond the basics: single sign-on for the inbox, rate limits, who may read
// /metrics, and how long cases are kept. Every setting is optional; the defaults suit one small VM.
import { z } from 'zod';
import { flag, optionalText, optionalUrl, textWithDefault, wholeNumber } from './settings.js';

export const operationsConfigSchema = z.object({
  /** The OpenID Connect issuer (e.g. https://login.microsoftonline.com/<tenant>/v2.0); unset means no SSO. */
  OIDC_ISSUER: optionalUrl(),
  OIDC_CLIENT_ID: optionalText(),
  /** A confidential client's secret; unset means a public client (PKCE alone). */
  OIDC_CLIENT_SECRET: optionalText(),
  OIDC_SCOPES: textWithDefault('openid profile email'),
  /** Display name of the provider on the login page. */
  OIDC_PROVIDER_NAME: textWithDefault('your institution'),
  /**
   * Signs inbox session cookies. Set it (32+ characters) when several instances run or sessions must
   * survive a restart; unset means a key derived from INBOX_TOKEN / OIDC_CLIENT_SECRET, else a fresh one.
   */
  SESSION_SECRET: optionalText({ min: 32, message: 'must be at least 32 characters (a long random string)' }),

  /** Wrong inbox logins (form or Bearer) one address may make per 15 minutes. */
  RATE_LIMIT_LOGIN: wholeNumber(1, 100_000, 20),
  /** Web-chat turns one address may send per minute. */
  RATE_LIMIT_CHAT_TURNS: wholeNumber(1, 100_000, 120),
  /** Cases one web-chat session may send per hour. */
  RATE_LIMIT_CASES_PER_SESSION: wholeNumber(1, 10_000, 3),
  /** Cases one address may send per hour (a campus NAT shares one address: keep it generous). */
  RATE_LIMIT_CASES_PER_ADDRESS: wholeNumber(1, 100_000, 30),

  /** Bearer token for /metrics; unset leaves it open on the main port unless METRICS_PORT is set. */
  METRICS_TOKEN: optionalText({ min: 16, message: 'must be at least 16 characters (a long random string)' }),
  /** Serve /metrics on this port (bound to METRICS_HOST) instead of the main one. 0 means off. */
  METRICS_PORT: wholeNumber(0, 65535, 0),
  METRICS_HOST: textWithDefault('127.0.0.1'),

  /** Cases (with their events and deliveries) closed or created longer ago than this are deleted; 0 is off. */
  CASE_RETENTION_DAYS: wholeNumber(0, 36_500, 0),
  /** How often /readyz may run PRAGMA quick_check on SQLite (seconds between checks). */
  STORE_CHECK_INTERVAL_S: wholeNumber(1, 86_400, 300),
  /**
   * On SIGTERM /readyz answers 503 for this long while requests are still served, so that a load balancer
   * stops sending new ones before the server closes; then in-flight requests and deliveries drain.
   */
  SHUTDOWN_DRAIN_DELAY_MS: wholeNumber(0, 60_000, 0),
  /** Serve prom-client's default process and event-loop metrics. */
  METRICS_PROCESS: flag(true),
});

export type OperationsConfig = z.infer<typeof operationsConfigSchema>;

/** OIDC is on when an issuer and a client id are set; one without the other is a mistake. */
export function oidcProblems(config: Pick<OperationsConfig, 'OIDC_ISSUER' | 'OIDC_CLIENT_ID'>): Array<{ key: string; message: string }> {
  if (config.OIDC_ISSUER && !config.OIDC_CLIENT_ID) return [{ key: 'OIDC_CLIENT_ID', message: 'must be set when OIDC_ISSUER is set' }];
  if (config.OIDC_CLIENT_ID && !config.OIDC_ISSUER) return [{ key: 'OIDC_ISSUER', message: 'must be set when OIDC_CLIENT_ID is set' }];
  return [];
}
