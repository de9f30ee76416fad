import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { it } from 'vitest';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { Store } from '../../src/store/types.js';
import { storeContract } from './contract.js';

const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;

if (!url) {
  it.skip('PostgreSQL contract tests skipped: set DATABASE_URL (or TEST_DATABASE_URL) to run them', () => undefined);
} else {
  let schema = '';
  storeContract('PostgreSQL', {
    async open(): Promise<Store> {
      // A fresh schema per test keeps parallel test files apart.
      schema = `t_${randomBytes(6).toString('hex')}`;
      const store = createPostgresStore({ connectionString: url, schema, poolSize: 4 });
      await store.migrate();
      return store;
    },
    async openPeer() {
      const store = createPostgresStore({ connectionString: url, schema, poolSize: 4 });
      await store.migrate();
      return store;
    },
    async dispose() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  });
}
