// Retention: conversation state older than the configured number of days is deleted, and so are
// expired deduplication keys. Cases are not touched: the institution decides how long they are kept.
import type { Logger } from 'pino';
import type { Store } from '../store/types.js';

export interface RetentionDeps {
  store: Store;
  clock: () => Date;
  logger: Logger;
  retentionDays: number;
  /** How often the sweep runs; hourly by default. */
  intervalMs?: number;
}

export interface RetentionSweeper {
  runOnce(): Promise<{ conversations: number; seenKeys: number }>;
  start(): void;
  stop(): void;
}

const DAY_MS = 86_400_000;

export function createRetentionSweeper(deps: RetentionDeps): RetentionSweeper {
  let timer: NodeJS.Timeout | undefined;
  async function runOnce() {
    const now = deps.clock();
    const before = new Date(now.getTime() - deps.retentionDays * DAY_MS).toISOString();
    const conversations = await deps.store.expireConversations(before);
    const seenKeys = await deps.store.purgeSeen(now.toISOString());
    deps.logger.info({ conversations, seenKeys, retentionDays: deps.retentionDays }, 'retention sweep');
    return { conversations, seenKeys };
  }
  return {
    runOnce,
    start() {
      if (timer) return;
      const sweep = () =>
        void runOnce().catch((error: unknown) => deps.logger.error({ err: error instanceof Error ? error.name : 'error' }, 'retention sweep failed'));
      sweep();
      timer = setInterval(sweep, deps.intervalMs ?? 3_600_000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
