// Socket Mode connection. An unreachable Slack at start must not stop the other channels: the first attempt
// is awaited briefly, then attempts continue in the background with exponential backoff. Once connected,
// the Socket Mode client reconnects on its own.
import type { App } from '@slack/bolt';
import type { Logger } from 'pino';

const FIRST_ATTEMPT_WAIT_MS = 10_000;
const MIN_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 5 * 60_000;

export class SocketConnector {
  private backoff = MIN_BACKOFF_MS;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  connected = false;

  constructor(
    private readonly app: App,
    private readonly logger: Logger,
    private readonly firstWaitMs = FIRST_ATTEMPT_WAIT_MS,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await Promise.race([this.attempt(), new Promise((resolve) => setTimeout(resolve, this.firstWaitMs).unref())]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.connected) await this.app.stop().catch(() => undefined);
    this.connected = false;
  }

  private async attempt(): Promise<void> {
    try {
      await this.app.start();
      this.connected = true;
      this.backoff = MIN_BACKOFF_MS;
      this.logger.info('slack socket mode connected');
    } catch (err) {
      if (this.stopped) return;
      this.logger.warn({ err: (err as Error).name, retryInMs: this.backoff }, 'slack unreachable; will retry');
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.attempt();
      }, this.backoff);
      this.timer.unref();
      this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
    }
  }
}
