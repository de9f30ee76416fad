// `advisor datasets update` against a local HTTP server that serves an OpenSanctions-shaped
// dataset (index.json + targets.simple.csv): checksum and size checked, swapped in atomically, and a
// running server reloads its index without a restart.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.js';
import { run } from '../../src/cli/commands/datasets.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';
import { createScreener, datasetSpecsFromConfig, loadDataset, readSevenSons, screeningConfigSchema, startLiveScreener } from '../../src/screening/index.js';
import { FIXTURES } from './helpers.js';

const V1 = readFileSync(join(FIXTURES, 'targets.simple.csv'), 'utf8');
const V2 = `${V1.trimEnd()}\nNK-test-0006,Company,Southern Lantern Test Works,,,kp,,,UN test sanction,,,,Synthetic UN test list,2025-11-20T00:00:00,2025-11-25T00:00:00,2025-11-25T00:00:00\n`;

/** What the fake publisher serves; tests change it between runs. */
const published = { body: V1, version: '20251102', lie: undefined as 'checksum' | 'size' | undefined, indexRequests: 0 };
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const sha1 = createHash('sha1').update(published.body).digest('hex');
    if (req.url === '/datasets/latest/sanctions/index.json') {
      published.indexRequests++;
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          name: 'sanctions',
          title: 'Consolidated Sanctions',
          version: published.version,
          last_export: `${published.version.slice(0, 4)}-${published.version.slice(4, 6)}-${published.version.slice(6, 8)}T06:00:00`,
          resources: [
            {
              name: 'targets.simple.csv',
              url: `${base}/artifacts/sanctions/${published.version}/targets.simple.csv`,
              checksum: published.lie === 'checksum' ? '0'.repeat(40) : sha1,
              size: Buffer.byteLength(published.body) + (published.lie === 'size' ? 10 : 0),
              mime_type: 'text/csv',
            },
          ],
        }),
      );
    } else if (req.url?.startsWith('/artifacts/sanctions/')) {
      res.setHeader('content-type', 'text/csv');
      res.end(published.body);
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function datasets(args: string[], env: Record<string, string>) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await run(args, { stdout, stderr, stdin: new PassThrough(), env: { ENV_FILE: '/nonexistent/.env', ...env } });
  return { code, out, err };
}

function envFor(dir: string): Record<string, string> {
  return { SCREENING_OPENSANCTIONS_URL: `${base}/datasets/latest/`, SCREENING_DATASETS_DIR: dir };
}

describe('advisor datasets update', () => {
  it('downloads the export, checks it and puts it in place with its index; a second run finds it current', async () => {
    Object.assign(published, { body: V1, version: '20251102', lie: undefined });
    const dir = mkdtempSync(join(tmpdir(), 'datasets-'));
    const first = await datasets(['update', '--json'], envFor(dir));
    expect(first.code).toBe(0);
    const outcome = (JSON.parse(first.out) as { datasets: Array<Record<string, unknown>> }).datasets[0];
    expect(outcome).toMatchObject({ name: 'sanctions', status: 'updated', entities: 5, date: '2025-11-02' });
    const file = join(dir, 'sanctions', 'targets.simple.csv');
    expect(readFileSync(file, 'utf8')).toBe(V1);
    const loaded = loadDataset({ path: file });
    expect(loaded).toMatchObject({ id: 'opensanctions-sanctions', date: '2025-11-02', dateSource: 'metadata' });

    const second = await datasets(['update'], envFor(dir));
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/sanctions: already current/);

    const status = await datasets(['status', '--json'], { ...envFor(dir), SCREENING_STALE_DAYS: '3650' });
    expect(JSON.parse(status.out)).toMatchObject({ datasets: [{ name: 'sanctions', present: true, date: '2025-11-02', stale: false }] });
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['checksum', 'size'] as const)('keeps the file in place when the %s does not match', async (lie) => {
    const dir = mkdtempSync(join(tmpdir(), 'datasets-'));
    Object.assign(published, { body: V1, version: '20251102', lie: undefined });
    await datasets(['update'], envFor(dir));
    Object.assign(published, { body: V2, version: '20251125', lie });
    const bad = await datasets(['update'], envFor(dir));
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(new RegExp(`FAILED: .*${lie === 'checksum' ? 'checksum' : 'bytes received'}.*the file in place is kept`));
    expect(readFileSync(join(dir, 'sanctions', 'targets.simple.csv'), 'utf8')).toBe(V1);
    rmSync(dir, { recursive: true, force: true });
  });

  it('says so when the publisher cannot be reached', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'datasets-'));
    const result = await datasets(['update'], { SCREENING_OPENSANCTIONS_URL: 'http://127.0.0.1:9/datasets/latest/', SCREENING_DATASETS_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/sanctions: FAILED: cannot reach/);
    expect(existsSync(join(dir, 'sanctions', 'targets.simple.csv'))).toBe(false);
  });
});

describe('a running screener picks up an update', () => {
  it('serves the old index until the new one is built, keeps it when the new file is broken', async () => {
    Object.assign(published, { body: V1, version: '20251102', lie: undefined });
    const dir = mkdtempSync(join(tmpdir(), 'datasets-'));
    const config = screeningConfigSchema.parse(envFor(dir));
    const build = () =>
      createScreener({
        sevenSons: readSevenSons(),
        datasets: datasetSpecsFromConfig(config).map(loadDataset),
        staleAfterDays: 30,
        today: '2025-11-26',
      });
    const reloaded: string[] = [];
    const live = startLiveScreener({
      build,
      paths: datasetSpecsFromConfig(config, { includeAbsent: true }).map((s) => s.path),
      intervalMs: 20,
      settleMs: 20,
      clock: () => new Date('2025-11-26T12:00:00Z'),
      onEvent: (e) => reloaded.push(e.type),
    });
    try {
      expect(live.screener.screen('Rostok Avia Test').hits).toEqual([]);
      expect(live.status().missing).toContain('sanction');

      await datasets(['update'], envFor(dir));
      await expect.poll(() => live.screener.screen('Rostok Avia Test').hits[0]?.id, { timeout: 5000, interval: 20 }).toBe('NK-test-0001');
      expect(live.status().lists.find((l) => l.id === 'opensanctions-sanctions')).toMatchObject({ date: '2025-11-02', ageDays: 24, stale: false });
      expect(live.status().missing).not.toContain('sanction');

      Object.assign(published, { body: V2, version: '20251125' });
      await datasets(['update'], envFor(dir));
      await expect.poll(() => live.screener.screen('Southern Lantern Test Works').hits[0]?.kind, { timeout: 5000, interval: 20 }).toBe('sanction');

      // A file that cannot be read: the reload fails and the index in use stays.
      writeFileSync(join(dir, 'sanctions', 'targets.simple.csv'), 'id,schema\n');
      expect(await live.reload()).toBe(false);
      expect(live.status().lastReloadError).toMatch(/not an OpenSanctions targets.simple.csv/);
      expect(live.screener.screen('Southern Lantern Test Works').hits[0]?.id).toBe('NK-test-0006');
      expect(reloaded).toContain('reload-failed');
    } finally {
      live.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a server shows in /readyz what it loaded, and reloads after `advisor datasets update`', async () => {
    Object.assign(published, { body: V1, version: '20251102', lie: undefined });
    const dataDir = mkdtempSync(join(tmpdir(), 'datasets-app-'));
    const env = { ...envFor(join(dataDir, 'datasets')), DATA_DIR: dataDir, SCREENING_RELOAD_CHECK_SECONDS: '1' };
    const app = await startApp({ ...loadConfig(env), PORT: 0 }, { logger: createLogger('silent') });
    try {
      const before = (await (await fetch(`${app.url}/readyz`)).json()) as { screening: { lists: Array<{ id: string }>; missing: string[] } };
      expect(before.screening.missing).toContain('sanction');
      await datasets(['update'], env);
      await expect
        .poll(
          async () =>
            ((await (await fetch(`${app.url}/readyz`)).json()) as { screening: { lists: Array<{ id: string; date: string }> } }).screening.lists.find(
              (l) => l.id === 'opensanctions-sanctions',
            )?.date,
          { timeout: 10_000, interval: 200 },
        )
        .toBe('2025-11-02');
    } finally {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
