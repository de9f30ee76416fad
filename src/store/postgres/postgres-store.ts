// The store for several instances behind a load balancer: PostgreSQL through a pg pool.
// Conversations use optimistic versioning; cases lock their row (FOR UPDATE); outbox claims use
// FOR UPDATE SKIP LOCKED so that each job goes to exactly one worker.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { CaseStatus } from '../../engine/types.js';
import { addMs, normalizeTime, toCase, toCaseListItem, toConversation, toInbound, toJob, toNotice, toTranscriptEntry } from '../codec.js';
import type { CaseEvent, CaseUpdate, CommitResult, NewJob, Store, TurnCommit } from '../types.js';
import { TRANSCRIPT_LIMIT } from '../types.js';
import { postgresMigrations } from './migrations.js';

export interface PostgresStoreOptions {
  connectionString: string;
  /** A schema to live in (tests use a fresh one per file); created by migrate(). */
  schema?: string;
  poolSize?: number;
}

type Client = pg.PoolClient;

/** Thrown inside a transaction to roll it back and still return a value. */
class Rollback<T> {
  constructor(readonly value: T) {}
}

const MIGRATION_LOCK = 4_242_001;

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe schema name: ${name}`);
  return `"${name}"`;
}

export function createPostgresStore(options: PostgresStoreOptions): Store {
  const config: pg.PoolConfig = { connectionString: options.connectionString, max: options.poolSize ?? 10 };
  if (options.schema) config.options = `-c search_path=${quoteIdent(options.schema)}`;
  const pool = new pg.Pool(config);
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);

  async function tx<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const value = await fn(client);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (error instanceof Rollback) return error.value as T;
      throw error;
    } finally {
      client.release();
    }
  }

  async function insertJobs(client: Client, jobs: NewJob[] | undefined, now: string): Promise<void> {
    for (const job of jobs ?? []) {
      await client.query(
        `INSERT INTO outbox (id, kind, channel, idempotency_key, case_id, payload, status, attempts, next_attempt_at, created_at, depends_on)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, 'pending', 0, $7, $7, $8) ON CONFLICT (idempotency_key) DO NOTHING`,
        [randomUUID(), job.kind, job.channel, job.idempotencyKey, job.caseId ?? null, JSON.stringify(job.payload), now, job.dependsOn ?? null],
      );
    }
  }

  async function appendEvent(client: Client, caseId: string, seq: number, event: CaseEvent): Promise<void> {
    await client.query('INSERT INTO case_events (case_id, seq, at, actor, action, text) VALUES ($1, $2, $3, $4::jsonb, $5, $6)', [
      caseId,
      seq,
      normalizeTime(event.at),
      JSON.stringify(event.actor),
      event.action,
      event.text ?? null,
    ]);
  }

  async function forget(client: Client, channel: string, userId: string): Promise<number> {
    await client.query('DELETE FROM notices WHERE conversation_key IN (SELECT key FROM conversations WHERE channel = $1 AND user_id = $2)', [channel, userId]);
    await client.query('DELETE FROM transcript WHERE conversation_key IN (SELECT key FROM conversations WHERE channel = $1 AND user_id = $2)', [
      channel,
      userId,
    ]);
    const deleted = await client.query('DELETE FROM conversations WHERE channel = $1 AND user_id = $2', [channel, userId]);
    return deleted.rowCount ?? 0;
  }

  interface CaseChange {
    status?: CaseStatus;
    fromStatus?: CaseStatus[];
    assignee?: CaseUpdate['assignee'];
    advice?: string;
    expectedHistoryLength?: number;
  }

  async function applyCaseEvent(client: Client, caseId: string, event: CaseEvent, change: CaseChange, strict: boolean): Promise<boolean> {
    const { rows } = await client.query('SELECT status, event_count FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
    const row = rows[0] as { status: CaseStatus; event_count: number } | undefined;
    if (!row) return false;
    const seq = Number(row.event_count);
    const statusHolds = !change.fromStatus || change.fromStatus.includes(row.status);
    if (strict && (!statusHolds || (change.expectedHistoryLength !== undefined && change.expectedHistoryLength !== seq))) return false;
    await appendEvent(client, caseId, seq, event);
    await client.query(
      `UPDATE cases SET event_count = event_count + 1, updated_at = $2,
         status = COALESCE($3, status), assignee = COALESCE($4::jsonb, assignee), advice = COALESCE($5, advice)
       WHERE id = $1`,
      [
        caseId,
        normalizeTime(event.at),
        statusHolds ? (change.status ?? null) : null,
        change.assignee ? JSON.stringify(change.assignee) : null,
        change.advice ?? null,
      ],
    );
    return true;
  }

  const store: Store = {
    kind: 'postgres',
    async migrate() {
      await tx(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        if (options.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`);
        await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)');
        const { rows } = await client.query('SELECT version FROM schema_migrations');
        const applied = new Set(rows.map((row: { version: number }) => Number(row.version)));
        for (const migration of postgresMigrations) {
          if (applied.has(migration.version)) continue;
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [migration.version, migration.name]);
        }
      });
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },

    async loadConversation(key) {
      const { rows } = await pool.query('SELECT * FROM conversations WHERE key = $1', [key]);
      return rows[0] ? toConversation(rows[0]) : null;
    },
    async commitTurn(commit: TurnCommit) {
      const at = normalizeTime(commit.at ?? new Date().toISOString());
      return tx(async (client): Promise<CommitResult> => {
        if (commit.inboundKey) {
          // Another worker already answered this inbound event: this run of the turn must not count twice.
          const { rows } = await client.query('SELECT status FROM inbound_inbox WHERE key = $1 FOR UPDATE', [commit.inboundKey]);
          if ((rows[0] as { status?: string } | undefined)?.status === 'done') throw new Rollback<CommitResult>({ ok: false, reason: 'duplicate' });
        }
        const state = JSON.stringify(commit.state);
        const address = JSON.stringify(commit.address);
        let version: number;
        if (commit.expectedVersion === null) {
          const inserted = await client.query(
            `INSERT INTO conversations (key, channel, user_id, state, version, address, updated_at)
             VALUES ($1, $2, $3, $4::jsonb, 1, $5::jsonb, $6) ON CONFLICT (key) DO NOTHING`,
            [commit.key, commit.channel, commit.userId, state, address, at],
          );
          if (inserted.rowCount !== 1) throw new Rollback<CommitResult>({ ok: false, reason: 'conflict' });
          version = 1;
        } else {
          const updated = await client.query(
            `UPDATE conversations SET state = $2::jsonb, version = version + 1, address = $3::jsonb, updated_at = $4
             WHERE key = $1 AND version = $5`,
            [commit.key, state, address, at, commit.expectedVersion],
          );
          if (updated.rowCount !== 1) throw new Rollback<CommitResult>({ ok: false, reason: 'conflict' });
          version = commit.expectedVersion + 1;
        }
        for (const c of commit.newCases ?? []) {
          await client.query(
            `INSERT INTO cases (id, ref, status, institution, playbook, risk, researcher, researcher_id, assignee, advice, draft, event_count, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9::jsonb, $10, $11::jsonb, $12, $13, $14)`,
            [
              c.id,
              c.ref,
              c.status,
              c.institution,
              c.playbook,
              c.risk,
              JSON.stringify(c.researcher),
              c.researcher.id,
              c.assignee ? JSON.stringify(c.assignee) : null,
              c.advice ?? null,
              JSON.stringify(c.draft),
              c.history.length,
              normalizeTime(c.createdAt),
              normalizeTime(c.updatedAt),
            ],
          );
          for (const [seq, event] of c.history.entries()) await appendEvent(client, c.id, seq, event);
        }
        for (const e of commit.caseEvents ?? []) {
          const change: CaseChange = {};
          if (e.status) change.status = e.status;
          if (e.fromStatus) change.fromStatus = e.fromStatus;
          await applyCaseEvent(client, e.caseId, e.event, change, false);
        }
        await insertJobs(client, commit.jobs, at);
        if (commit.forgetUser) await forget(client, commit.channel, commit.userId);
        if (commit.inboundKey) {
          await client.query("UPDATE inbound_inbox SET status = 'done', done_at = $2, locked_until = NULL WHERE key = $1 AND status = 'pending'", [
            commit.inboundKey,
            at,
          ]);
        }
        return { ok: true, version };
      });
    },
    async deleteConversationsOfUser(channel, userId) {
      return tx((client) => forget(client, channel, userId));
    },
    async expireConversations(before) {
      return tx(async (client) => {
        const at = normalizeTime(before);
        await client.query('DELETE FROM notices WHERE at < $1', [at]);
        await client.query('DELETE FROM transcript WHERE at < $1', [at]);
        const deleted = await client.query('DELETE FROM conversations WHERE updated_at < $1', [at]);
        return deleted.rowCount ?? 0;
      });
    },

    async getCase(idOrRef) {
      const { rows } = await pool.query('SELECT * FROM cases WHERE id = $1 OR ref = $1', [idOrRef]);
      const row = rows[0] as { id: string } | undefined;
      if (!row) return null;
      const events = await pool.query('SELECT * FROM case_events WHERE case_id = $1 ORDER BY seq', [row.id]);
      return toCase(row, events.rows);
    },
    async listCases(filter = {}) {
      const where: string[] = [];
      const args: string[] = [];
      const add = (column: string, value: string) => {
        args.push(value);
        where.push(`${column} = $${args.length}`);
      };
      if (filter.status) add('status', filter.status);
      if (filter.institution) add('institution', filter.institution);
      if (filter.researcherId) add('researcher_id', filter.researcherId);
      const sql = `SELECT * FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id`;
      const { rows } = await pool.query(sql, args);
      return rows.map(toCaseListItem);
    },
    async updateCase(update) {
      const change: CaseChange = {};
      if (update.status) change.status = update.status;
      if (update.fromStatus) change.fromStatus = update.fromStatus;
      if (update.assignee) change.assignee = update.assignee;
      if (update.advice !== undefined) change.advice = update.advice;
      if (update.expectedHistoryLength !== undefined) change.expectedHistoryLength = update.expectedHistoryLength;
      const applied = await tx(async (client) => {
        if (!(await applyCaseEvent(client, update.caseId, update.event, change, true))) return false;
        await insertJobs(client, update.jobs, normalizeTime(update.event.at));
        return true;
      });
      return applied ? store.getCase(update.caseId) : null;
    },

    async enqueue(jobs) {
      await tx((client) => insertJobs(client, jobs, new Date().toISOString()));
    },
    async claimJobs(worker, limit, now, leaseUntil, channels) {
      const { rows } = await pool.query(
        `UPDATE outbox SET locked_by = $1, locked_until = $4, attempts = attempts + 1
         WHERE seq IN (
           SELECT seq FROM outbox
           WHERE status = 'pending' AND next_attempt_at <= $3 AND (locked_until IS NULL OR locked_until <= $3)
             AND ($5::text[] IS NULL OR channel = ANY($5::text[]))
             AND (depends_on IS NULL OR NOT EXISTS (
               SELECT 1 FROM outbox AS needed WHERE needed.idempotency_key = outbox.depends_on AND needed.status = 'pending'))
           ORDER BY next_attempt_at, seq LIMIT $2
           FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [worker, limit, normalizeTime(now), normalizeTime(leaseUntil), channels ?? null],
      );
      return (rows as Array<{ seq: string }>).sort((a, b) => Number(a.seq) - Number(b.seq)).map(toJob);
    },
    async completeJob(id, result, at) {
      await pool.query(
        `UPDATE outbox SET status = 'done', result = $2::jsonb, delivered_at = $3, locked_by = NULL, locked_until = NULL, last_error = NULL
         WHERE id = $1 AND status = 'pending'`,
        [id, JSON.stringify(result), normalizeTime(at)],
      );
    },
    async failJob(id, error, nextAttemptAt, dead) {
      await pool.query(
        `UPDATE outbox SET status = $2, last_error = $3, next_attempt_at = $4, locked_by = NULL, locked_until = NULL
         WHERE id = $1 AND status = 'pending'`,
        [id, dead ? 'dead' : 'pending', error, normalizeTime(nextAttemptAt)],
      );
    },
    async getJob(id) {
      const { rows } = await pool.query('SELECT * FROM outbox WHERE id = $1', [id]);
      return rows[0] ? toJob(rows[0]) : null;
    },
    async listJobs(filter = {}) {
      const { rows } = await pool.query(`SELECT * FROM outbox WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR case_id = $2) ORDER BY seq`, [
        filter.status ?? null,
        filter.caseId ?? null,
      ]);
      return rows.map(toJob);
    },
    async requeueJob(id, now) {
      const updated = await pool.query(
        `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = $2, locked_by = NULL, locked_until = NULL
         WHERE id = $1 AND status = 'dead'`,
        [id, normalizeTime(now)],
      );
      return updated.rowCount === 1;
    },

    async appendNotices(conversationKey, replies, at) {
      const { rows } = await pool.query('INSERT INTO notices (conversation_key, at, replies) VALUES ($1, $2, $3::jsonb) RETURNING seq', [
        conversationKey,
        normalizeTime(at),
        JSON.stringify(replies),
      ]);
      return Number((rows[0] as { seq: string }).seq);
    },
    async appendTranscript(conversationKey, entries, at, keep = TRANSCRIPT_LIMIT) {
      return tx(async (client) => {
        let last = 0;
        for (const e of entries) {
          const { rows } = await client.query('INSERT INTO transcript (conversation_key, at, who, content) VALUES ($1, $2, $3, $4) RETURNING seq', [
            conversationKey,
            normalizeTime(at),
            e.who,
            JSON.stringify(e.content ?? null),
          ]);
          last = Number((rows[0] as { seq: string }).seq);
        }
        await client.query(
          `DELETE FROM transcript WHERE conversation_key = $1
             AND seq NOT IN (SELECT seq FROM transcript WHERE conversation_key = $1 ORDER BY seq DESC LIMIT $2)`,
          [conversationKey, keep],
        );
        return last;
      });
    },
    async readTranscript(conversationKey, afterSeq) {
      const { rows } = await pool.query('SELECT seq, at, who, content FROM transcript WHERE conversation_key = $1 AND seq > $2 ORDER BY seq', [
        conversationKey,
        afterSeq,
      ]);
      return rows.map(toTranscriptEntry);
    },
    async readNotices(conversationKey, afterSeq) {
      const { rows } = await pool.query('SELECT seq, at, replies FROM notices WHERE conversation_key = $1 AND seq > $2 ORDER BY seq', [
        conversationKey,
        afterSeq,
      ]);
      return rows.map(toNotice);
    },

    async acceptInbound(item, ttlMs, now, leaseUntil) {
      const at = normalizeTime(now);
      return tx(async (client) => {
        const seen = await client.query(
          `INSERT INTO seen_keys (key, expires_at) VALUES ($1, $2)
           ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE seen_keys.expires_at <= $3`,
          [item.key, addMs(at, ttlMs), at],
        );
        if (seen.rowCount !== 1) return false;
        await client.query(
          `INSERT INTO inbound_inbox (key, channel, payload, status, attempts, received_at, locked_until)
           VALUES ($1, $2, $3::jsonb, 'pending', 1, $4, $5)
           ON CONFLICT (key) DO UPDATE SET channel = EXCLUDED.channel, payload = EXCLUDED.payload, status = 'pending', attempts = 1,
             received_at = EXCLUDED.received_at, locked_until = EXCLUDED.locked_until, done_at = NULL`,
          [item.key, item.channel, JSON.stringify(item.payload), at, normalizeTime(leaseUntil)],
        );
        return true;
      });
    },
    async claimInbound(channel, limit, now, leaseUntil, maxAttempts) {
      const at = normalizeTime(now);
      return tx(async (client) => {
        await client.query(
          `UPDATE inbound_inbox SET status = 'dead', locked_until = NULL
           WHERE channel = $1 AND status = 'pending' AND attempts >= $2 AND (locked_until IS NULL OR locked_until <= $3)`,
          [channel, maxAttempts, at],
        );
        const { rows } = await client.query(
          `UPDATE inbound_inbox SET locked_until = $4, attempts = attempts + 1
           WHERE key IN (SELECT key FROM inbound_inbox WHERE channel = $1 AND status = 'pending'
                         AND (locked_until IS NULL OR locked_until <= $2) ORDER BY received_at LIMIT $3 FOR UPDATE SKIP LOCKED)
           RETURNING *`,
          [channel, at, limit, normalizeTime(leaseUntil)],
        );
        return rows.map(toInbound).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
      });
    },
    async completeInbound(key, at) {
      await pool.query("UPDATE inbound_inbox SET status = 'done', done_at = $2, locked_until = NULL WHERE key = $1 AND status = 'pending'", [
        key,
        normalizeTime(at),
      ]);
    },
    async listInbound(status) {
      const { rows } = await pool.query('SELECT * FROM inbound_inbox WHERE status = $1 ORDER BY received_at, key', [status]);
      return rows.map(toInbound);
    },

    async markSeen(key, ttlMs, now) {
      const at = normalizeTime(now);
      const result = await pool.query(
        `INSERT INTO seen_keys (key, expires_at) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE seen_keys.expires_at <= $3`,
        [key, addMs(at, ttlMs), at],
      );
      return result.rowCount === 1;
    },
    async purgeSeen(now) {
      return tx(async (client) => {
        const result = await client.query('DELETE FROM seen_keys WHERE expires_at <= $1', [normalizeTime(now)]);
        await client.query(
          "DELETE FROM inbound_inbox WHERE status <> 'pending' AND NOT EXISTS (SELECT 1 FROM seen_keys WHERE seen_keys.key = inbound_inbox.key)",
        );
        return result.rowCount ?? 0;
      });
    },
  };
  return store;
}
