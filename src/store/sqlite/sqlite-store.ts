// The embedded store: one SQLite file in WAL mode, shared by `npm start` and `advisor chat`.
// better-sqlite3 is synchronous; every write runs in a BEGIN IMMEDIATE transaction, so several
// processes on one file serialise their writes and a claim is exclusive.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { CaseStatus } from '../../engine/types.js';
import { addMs, normalizeTime, toCase, toCaseListItem, toConversation, toInbound, toJob, toNotice, toTranscriptEntry } from '../codec.js';
import type {
  CaseEvent,
  CaseListItem,
  CaseRecord,
  CaseUpdate,
  ChannelName,
  CommitResult,
  ConversationRecord,
  JobStatus,
  NewJob,
  OutboxJob,
  Store,
  TurnCommit,
} from '../types.js';
import { TRANSCRIPT_LIMIT } from '../types.js';
import { startCheckpointer } from './checkpointer.js';
import { sqliteMigrations } from './migrations.js';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for tests. */
  path: string;
  /**
   * When a commit waits for the disk (fsync). WAL makes every commit survive a killed process; the
   * fsync adds power loss and OS crashes, at ~2 ms a commit on a VM disk.
   * - 'cases' (default): commits that write cases, case events, outbox jobs or a "forget me" are
   *   synced; a plain conversation turn is not (a power cut may lose the last turns, never an escalation).
   * - 'full': every commit is synced.
   * - 'process': none is; survives process crashes only (tests, benchmarks).
   */
  durability?: SqliteDurability;
  /** Older spelling: FULL is durability 'full', NORMAL is 'process'. `durability` wins when both are given. */
  synchronous?: 'FULL' | 'NORMAL';
  busyTimeoutMs?: number;
  /**
   * WAL checkpoints in a worker thread instead of inside a commit (default true for a file; see checkpointer.ts).
   * False: SQLite's own automatic checkpoint.
   */
  backgroundCheckpoint?: boolean;
}

export type SqliteDurability = 'cases' | 'full' | 'process';

type Row = Record<string, unknown>;

export function createSqliteStore(options: SqliteStoreOptions): Store {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  const durability: SqliteDurability = options.durability ?? (options.synchronous === 'FULL' ? 'full' : options.synchronous === 'NORMAL' ? 'process' : 'cases');
  const baseSync = durability === 'full' ? 'FULL' : 'NORMAL';
  db.pragma(`synchronous = ${baseSync}`);
  /** Runs a write whose loss on power failure would matter with an fsync at its commit. */
  const synced = <R>(important: boolean, fn: () => R): R => {
    if (!important || durability !== 'cases') return fn();
    db.pragma('synchronous = FULL');
    try {
      return fn();
    } finally {
      db.pragma('synchronous = NORMAL');
    }
  };
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  db.pragma('foreign_keys = ON');
  // Deleted rows ("forget me", retention) are zeroed in the file, not just marked free.
  db.pragma('secure_delete = ON');
  const checkpointer =
    options.path !== ':memory:' && options.backgroundCheckpoint !== false
      ? startCheckpointer(options.path, () => {
          // Without the worker, SQLite checkpoints inside commits again rather than let the WAL grow.
          if (db.open) db.pragma('wal_autocheckpoint = 1000');
        })
      : undefined;
  if (checkpointer) db.pragma('wal_autocheckpoint = 0');

  // Immediate transactions take the write lock up front: no deadlock between two processes that both read first.
  const write = <A extends unknown[], R>(fn: (...args: A) => R) => {
    const tx = db.transaction(fn);
    return (...args: A): R => tx.immediate(...args);
  };

  const migrate = write(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as Row[]).map((row) => Number(row.version)));
    for (const migration of sqliteMigrations) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString());
    }
  });

  let statements: ReturnType<typeof prepare> | undefined;
  const prepare = () => ({
    loadConversation: db.prepare('SELECT * FROM conversations WHERE key = ?'),
    insertConversation: db.prepare(
      `INSERT INTO conversations (key, channel, user_id, state, version, address, updated_at)
       VALUES (@key, @channel, @userId, @state, 1, @address, @at) ON CONFLICT (key) DO NOTHING`,
    ),
    updateConversation: db.prepare(
      `UPDATE conversations SET state = @state, version = version + 1, address = @address, updated_at = @at
       WHERE key = @key AND version = @expected`,
    ),
    insertCase: db.prepare(
      `INSERT INTO cases (id, ref, status, institution, playbook, risk, researcher, researcher_id, assignee, advice, draft, event_count, created_at, updated_at)
       VALUES (@id, @ref, @status, @institution, @playbook, @risk, @researcher, @researcherId, @assignee, @advice, @draft, 0, @createdAt, @updatedAt)`,
    ),
    caseForUpdate: db.prepare('SELECT id, status, event_count FROM cases WHERE id = ?'),
    insertEvent: db.prepare('INSERT INTO case_events (case_id, seq, at, actor, action, text) VALUES (?, ?, ?, ?, ?, ?)'),
    bumpCase: db.prepare(
      `UPDATE cases SET event_count = event_count + 1, updated_at = @at,
         status = COALESCE(@status, status), assignee = COALESCE(@assignee, assignee), advice = COALESCE(@advice, advice)
       WHERE id = @id`,
    ),
    insertJob: db.prepare(
      `INSERT INTO outbox (id, kind, channel, idempotency_key, case_id, payload, status, attempts, next_attempt_at, created_at, depends_on)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
    ),
    getCase: db.prepare('SELECT * FROM cases WHERE id = ? OR ref = ?'),
    caseEvents: db.prepare('SELECT * FROM case_events WHERE case_id = ? ORDER BY seq'),
    getJob: db.prepare('SELECT * FROM outbox WHERE id = ?'),
    inboundStatus: db.prepare('SELECT status FROM inbound_inbox WHERE key = ?'),
    completeInbound: db.prepare("UPDATE inbound_inbox SET status = 'done', done_at = ?, locked_until = NULL WHERE key = ? AND status = 'pending'"),
    markSeen: db.prepare(
      `INSERT INTO seen_keys (key, expires_at) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE seen_keys.expires_at <= ?`,
    ),
    insertInbound: db.prepare(
      `INSERT INTO inbound_inbox (key, channel, payload, status, attempts, received_at, locked_until)
       VALUES (?, ?, ?, 'pending', 1, ?, ?)
       ON CONFLICT (key) DO UPDATE SET channel = excluded.channel, payload = excluded.payload, status = 'pending', attempts = 1,
         received_at = excluded.received_at, locked_until = excluded.locked_until, done_at = NULL`,
    ),
  });
  const st = () => (statements ??= prepare());

  function insertJobs(jobs: NewJob[] | undefined, now: string): void {
    for (const job of jobs ?? []) {
      st().insertJob.run(
        randomUUID(),
        job.kind,
        job.channel,
        job.idempotencyKey,
        job.caseId ?? null,
        JSON.stringify(job.payload),
        now,
        now,
        job.dependsOn ?? null,
      );
    }
  }

  function appendEvent(caseId: string, seq: number, event: CaseEvent): void {
    st().insertEvent.run(caseId, seq, normalizeTime(event.at), JSON.stringify(event.actor), event.action, event.text ?? null);
  }

  function insertCase(c: CaseRecord): void {
    st().insertCase.run({
      id: c.id,
      ref: c.ref,
      status: c.status,
      institution: c.institution,
      playbook: c.playbook,
      risk: c.risk,
      researcher: JSON.stringify(c.researcher),
      researcherId: c.researcher.id,
      assignee: c.assignee ? JSON.stringify(c.assignee) : null,
      advice: c.advice ?? null,
      draft: JSON.stringify(c.draft),
      createdAt: normalizeTime(c.createdAt),
      updatedAt: normalizeTime(c.updatedAt),
    });
    c.history.forEach((event, seq) => appendEvent(c.id, seq, event));
    db.prepare('UPDATE cases SET event_count = ? WHERE id = ?').run(c.history.length, c.id);
  }

  /** Appends an event; applies the status when the guard holds. False when `fromStatus`/`expectedHistoryLength` fail. */
  function applyCaseEvent(
    caseId: string,
    event: CaseEvent,
    change: { status?: CaseStatus; fromStatus?: CaseStatus[]; assignee?: CaseUpdate['assignee']; advice?: string; expectedHistoryLength?: number },
    strict: boolean,
  ): boolean {
    const row = st().caseForUpdate.get(caseId) as Row | undefined;
    if (!row) return false;
    const current = String(row.status) as CaseStatus;
    const seq = Number(row.event_count);
    const statusHolds = !change.fromStatus || change.fromStatus.includes(current);
    if (strict && (!statusHolds || (change.expectedHistoryLength !== undefined && change.expectedHistoryLength !== seq))) return false;
    appendEvent(caseId, seq, event);
    st().bumpCase.run({
      id: caseId,
      at: normalizeTime(event.at),
      status: statusHolds ? (change.status ?? null) : null,
      assignee: change.assignee ? JSON.stringify(change.assignee) : null,
      advice: change.advice ?? null,
    });
    return true;
  }

  const commitTurnTx = write((commit: TurnCommit): CommitResult => {
    const at = normalizeTime(commit.at ?? new Date().toISOString());
    // Another worker already answered this inbound event: this run of the turn must not count twice.
    if (commit.inboundKey && (st().inboundStatus.get(commit.inboundKey) as Row | undefined)?.status === 'done') {
      return { ok: false, reason: 'duplicate' };
    }
    const params = {
      key: commit.key,
      channel: commit.channel,
      userId: commit.userId,
      state: JSON.stringify(commit.state),
      address: JSON.stringify(commit.address),
      at,
      expected: commit.expectedVersion,
    };
    let version: number;
    if (commit.expectedVersion === null) {
      if (st().insertConversation.run(params).changes !== 1) return { ok: false, reason: 'conflict' };
      version = 1;
    } else {
      if (st().updateConversation.run(params).changes !== 1) return { ok: false, reason: 'conflict' };
      version = commit.expectedVersion + 1;
    }
    for (const c of commit.newCases ?? []) insertCase(c);
    for (const e of commit.caseEvents ?? []) {
      const change: { status?: CaseStatus; fromStatus?: CaseStatus[] } = {};
      if (e.status) change.status = e.status;
      if (e.fromStatus) change.fromStatus = e.fromStatus;
      applyCaseEvent(e.caseId, e.event, change, false);
    }
    insertJobs(commit.jobs, at);
    if (commit.forgetUser) forget(commit.channel, commit.userId);
    if (commit.inboundKey) st().completeInbound.run(at, commit.inboundKey);
    return { ok: true, version };
  });

  const updateCaseTx = write((update: CaseUpdate): boolean => {
    const change: Parameters<typeof applyCaseEvent>[2] = {};
    if (update.status) change.status = update.status;
    if (update.fromStatus) change.fromStatus = update.fromStatus;
    if (update.assignee) change.assignee = update.assignee;
    if (update.advice !== undefined) change.advice = update.advice;
    if (update.expectedHistoryLength !== undefined) change.expectedHistoryLength = update.expectedHistoryLength;
    if (!applyCaseEvent(update.caseId, update.event, change, true)) return false;
    insertJobs(update.jobs, normalizeTime(update.event.at));
    return true;
  });

  const claimTx = write((worker: string, limit: number, now: string, leaseUntil: string, channels?: ChannelName[]): OutboxJob[] => {
    const channelFilter = channels ? `AND channel IN (${channels.map(() => '?').join(', ') || "''"})` : '';
    const rows = db
      .prepare(
        `SELECT seq FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?
           AND (locked_until IS NULL OR locked_until <= ?) ${channelFilter}
           AND (depends_on IS NULL OR NOT EXISTS (
             SELECT 1 FROM outbox AS needed WHERE needed.idempotency_key = outbox.depends_on AND needed.status = 'pending'))
         ORDER BY next_attempt_at, seq LIMIT ?`,
      )
      .all(now, now, ...(channels ?? []), limit) as Row[];
    const claim = db.prepare('UPDATE outbox SET locked_by = ?, locked_until = ?, attempts = attempts + 1 WHERE seq = ? RETURNING *');
    return rows.map((row) => toJob(claim.get(worker, leaseUntil, row.seq)));
  });

  const acceptInboundTx = write((key: string, channel: ChannelName, payload: string, ttlMs: number, now: string, leaseUntil: string): boolean => {
    if (st().markSeen.run(key, addMs(now, ttlMs), now).changes !== 1) return false;
    st().insertInbound.run(key, channel, payload, now, leaseUntil);
    return true;
  });

  const claimInboundTx = write((channel: ChannelName, limit: number, now: string, leaseUntil: string, maxAttempts: number) => {
    db.prepare(
      `UPDATE inbound_inbox SET status = 'dead', locked_until = NULL
       WHERE channel = ? AND status = 'pending' AND attempts >= ? AND (locked_until IS NULL OR locked_until <= ?)`,
    ).run(channel, maxAttempts, now);
    return db
      .prepare(
        `UPDATE inbound_inbox SET locked_until = ?, attempts = attempts + 1
         WHERE key IN (SELECT key FROM inbound_inbox WHERE channel = ? AND status = 'pending'
                       AND (locked_until IS NULL OR locked_until <= ?) ORDER BY received_at LIMIT ?)
         RETURNING *`,
      )
      .all(leaseUntil, channel, now, limit)
      .map(toInbound)
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  });

  function forget(channel: ChannelName, userId: string): number {
    const keys = db.prepare('SELECT key FROM conversations WHERE channel = ? AND user_id = ?').all(channel, userId) as Row[];
    const dropNotices = db.prepare('DELETE FROM notices WHERE conversation_key = ?');
    const dropTranscript = db.prepare('DELETE FROM transcript WHERE conversation_key = ?');
    for (const row of keys) {
      dropNotices.run(row.key);
      dropTranscript.run(row.key);
    }
    return db.prepare('DELETE FROM conversations WHERE channel = ? AND user_id = ?').run(channel, userId).changes;
  }
  const forgetTx = write(forget);

  const expireTx = write((before: string): number => {
    db.prepare('DELETE FROM notices WHERE at < ?').run(before);
    db.prepare('DELETE FROM transcript WHERE at < ?').run(before);
    return db.prepare('DELETE FROM conversations WHERE updated_at < ?').run(before).changes;
  });

  const appendTranscriptTx = write((key: string, entries: Array<{ who: string; content: unknown }>, at: string, keep: number): number => {
    const insert = db.prepare('INSERT INTO transcript (conversation_key, at, who, content) VALUES (?, ?, ?, ?)');
    let last = 0;
    for (const e of entries) last = Number(insert.run(key, at, e.who, JSON.stringify(e.content ?? null)).lastInsertRowid);
    db.prepare(
      'DELETE FROM transcript WHERE conversation_key = ? AND seq NOT IN (SELECT seq FROM transcript WHERE conversation_key = ? ORDER BY seq DESC LIMIT ?)',
    ).run(key, key, keep);
    return last;
  });

  const store: Store = {
    kind: 'sqlite',
    async migrate() {
      migrate();
      statements = undefined;
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      await checkpointer?.stop();
      if (db.open) db.close();
    },

    async loadConversation(key): Promise<ConversationRecord | null> {
      const row = st().loadConversation.get(key);
      return row ? toConversation(row) : null;
    },
    async commitTurn(commit) {
      const important = Boolean(commit.newCases?.length || commit.caseEvents?.length || commit.jobs?.length || commit.forgetUser);
      const result = synced(important, () => commitTurnTx(commit));
      // After "forget me" the deleted text must not linger in advisor.db-wal either.
      if (commit.forgetUser) db.pragma('wal_checkpoint(TRUNCATE)');
      return result;
    },
    async deleteConversationsOfUser(channel, userId) {
      const deleted = synced(true, () => forgetTx(channel, userId));
      db.pragma('wal_checkpoint(TRUNCATE)');
      return deleted;
    },
    async expireConversations(before) {
      return expireTx(normalizeTime(before));
    },

    async getCase(idOrRef): Promise<CaseRecord | null> {
      const row = st().getCase.get(idOrRef, idOrRef) as Row | undefined;
      if (!row) return null;
      return toCase(row, st().caseEvents.all(row.id));
    },
    async listCases(filter = {}): Promise<CaseListItem[]> {
      const where: string[] = [];
      const args: string[] = [];
      const add = (column: string, value: string) => {
        where.push(`${column} = ?`);
        args.push(value);
      };
      if (filter.status) add('status', filter.status);
      if (filter.institution) add('institution', filter.institution);
      if (filter.researcherId) add('researcher_id', filter.researcherId);
      const sql = `SELECT * FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id`;
      return db
        .prepare(sql)
        .all(...args)
        .map(toCaseListItem);
    },
    async updateCase(update) {
      if (!synced(true, () => updateCaseTx(update))) return null;
      return store.getCase(update.caseId);
    },

    async enqueue(jobs) {
      synced(true, () => write(() => insertJobs(jobs, new Date().toISOString()))());
    },
    async claimJobs(worker, limit, now, leaseUntil, channels) {
      return claimTx(worker, limit, normalizeTime(now), normalizeTime(leaseUntil), channels);
    },
    async completeJob(id, result, at) {
      db.prepare(
        `UPDATE outbox SET status = 'done', result = ?, delivered_at = ?, locked_by = NULL, locked_until = NULL, last_error = NULL
         WHERE id = ? AND status = 'pending'`,
      ).run(JSON.stringify(result), normalizeTime(at), id);
    },
    async failJob(id, error, nextAttemptAt, dead) {
      db.prepare(
        `UPDATE outbox SET status = ?, last_error = ?, next_attempt_at = ?, locked_by = NULL, locked_until = NULL
         WHERE id = ? AND status = 'pending'`,
      ).run(dead ? 'dead' : 'pending', error, normalizeTime(nextAttemptAt), id);
    },
    async getJob(id) {
      const row = st().getJob.get(id);
      return row ? toJob(row) : null;
    },
    async listJobs(filter: { status?: JobStatus; caseId?: string } = {}) {
      const where: string[] = [];
      const args: string[] = [];
      const add = (column: string, value: string) => {
        where.push(`${column} = ?`);
        args.push(value);
      };
      if (filter.status) add('status', filter.status);
      if (filter.caseId) add('case_id', filter.caseId);
      const sql = `SELECT * FROM outbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq`;
      return db
        .prepare(sql)
        .all(...args)
        .map(toJob);
    },
    async requeueJob(id, now) {
      const changes = db
        .prepare(
          `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, locked_by = NULL, locked_until = NULL
           WHERE id = ? AND status = 'dead'`,
        )
        .run(normalizeTime(now), id).changes;
      return changes === 1;
    },

    async appendNotices(conversationKey, replies, at) {
      const info = db
        .prepare('INSERT INTO notices (conversation_key, at, replies) VALUES (?, ?, ?)')
        .run(conversationKey, normalizeTime(at), JSON.stringify(replies));
      return Number(info.lastInsertRowid);
    },
    async readNotices(conversationKey, afterSeq) {
      return db
        .prepare('SELECT seq, at, replies FROM notices WHERE conversation_key = ? AND seq > ? ORDER BY seq')
        .all(conversationKey, afterSeq)
        .map(toNotice);
    },

    async appendTranscript(conversationKey, entries, at, keep = TRANSCRIPT_LIMIT) {
      return appendTranscriptTx(conversationKey, entries, normalizeTime(at), keep);
    },
    async readTranscript(conversationKey, afterSeq) {
      return db
        .prepare('SELECT seq, at, who, content FROM transcript WHERE conversation_key = ? AND seq > ? ORDER BY seq')
        .all(conversationKey, afterSeq)
        .map(toTranscriptEntry);
    },

    async acceptInbound(item, ttlMs, now, leaseUntil) {
      return acceptInboundTx(item.key, item.channel, JSON.stringify(item.payload), ttlMs, normalizeTime(now), normalizeTime(leaseUntil));
    },
    async claimInbound(channel, limit, now, leaseUntil, maxAttempts) {
      return claimInboundTx(channel, limit, normalizeTime(now), normalizeTime(leaseUntil), maxAttempts);
    },
    async completeInbound(key, at) {
      st().completeInbound.run(normalizeTime(at), key);
    },
    async listInbound(status) {
      return db.prepare('SELECT * FROM inbound_inbox WHERE status = ? ORDER BY received_at, key').all(status).map(toInbound);
    },

    async markSeen(key, ttlMs, now) {
      const at = normalizeTime(now);
      return st().markSeen.run(key, addMs(at, ttlMs), at).changes === 1;
    },
    async purgeSeen(now) {
      return write(() => {
        const purged = db.prepare('DELETE FROM seen_keys WHERE expires_at <= ?').run(normalizeTime(now)).changes;
        db.prepare("DELETE FROM inbound_inbox WHERE status <> 'pending' AND key NOT IN (SELECT key FROM seen_keys)").run();
        return purged;
      })();
    },
  };
  return store;
}
