// Retention for cases: deletes a case with its history (case_events) and its deliveries (outbox rows),
// either one on an administrator's request (`advisor cases delete REF`) or every closed case not touched
// for CASE_RETENTION_DAYS, plus finished deliveries that old. SQLite then checkpoints its WAL, so that
// the deleted text does not linger in advisor.db-wal (secure_delete zeroes it in advisor.db).
import Database from 'better-sqlite3';
import pg from 'pg';
import type { StoreLocation } from './config.js';
import { sqlitePath } from './index.js';

export interface CaseRetention {
  /** Deletes one case (by id or ref) with its events and deliveries; false when there is no such case. */
  deleteCase(idOrRef: string): Promise<boolean>;
  /** Deletes closed cases last changed before `before`, and done or dead deliveries created before it. */
  expireCases(before: string): Promise<{ cases: number; jobs: number }>;
  close(): Promise<void>;
}

function sqliteRetention(file: string): CaseRetention {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.pragma('secure_delete = ON');
  const dropCases = (ids: string[]): number => {
    const jobs = db.prepare('DELETE FROM outbox WHERE case_id = ?');
    const events = db.prepare('DELETE FROM case_events WHERE case_id = ?');
    const cases = db.prepare('DELETE FROM cases WHERE id = ?');
    let n = 0;
    for (const id of ids) {
      jobs.run(id);
      events.run(id);
      n += cases.run(id).changes;
    }
    return n;
  };
  const checkpoint = (): void => {
    db.pragma('wal_checkpoint(TRUNCATE)');
  };
  return {
    async deleteCase(idOrRef) {
      const deleted = db
        .transaction(() => {
          const row = db.prepare('SELECT id FROM cases WHERE id = ? OR ref = ?').get(idOrRef, idOrRef) as { id: string } | undefined;
          return row ? dropCases([row.id]) > 0 : false;
        })
        .immediate();
      if (deleted) checkpoint();
      return deleted;
    },
    async expireCases(before) {
      const result = db
        .transaction(() => {
          const ids = (db.prepare("SELECT id FROM cases WHERE status = 'closed' AND updated_at < ?").all(before) as Array<{ id: string }>).map((r) => r.id);
          const cases = dropCases(ids);
          const jobs = db.prepare("DELETE FROM outbox WHERE status IN ('done', 'dead') AND created_at < ?").run(before).changes;
          return { cases, jobs };
        })
        .immediate();
      if (result.cases + result.jobs > 0) checkpoint();
      return result;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

function postgresRetention(connectionString: string): CaseRetention {
  const pool = new pg.Pool({ connectionString, max: 1 });
  async function inTransaction<T>(run: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await run(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  const dropCases = async (client: pg.PoolClient, ids: string[]): Promise<number> => {
    if (ids.length === 0) return 0;
    await client.query('DELETE FROM outbox WHERE case_id = ANY($1)', [ids]);
    await client.query('DELETE FROM case_events WHERE case_id = ANY($1)', [ids]);
    return (await client.query('DELETE FROM cases WHERE id = ANY($1)', [ids])).rowCount ?? 0;
  };
  return {
    deleteCase: (idOrRef) =>
      inTransaction(async (client) => {
        const found = await client.query<{ id: string }>('SELECT id FROM cases WHERE id = $1 OR ref = $1', [idOrRef]);
        return (
          (await dropCases(
            client,
            found.rows.map((r) => r.id),
          )) > 0
        );
      }),
    expireCases: (before) =>
      inTransaction(async (client) => {
        const found = await client.query<{ id: string }>("SELECT id FROM cases WHERE status = 'closed' AND updated_at < $1", [before]);
        const cases = await dropCases(
          client,
          found.rows.map((r) => r.id),
        );
        const jobs = (await client.query("DELETE FROM outbox WHERE status IN ('done', 'dead') AND created_at < $1", [before])).rowCount ?? 0;
        return { cases, jobs };
      }),
    close: () => pool.end(),
  };
}

/** The retention operations on the configured store (its migrations must have run). */
export function openCaseRetention(location: StoreLocation): CaseRetention {
  return location.databaseUrl ? postgresRetention(location.databaseUrl) : sqliteRetention(sqlitePath(location.dataDir));
}
