// Opens the configured store: PostgreSQL when DATABASE_URL is set, else SQLite under DATA_DIR.
import { join } from 'node:path';
import type { StoreLocation } from './config.js';
import { createPostgresStore } from './postgres/postgres-store.js';
import { assertSqliteIntact } from './sqlite/integrity.js';
import { createSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './types.js';

export { storeLocationFromEnv } from './config.js';
export type { StoreLocation } from './config.js';
export type { PostgresStoreOptions } from './postgres/postgres-store.js';
export type { SqliteDurability, SqliteStoreOptions } from './sqlite/sqlite-store.js';

export function sqlitePath(dataDir: string): string {
  return join(dataDir, 'advisor.db');
}

/** Opens the store and runs its pending migrations. */
export async function openStore(config: StoreLocation): Promise<Store> {
  // A 0-byte or damaged advisor.db is reported, never opened as if it were a new, empty store.
  if (!config.databaseUrl) assertSqliteIntact(sqlitePath(config.dataDir));
  const store = config.databaseUrl
    ? createPostgresStore({ connectionString: config.databaseUrl })
    : createSqliteStore({ path: sqlitePath(config.dataDir), ...(config.sqliteDurability ? { durability: config.sqliteDurability } : {}) });
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}
