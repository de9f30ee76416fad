// Retention of case data: CASE_RETENTION_DAYS deletes closed cases (with their history and deliveries)
// that have not changed for that long, and finished deliveries that old; `advisor cases delete` removes
// one case; after "forget me" the WAL is checkpointed so the deleted text is gone from the files.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.js';
import { run as casesCli } from '../../src/cli/commands/cases.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';
import { openStore, sqlitePath } from '../../src/store/index.js';
import { openCaseRetention } from '../../src/store/retention-cases.js';
import type { CaseRecord } from '../../src/store/types.js';
import { cardJob, caseRecord, state, turn } from '../store/fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'advisor-retention-'));
  dirs.push(dir);
  return dir;
};
const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString();

function closedCase(id: string, updatedDaysAgo: number): CaseRecord {
  const record = caseRecord(id, { userId: `r-${id}`, createdAt: daysAgo(updatedDaysAgo + 5) });
  return { ...record, status: 'closed', updatedAt: daysAgo(updatedDaysAgo) };
}

async function seed(dir: string, records: CaseRecord[]): Promise<void> {
  const store = await openStore({ dataDir: dir });
  for (const record of records) {
    await store.commitTurn(turn(`web:${record.researcher.id}`, null, state(1), { newCases: [record], jobs: [cardJob(record.id)] }));
  }
  await store.close();
}

async function cli(dir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await casesCli(args, { stdout, stderr, stdin: new PassThrough(), env: { DATA_DIR: dir } });
  return { code, out, err };
}

describe('case retention', () => {
  it('is off by default', () => {
    expect(loadConfig({}).CASE_RETENTION_DAYS).toBe(0);
  });

  it('deletes closed cases untouched for CASE_RETENTION_DAYS with their history and deliveries, and keeps the rest', async () => {
    const dir = tempDir();
    const old = closedCase('old', 100);
    const recent = closedCase('recent', 5);
    const openOld = caseRecord('open-old', { userId: 'r-open', createdAt: daysAgo(200) });
    await seed(dir, [old, recent, openOld]);
    const app = await startApp(
      { ...loadConfig({ DATA_DIR: dir, OUTBOX_POLL_MS: '60000', CASE_RETENTION_DAYS: '30' }), PORT: 0 },
      { logger: createLogger('silent') },
    );
    try {
      // The sweep runs at start; give it a moment.
      for (let i = 0; i < 50 && (await app.store.getCase(old.id)); i++) await new Promise((r) => setTimeout(r, 20));
      expect(await app.store.getCase(old.id)).toBeNull();
      expect(await app.store.listJobs({ caseId: old.id })).toEqual([]);
      expect((await app.store.getCase(recent.id))?.status).toBe('closed');
      expect((await app.store.getCase(openOld.id))?.status).toBe('open');
    } finally {
      await app.stop();
    }
  });

  it('deletes one case on request with `advisor cases delete REF --yes`', async () => {
    const dir = tempDir();
    const record = caseRecord('gone', { userId: 'r-gone' });
    await seed(dir, [record]);
    expect((await cli(dir, ['delete', record.ref])).code).toBe(2);
    const deleted = await cli(dir, ['delete', record.ref, '--yes']);
    expect(deleted.code).toBe(0);
    const shown = await cli(dir, ['show', record.ref]);
    expect(shown.code).toBe(1);
    expect(shown.err).toContain('no case');
    const retention = openCaseRetention({ dataDir: dir });
    expect(await retention.deleteCase(record.ref)).toBe(false);
    await retention.close();
  });
});

describe('"forget me" on SQLite', () => {
  it('leaves no copy of the deleted conversation in advisor.db or advisor.db-wal', async () => {
    const dir = tempDir();
    const marker = 'SECRET-FIRST-MESSAGE-7f3a';
    const store = await openStore({ dataDir: dir });
    try {
      for (let i = 0; i < 5; i++) {
        const result = await store.commitTurn(turn('web:alice', i === 0 ? null : i, state(i + 1), { address: { session: `${marker}-${i}` } }));
        expect(result.ok).toBe(true);
      }
      const wal = `${sqlitePath(dir)}-wal`;
      expect(readFileSync(wal).includes(marker)).toBe(true);
      await store.commitTurn(turn('web:alice', 5, state(6), { forgetUser: true }));
      expect(await store.loadConversation('web:alice')).toBeNull();
      expect(readFileSync(sqlitePath(dir)).includes(marker)).toBe(false);
      expect(existsSync(wal) ? readFileSync(wal).includes(marker) : false).toBe(false);
    } finally {
      await store.close();
    }
  });
});
