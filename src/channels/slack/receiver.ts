// HTTP mode: POST /slack/events on the shared express server. Signatures are checked over the raw body with
// Bolt's verifier; requests more than five minutes old (or ahead) get 401 and are not processed. Slack gets
// its answer as soon as a listener acks; the slow work carries on after the response.
import express, { type Express, type Request, type Response } from 'express';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { verifySlackRequest } from '@slack/bolt';
import type { Logger } from 'pino';

export const SLACK_EVENTS_PATH = '/slack/events';
const MAX_SKEW_SECONDS = 5 * 60;
/** Slack gives up after 3 s; answer a little before that if a listener forgot to ack. */
const ACK_DEADLINE_MS = 2_500;

export interface HttpReceiverOptions {
  signingSecret: string;
  logger: Logger;
  now?: () => number;
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(raw);
    const payload = form.get('payload');
    if (payload !== null) return JSON.parse(payload) as Record<string, unknown>;
    return Object.fromEntries(form.entries());
  }
  return JSON.parse(raw) as Record<string, unknown>;
}

export class SlackHttpReceiver implements Receiver {
  private app: App | null = null;

  constructor(private readonly options: HttpReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  // The shared server listens; nothing to start or stop here.
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  mount(server: Express): void {
    server.post(SLACK_EVENTS_PATH, express.raw({ type: () => true, limit: '1mb' }), (req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        this.options.logger.error({ err: (err as Error).name }, 'slack request failed');
        if (!res.headersSent) res.status(500).end();
      });
    });
  }

  private async handle(req: Request, res: Response): Promise<void> {
    const log = this.options.logger;
    if (!Buffer.isBuffer(req.body)) {
      // A body parser ran before ours: the signature cannot be checked without the raw bytes.
      log.error('raw body unavailable: mount Slack before any global body parser');
      res.status(500).end();
      return;
    }
    const raw = req.body.toString('utf8');
    const timestamp = Number(header(req, 'x-slack-request-timestamp'));
    const signature = header(req, 'x-slack-signature') ?? '';
    const nowMs = (this.options.now ?? Date.now)();
    if (!Number.isFinite(timestamp) || Math.abs(nowMs / 1000 - timestamp) > MAX_SKEW_SECONDS) {
      log.warn({ reason: 'stale' }, 'slack request rejected');
      res.status(401).end();
      return;
    }
    try {
      verifySlackRequest({
        signingSecret: this.options.signingSecret,
        body: raw,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
        nowMilliseconds: nowMs,
      });
    } catch {
      log.warn({ reason: 'signature' }, 'slack request rejected');
      res.status(401).end();
      return;
    }

    let body: Record<string, unknown>;
    try {
      body = parseBody(raw, header(req, 'content-type') ?? '');
    } catch {
      res.status(400).end();
      return;
    }
    if (body['ssl_check'] !== undefined) {
      res.status(200).end();
      return;
    }
    if (body['type'] === 'url_verification') {
      res.status(200).json({ challenge: body['challenge'] });
      return;
    }
    if (!this.app) {
      res.status(503).end();
      return;
    }

    let acked = false;
    const respond = (response?: unknown): void => {
      if (acked) return;
      acked = true;
      if (response === undefined || response === '') res.status(200).end();
      else if (typeof response === 'string') res.status(200).type('text/plain').send(response);
      else res.status(200).json(response);
    };
    const timer = setTimeout(() => {
      if (!acked) log.warn('no ack in time; answering empty');
      respond();
    }, ACK_DEADLINE_MS);
    const retryNum = Number(header(req, 'x-slack-retry-num'));
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => respond(response),
      ...(Number.isFinite(retryNum) ? { retryNum } : {}),
      ...(header(req, 'x-slack-retry-reason') ? { retryReason: header(req, 'x-slack-retry-reason') } : {}),
    };
    try {
      await this.app.processEvent(event);
    } finally {
      clearTimeout(timer);
      // Events no listener acked (filtered, unknown types) still get their 200.
      respond();
    }
  }
}
