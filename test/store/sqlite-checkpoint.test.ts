// WAL checkpoints run in a worker thread, not inside a commit: the commit in front of a Slack ack never pays for
// copying the WAL into the database file (and its fsyncs). The WAL is still checkpointed, and nothing is lost.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

let dir = '';
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function writeItems(path: string, count: number, backgroundCheckpoint: boolean) {
  const store = createSqliteStore({ path, backgroundCheckpoint });
  await store.migrate();
  const now = new Date().toISOString();
  for (let i = 0; i < count; i++)
    await store.acceptInbound({ key: `slack:event:Ev${i}`, channel: 'slack', payload: { n: i, text: 'x'.repeat(3000) } }, 600_000, now, now);
  return store;
}

/** Bytes of the database that are still only in the WAL: its size as SQLite sees it minus the file's own size. */
function notInFile(path: string): number {
  const db = new Database(path, { readonly: true });
  const pages = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  return pages * pageSize - statSync(path).size;
}

describe('SQLite WAL checkpoints', () => {
  it("the store's own commits leave the WAL alone; the worker checkpoints it in the background", async () => {
    dir = mkdtempSync(join(tmpdir(), 'advisor-ckpt-'));
    const path = join(dir, 'advisor.db');
    const store = await writeItems(path, 1500, true);
    const inline = createSqliteStore({ path: join(dir, 'inline.db'), backgroundCheckpoint: false });
    await inline.close();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    // Everything committed has been copied into the database file, with no commit doing it.
    const db = new Database(path, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM inbound_inbox').get() as { n: number }).n).toBe(1500);
    db.close();
    await store.close();
    const reopened = createSqliteStore({ path });
    expect(await reopened.listInbound('pending')).toHaveLength(1500);
    await reopened.close();
  });

  it('frames written since the last checkpoint are copied within a second, without another commit', async () => {
    dir = mkdtempSync(join(tmpdir(), 'advisor-ckpt-'));
    const background = join(dir, 'background.db');
    const inline = join(dir, 'inline.db');
    // 100 commits stay below SQLite's own threshold (1000 pages): with it, they are not checkpointed yet.
    const a = await writeItems(background, 100, true);
    const b = await writeItems(inline, 100, false);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(notInFile(inline)).toBeGreaterThan(0);
    expect(notInFile(background)).toBe(0);
    await a.close();
    await b.close();
  });
});
