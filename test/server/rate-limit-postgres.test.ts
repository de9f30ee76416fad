// The limiter's counters in PostgreSQL: two limiters (two instances) on one database share one budget
// per address, so a second instance does not double what an attacker may try.
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import { createServer } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresRateLimitStore, rateLimitPool } from '../../src/store/postgres/rate-limit-store.js';

const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;

describe.runIf(url)('rate limits shared through PostgreSQL', () => {
  const pool = rateLimitPool(url ?? '');
  const prefix = `test-${process.pid}-${Date.now()}:`;
  afterAll(async () => {
    await pool.query('DELETE FROM rate_limits WHERE key LIKE $1', [`${prefix}%`]).catch(() => undefined);
    await pool.end();
  });

  async function instance(): Promise<{ url: string; close: () => void }> {
    const app = express();
    app.use(rateLimit({ windowMs: 60_000, limit: 4, store: new PostgresRateLimitStore(pool, prefix), standardHeaders: 'draft-8', legacyHeaders: false }));
    app.get('/', (_req, res) => {
      res.send('ok');
    });
    const server = createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address();
    return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`, close: () => server.close() };
  }

  it('counts requests to either instance against one budget, and answers 429 with Retry-After past it', async () => {
    const a = await instance();
    const b = await instance();
    try {
      const statuses: number[] = [];
      for (const target of [a, b, a, b]) statuses.push((await fetch(target.url)).status);
      expect(statuses).toEqual([200, 200, 200, 200]);
      const limited = await fetch(b.url);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await fetch(a.url)).status).toBe(429);
    } finally {
      a.close();
      b.close();
    }
  });
});

describe.skipIf(url)('rate limits shared through PostgreSQL, without a database', () => {
  it.skip('skipped: set DATABASE_URL (or TEST_DATABASE_URL) to run it', () => undefined);
});
