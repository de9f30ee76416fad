// A damaged store is reported, not served: an empty advisor.db or one with damaged pages stops the start
// with a message naming the file; damage that appears while running turns /readyz to 503; a PostgreSQL
// that cannot be reached is a configuration message, not a stack trace.
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.js';
import { ConfigError, loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';
import { openStore, sqlitePath } from '../../src/store/index.js';
import { caseRecord, state, turn } from '../store/fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'advisor-damage-'));
  dirs.push(dir);
  return dir;
}

async function storeWithCases(dir: string, count: number): Promise<void> {
  const store = await openStore({ dataDir: dir });
  for (let i = 0; i < count; i++) {
    const record = caseRecord(`c${i}`, { userId: `r${i}` });
    // Long summaries spread the cases over many pages.
    record.draft = { ...record.draft, summaryMarkdown: `${'A long case summary. '.repeat(200)}${i}` };
    await store.commitTurn(turn(`web:r${i}`, null, state(1), { newCases: [record] }));
  }
  await store.close();
}

/** Overwrites pages of the file (not the header page) with zeros, as a failing disk would. */
function zeroPages(file: string, from: number, count: number): void {
  const fd = openSync(file, 'r+');
  try {
    for (let page = from; page < from + count; page++) writeSync(fd, Buffer.alloc(4096), 0, 4096, page * 4096);
  } finally {
    closeSync(fd);
  }
}

const config = (env: Record<string, string>) => ({ ...loadConfig({ OUTBOX_POLL_MS: '60000', METRICS_PROCESS: 'false', ...env }), PORT: 0 });
const quiet = { logger: createLogger('silent') };

async function startError(env: Record<string, string>): Promise<unknown> {
  return startApp(config(env), quiet).then(
    async (app) => {
      await app.stop();
      return undefined;
    },
    (error: unknown) => error,
  );
}

describe('a damaged SQLite store', () => {
  it('refuses to start on a 0-byte advisor.db, naming the file, instead of starting empty', async () => {
    const dir = tempDir();
    writeFileSync(sqlitePath(dir), '');
    const error = await startError({ DATA_DIR: dir });
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(sqlitePath(dir));
    expect((error as Error).message).toMatch(/empty \(0 bytes\)/);
  });

  it('refuses to start on a file with damaged pages, naming the file and what quick_check found', async () => {
    const dir = tempDir();
    await storeWithCases(dir, 40);
    const pages = statSync(sqlitePath(dir)).size / 4096;
    expect(pages).toBeGreaterThan(10);
    zeroPages(sqlitePath(dir), 3, 4);
    const error = await startError({ DATA_DIR: dir });
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(sqlitePath(dir));
    expect((error as Error).message).toMatch(/damaged/);
  });

  it('turns /readyz to 503 when the file is damaged while the server runs', async () => {
    const dir = tempDir();
    await storeWithCases(dir, 40);
    const app = await startApp(config({ DATA_DIR: dir, STORE_CHECK_INTERVAL_S: '1' }), quiet);
    try {
      expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
      zeroPages(sqlitePath(dir), 3, 4);
      await new Promise((r) => setTimeout(r, 1100));
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { checks: Record<string, string> }).checks['store-integrity']).toBe('failing');
    } finally {
      await app.stop();
    }
  });
});

describe('an unreachable DATABASE_URL', () => {
  it('is a configuration message naming the setting and the address, without the password', async () => {
    const error = await startError({ DATA_DIR: tempDir(), DATABASE_URL: 'postgres://advisor:s3cret-pass@127.0.0.1:1/advisor' });
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('DATABASE_URL: cannot open PostgreSQL at 127.0.0.1:1/advisor');
    expect(message).toContain('nothing accepts connections there');
    expect(message).not.toContain('s3cret-pass');
  });

  it('says what a PostgreSQL address looks like when the value is not one', async () => {
    const error = await startError({ DATA_DIR: tempDir(), DATABASE_URL: 'not-a-url' });
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('DATABASE_URL must be a PostgreSQL address');
  });
});
