// Slack retries an event it thinks we missed (HTTP timeouts, Socket Mode reconnects). Each event id is handled
// once: an LRU cache answers within this process; the shared store answers across instances.
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { Store } from '../../store/types.js';

export class EventDeduplicator {
  private readonly recent: LRUCache<string, true>;

  constructor(
    private readonly store: Pick<Store, 'markSeen'>,
    private readonly ttlMs: number,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.recent = new LRUCache<string, true>({ max: 50_000, ttl: ttlMs });
  }

  /** True the first time a key (event:Ev1, trigger:123.456…) is seen within the ttl. */
  async firstTime(key: string): Promise<boolean> {
    if (this.recent.has(key)) return false;
    // Set before awaiting, so that a retry arriving during the store call is caught here.
    this.recent.set(key, true);
    try {
      return await this.store.markSeen(`slack:${key}`, this.ttlMs, this.now().toISOString());
    } catch (err) {
      // The local cache still protects this process; better to answer than to drop the event.
      this.logger.warn({ channel: 'slack', err: (err as Error).name }, 'dedup store unavailable');
      return true;
    }
  }
}
