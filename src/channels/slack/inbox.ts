// The durable inbox for Slack events. An event is written to the store with its dedupe key (one transaction)
// before Slack gets its ack, then processed from there: at once by this process, or, when this process died
// in between, by whichever instance finds the item's lease expired. The turn's commit marks the item done, so
// a second run of it is refused; at-least-once processing with an exactly-once turn.
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { Store } from '../../store/types.js';

export type Acceptance = 'new' | 'duplicate' | 'unstored';
export type InboxRunner = (key: string, body: Record<string, unknown>) => Promise<void>;

export interface SlackInboxOptions {
  store: Pick<Store, 'acceptInbound' | 'claimInbound' | 'completeInbound'>;
  ttlMs: number;
  /** How long an accepted item belongs to the process that accepted it before another may take it over. */
  leaseMs: number;
  logger: Logger;
  now?: () => Date;
  maxAttempts?: number;
  /**
   * Turns run at most this many at a time (default 2), each started from a fresh event-loop turn: acks are served between
   * them instead of queueing behind a burst of turns.
   */
  concurrency?: number;
}

/** The dedupe key of an Events API delivery; other payloads (commands, clicks) are not inbox items. */
export function inboxKeyOfBody(body: Record<string, unknown>): string | undefined {
  const eventId = body['event_id'];
  return body['type'] === 'event_callback' && typeof eventId === 'string' && eventId !== '' ? `slack:event:${eventId}` : undefined;
}

export class SlackInbox {
  private readonly recent: LRUCache<string, true>;
  private runner: InboxRunner | null = null;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly waiting: Array<() => Promise<void>> = [];
  private active = 0;
  private readonly now: () => Date;

  constructor(private readonly options: SlackInboxOptions) {
    this.recent = new LRUCache<string, true>({ max: 50_000, ttl: options.ttlMs });
    this.now = options.now ?? (() => new Date());
  }

  setRunner(runner: InboxRunner): void {
    this.runner = runner;
  }

  /** Stores the event before its ack. 'unstored': the store failed; the event is processed from memory only. */
  async accept(key: string, body: Record<string, unknown>): Promise<Acceptance> {
    if (this.recent.has(key)) return 'duplicate';
    // Set before awaiting, so that a retry arriving during the store call is caught here.
    this.recent.set(key, true);
    const now = this.now();
    try {
      const fresh = await this.options.store.acceptInbound(
        { key, channel: 'slack', payload: body },
        this.options.ttlMs,
        now.toISOString(),
        new Date(now.getTime() + this.options.leaseMs).toISOString(),
      );
      return fresh ? 'new' : 'duplicate';
    } catch (err) {
      this.options.logger.warn({ err: (err as Error).name }, 'inbox store unavailable; event processed without it');
      return 'unstored';
    }
  }

  /** Queues an item for processing (not awaited by the ack); marks it done when it caused no turn. */
  run(key: string, body: Record<string, unknown>, stored = true): Promise<void> {
    const job = new Promise<void>((resolve) => {
      this.waiting.push(async () => {
        try {
          await this.runner?.(key, body);
          if (stored) await this.options.store.completeInbound(key, this.now().toISOString());
        } catch (err) {
          // Left pending: once its lease ends, the item is taken up again.
          this.options.logger.error({ key, err: (err as Error).name }, 'inbox item failed');
        } finally {
          resolve();
        }
      });
      this.pump();
    });
    this.inFlight.add(job);
    void job.finally(() => this.inFlight.delete(job));
    return job;
  }

  private pump(): void {
    const limit = this.options.concurrency ?? 2;
    while (this.active < limit && this.waiting.length > 0) {
      const task = this.waiting.shift();
      if (!task) return;
      this.active += 1;
      // setImmediate: requests that arrived meanwhile (acks) are read before this turn starts.
      setImmediate(() => {
        void task().finally(() => {
          this.active -= 1;
          this.pump();
        });
      });
    }
  }

  /** Takes over items whose process died before their turn committed. */
  drain(): Promise<void> {
    this.draining ??= (async () => {
      try {
        for (;;) {
          const now = this.now();
          const items = await this.options.store.claimInbound(
            'slack',
            20,
            now.toISOString(),
            new Date(now.getTime() + this.options.leaseMs).toISOString(),
            this.options.maxAttempts ?? 5,
          );
          if (items.length === 0) return;
          this.options.logger.info({ items: items.length }, 'inbox: taking over unfinished events');
          await Promise.all(items.map((item) => this.run(item.key, item.payload)));
        }
      } catch (err) {
        this.options.logger.warn({ err: (err as Error).name }, 'inbox drain failed');
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  start(): void {
    if (this.timer) return;
    void this.drain();
    const every = Math.min(10_000, Math.max(250, Math.floor(this.options.leaseMs / 2)));
    this.timer = setInterval(() => void this.drain(), every);
    this.timer.unref();
  }

  /** Stops taking over items; waits for those in flight. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.draining;
    await Promise.allSettled([...this.inFlight]);
  }
}
