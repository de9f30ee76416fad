// The store's part of the environment. The central config module composes this schema.
import { z } from 'zod';

const optionalUrl = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

export const storeConfigSchema = z.object({
  /** PostgreSQL for several instances; unset means the embedded SQLite file. */
  DATABASE_URL: optionalUrl,
  DATA_DIR: z.string().min(1).default('./data'),
  /** SQLite only: which commits wait for the disk; see SqliteStoreOptions.durability. */
  SQLITE_DURABILITY: z.enum(['cases', 'full', 'process']).default('cases'),
  /** Conversation state older than this is deleted by the retention sweep. */
  CONVERSATION_RETENTION_DAYS: z.coerce.number().int().positive().default(30),
  /** After this many delivery attempts a job goes to the dead-letter state. */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().positive().default(8),
  /** Base delay of the exponential backoff between delivery attempts. */
  OUTBOX_BACKOFF_MS: z.coerce.number().int().positive().default(1000),
  /**
   * How long a worker holds a claimed delivery. A worker that dies mid-delivery gives its jobs back after this;
   * a delivery that takes half of it counts as an uncertain failure and is retried.
   */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
});

/** What openStore needs. */
export interface StoreLocation {
  databaseUrl?: string;
  dataDir: string;
  sqliteDurability?: 'cases' | 'full' | 'process';
}

export function storeLocationFromEnv(env: NodeJS.ProcessEnv): StoreLocation {
  const config = storeConfigSchema.parse(env);
  const location: StoreLocation = { dataDir: config.DATA_DIR, sqliteDurability: config.SQLITE_DURABILITY };
  if (config.DATABASE_URL) location.databaseUrl = config.DATABASE_URL;
  return location;
}
