// express-rate-limit's counters in PostgreSQL, so that several instances behind a balancer share one
// budget per address. One row per key and window; an expired window restarts in the same statement.
import pg from 'pg';
import type { IncrementResponse, Options, Store } from 'express-rate-limit';

const CREATE = `CREATE TABLE IF NOT EXISTS rate_limits (
  key TEXT PRIMARY KEY,
  hits INTEGER NOT NULL,
  reset_at TIMESTAMPTZ NOT NULL
)`;

const INCREMENT = `INSERT INTO rate_limits (key, hits, reset_at) VALUES ($1, 1, now() + $2 * interval '1 millisecond')
ON CONFLICT (key) DO UPDATE SET
  hits = CASE WHEN rate_limits.reset_at <= now() THEN 1 ELSE rate_limits.hits + 1 END,
  reset_at = CASE WHEN rate_limits.reset_at <= now() THEN EXCLUDED.reset_at ELSE rate_limits.reset_at END
RETURNING hits, reset_at`;

export class PostgresRateLimitStore implements Store {
  private windowMs = 60_000;
  private ready: Promise<unknown> | undefined;
  private increments = 0;
  readonly localKeys = false;

  constructor(
    private readonly pool: pg.Pool,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  private table(): Promise<unknown> {
    this.ready ??= this.pool.query(CREATE).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  async get(key: string): Promise<IncrementResponse | undefined> {
    await this.table();
    const result = await this.pool.query<{ hits: number; reset_at: Date }>('SELECT hits, reset_at FROM rate_limits WHERE key = $1 AND reset_at > now()', [
      this.prefix + key,
    ]);
    const row = result.rows[0];
    return row ? { totalHits: row.hits, resetTime: row.reset_at } : undefined;
  }

  async increment(key: string): Promise<IncrementResponse> {
    await this.table();
    // Now and then, rows of windows long over go (the table would otherwise keep every address ever seen).
    if (++this.increments % 500 === 0) void this.pool.query("DELETE FROM rate_limits WHERE reset_at < now() - interval '1 day'").catch(() => undefined);
    const result = await this.pool.query<{ hits: number; reset_at: Date }>(INCREMENT, [this.prefix + key, this.windowMs]);
    const row = result.rows[0];
    if (!row) throw new Error('rate limit increment returned no row');
    return { totalHits: row.hits, resetTime: row.reset_at };
  }

  async decrement(key: string): Promise<void> {
    await this.table();
    await this.pool.query('UPDATE rate_limits SET hits = GREATEST(hits - 1, 0) WHERE key = $1', [this.prefix + key]);
  }

  async resetKey(key: string): Promise<void> {
    await this.table();
    await this.pool.query('DELETE FROM rate_limits WHERE key = $1', [this.prefix + key]);
  }
}

/** One small pool for every limiter of the process; closed at shutdown. */
export function rateLimitPool(connectionString: string): pg.Pool {
  return new pg.Pool({ connectionString, max: 2, idleTimeoutMillis: 10_000 });
}
