// Exactly-once delivery across crashes: a child process confirms 500 escalations and delivers them to
// a channel that fails 30 % of the time, half of those failures after the message was posted. The
// child is killed with SIGKILL at random moments and restarted until it finishes. Every escalation
// must then be posted exactly once.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const COUNT = 500;
const FAILURE_RATE = 0.3;
/** At most this many runs are killed; a run after them may finish. */
const KILLED_RUNS = 10;
const CHILD = join(import.meta.dirname, 'fixtures', 'crash-child.ts');

/** A small seeded generator, so a failing run can be replayed with its seed. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function flakyChannel(random: () => number) {
  const posts = new Map<string, number>();
  const stats = { postAttempts: 0, failedBefore: 0, failedAfter: 0, lookupsFound: 0 };
  const server: Server = createServer((req, res) => {
    const key = decodeURIComponent((req.url ?? '').replace(/^\/messages\//, ''));
    if (req.method === 'GET') {
      if (!posts.has(key)) return void res.writeHead(404).end();
      stats.lookupsFound++;
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ts: key }));
    }
    stats.postAttempts++;
    const roll = random();
    if (roll < FAILURE_RATE / 2) {
      stats.failedBefore++;
      return void res.writeHead(503).end();
    }
    posts.set(key, (posts.get(key) ?? 0) + 1);
    if (roll < FAILURE_RATE) {
      // Posted, but the caller cannot know: an error status or a dropped connection.
      stats.failedAfter++;
      if (random() < 0.5) return void res.writeHead(503).end();
      return void req.socket.destroy();
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ts: key }));
  });
  return { server, posts, stats };
}

describe('crash test', () => {
  const dir = mkdtempSync(join(tmpdir(), 'advisor-crash-'));
  afterAll(() => (process.env.CRASH_DEBUG ? console.info('kept', dir) : rmSync(dir, { recursive: true, force: true })));

  it(`delivers ${COUNT} escalations exactly once through SIGKILLs and a channel failing ${FAILURE_RATE * 100} % of the time`, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
    const random = mulberry32(seed);
    const channel = flakyChannel(random);
    await new Promise<void>((resolve) => channel.server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(channel.server.address() as AddressInfo).port}`;
    const dbPath = join(dir, 'advisor.db');

    let runs = 0;
    let kills = 0;
    let killsWhileDelivering = 0;
    const deadline = Date.now() + 100_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`not finished in time (seed ${seed})`);
      runs++;
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath, url, String(COUNT)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const ready = new Promise<void>((resolve) => child.stdout.on('data', () => resolve()));
      // The first KILLED_RUNS runs die at a random moment after start-up; the next one may finish.
      const killAfter = random() * 400;
      const killTimer =
        runs <= KILLED_RUNS
          ? ready.then(() => new Promise<'kill'>((resolve) => setTimeout(() => resolve('kill'), killAfter)))
          : new Promise<'kill'>((resolve) => setTimeout(() => resolve('kill'), 30_000));
      const outcome = await Promise.race([exited, killTimer]);
      if (process.env.CRASH_DEBUG) console.info('run', runs, outcome, channel.posts.size, channel.stats.postAttempts);
      if (outcome === 'kill' && runs > KILLED_RUNS) {
        child.kill('SIGKILL');
        throw new Error(`the last run did not finish (seed ${seed}): ${stderr}`);
      }
      if (outcome === 'kill') {
        if (channel.posts.size > 0 && channel.posts.size < COUNT) killsWhileDelivering++;
        child.kill('SIGKILL');
        await exited;
        kills++;
        continue;
      }
      if (outcome !== 0) throw new Error(`child failed (${String(outcome)}, seed ${seed}): ${stderr}`);
      break;
    }
    channel.server.close();

    const store = createSqliteStore({ path: dbPath });
    const cases = await store.listCases();
    const jobs = await store.listJobs();
    await store.close();
    const duplicates = [...channel.posts.values()].filter((n) => n !== 1).length;
    console.info(
      `crash test (seed ${seed}): ${runs} runs, ${kills} SIGKILLs (${killsWhileDelivering} while delivering); ${cases.length} cases, ${jobs.length} jobs; ` +
        `${channel.stats.postAttempts} posts tried, ${channel.stats.failedBefore} failed before posting, ${channel.stats.failedAfter} failed after posting, ` +
        `${channel.stats.lookupsFound} retries found the earlier post; ${duplicates} keys posted more than once`,
    );
    expect(killsWhileDelivering).toBeGreaterThanOrEqual(3);
    expect(cases).toHaveLength(COUNT);
    expect(jobs).toHaveLength(COUNT);
    expect(jobs.every((j) => j.status === 'done')).toBe(true);
    expect(channel.posts.size).toBe(COUNT);
    expect(duplicates).toBe(0);
    expect(new Set(jobs.map((j) => j.idempotencyKey))).toEqual(new Set(channel.posts.keys()));
  }, 120_000);
});
