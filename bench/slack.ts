// Slack HTTP mode: the product's ack latency against a bare Bolt app (src/channels/slack/baseline.ts), both
// answering signed DM events against a local fake Slack Web API, 16 clients at once, in the same run.
// Target (issue 14): product ack p99 ≤ 2× the bare Bolt app's, and never above 500 ms.
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import pino from 'pino';
import { startBareBoltApp } from '../src/channels/slack/baseline.js';
import { createSlackChannel, slackConfigSchema } from '../src/channels/slack/index.js';
import { createCaseRouter } from '../src/service/case-router.js';
import { createCaseService } from '../src/service/case-service.js';
import { createConversationService } from '../src/service/conversation-service.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { percentile } from './stats.js';

const SECRET = 'bench-signing-secret';
const CONCURRENCY = 16;
const EVENTS_PER_ROUND = 800;
const ROUNDS = 3;

/** Answers what the product and Bolt call: auth.test, users.info, chat.postMessage; counts the posts. */
async function fakeSlack(): Promise<{ url: string; posts: () => number; stop: () => Promise<void> }> {
  let posts = 0;
  let ts = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
      let body: unknown = { ok: true };
      if (method === 'auth.test') body = { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0BENCH' };
      if (method === 'users.info') body = { ok: true, user: { id: 'U1', locale: 'en-US' } };
      if (method === 'chat.postMessage') {
        posts += 1;
        ts += 1;
        body = { ok: true, ts: `${Math.floor(Date.now() / 1000)}.${String(ts).padStart(6, '0')}` };
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  return { url, posts: () => posts, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

function dmEvent(n: number, tag: string): string {
  const user = `U${tag}${n}`;
  return JSON.stringify({
    token: 'x',
    team_id: 'T0BENCH',
    api_app_id: 'A0BENCH',
    type: 'event_callback',
    event_id: `Ev${tag}${n}${randomUUID().slice(0, 8)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0BENCH', user_id: 'U0BOT', is_bot: true }],
    event: {
      type: 'message',
      channel_type: 'im',
      channel: `D${tag}${n}`,
      user,
      text: 'I want to collaborate on drone technology with a university in China. Is that possible?',
      ts: `${Math.floor(Date.now() / 1000)}.${String(n).padStart(6, '0')}`,
    },
  });
}

async function post(url: string, body: string): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`ack ${res.status}`);
  return performance.now() - started;
}

/** 16 clients, each sending its share of events one after another; ack latencies in ms. */
async function round(url: string, tag: string): Promise<{ acks: number[]; seconds: number }> {
  const acks: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < EVENTS_PER_ROUND) {
        const n = next++;
        acks.push(await post(url, dmEvent(n, tag)));
      }
    }),
  );
  return { acks: acks.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 };
}

async function product(apiUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-slack-'));
  // BENCH_SLACK_INLINE_CHECKPOINT=1: SQLite's own checkpoints inside commits, as before checkpointer.ts (for a before/after).
  const store = createSqliteStore({ path: join(dir, 'advisor.db'), backgroundCheckpoint: process.env.BENCH_SLACK_INLINE_CHECKPOINT !== '1' });
  await store.migrate();
  const logger = pino({ level: 'silent' });
  const { createAdvisorEngine } = await import('../src/runtime/engine.js');
  const engine = createAdvisorEngine();
  const router = createCaseRouter([{ id: 'uhasselt', slack: { channelId: 'C0CP' }, inbox: true }]);
  const conversations = createConversationService({ store, step: engine.step, router, clock: () => new Date(), newId: randomUUID, logger });
  const cases = createCaseService({ store, router, clock: () => new Date(), logger });
  const config = slackConfigSchema.parse({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: apiUrl });
  const channel = createSlackChannel({ conversations, cases, store, content: engine.content, logger }, config);
  const server = express();
  channel.mount(server);
  const http: Server = await new Promise((resolve) => {
    const s = server.listen(0, '127.0.0.1', () => resolve(s));
  });
  await channel.start?.();
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/slack/events`,
    async stop() {
      await channel.stop?.();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function drained(posts: () => number, expected: number, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  while (posts() < expected && performance.now() - started < timeoutMs) await new Promise((r) => setTimeout(r, 20));
  return performance.now() - started;
}

const fmt = (ms: number) => ms.toFixed(1);

export async function benchSlack(): Promise<void> {
  const api = await fakeSlack();
  const mine = await product(api.url);
  const boltPort = 40_000 + Math.floor(Math.random() * 10_000);
  const bolt = await startBareBoltApp({ signingSecret: SECRET, slackApiUrl: api.url, port: boltPort });
  const boltUrl = `http://127.0.0.1:${boltPort}/slack/events`;
  // Warm-up: JIT, statement caches, the bot identity.
  await round(mine.url, 'w');
  await drained(api.posts, EVENTS_PER_ROUND);
  await round(boltUrl, 'bw');

  const productP99: number[] = [];
  const boltP99: number[] = [];
  console.log(`${CONCURRENCY} concurrent clients, ${EVENTS_PER_ROUND} signed DM events per round, ${ROUNDS} rounds each, alternating`);
  console.log('round  system     acks/s   ack p50 ms  ack p99 ms  max ms');
  for (let r = 1; r <= ROUNDS; r++) {
    const before = api.posts();
    const p = await round(mine.url, `p${r}`);
    const drainMs = await drained(api.posts, before + EVENTS_PER_ROUND);
    productP99.push(percentile(p.acks, 99));
    console.log(
      `${r}      product    ${(EVENTS_PER_ROUND / p.seconds).toFixed(0).padStart(6)}   ${fmt(percentile(p.acks, 50)).padStart(9)}  ${fmt(percentile(p.acks, 99)).padStart(10)}  ${fmt(p.acks.at(-1) ?? 0).padStart(6)}   (all ${EVENTS_PER_ROUND} answered ${fmt(drainMs)} ms after the last ack)`,
    );
    const b = await round(boltUrl, `b${r}`);
    boltP99.push(percentile(b.acks, 99));
    console.log(
      `${r}      bare Bolt  ${(EVENTS_PER_ROUND / b.seconds).toFixed(0).padStart(6)}   ${fmt(percentile(b.acks, 50)).padStart(9)}  ${fmt(percentile(b.acks, 99)).padStart(10)}  ${fmt(b.acks.at(-1) ?? 0).padStart(6)}`,
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const ratio = median(productP99) / median(boltP99);
  const worst = Math.max(...productP99);
  console.log(
    `ack p99, median of rounds: product ${fmt(median(productP99))} ms, bare Bolt ${fmt(median(boltP99))} ms → ratio ${ratio.toFixed(2)}× ` +
      `(target ≤ 2×: ${ratio <= 2 ? 'met' : 'NOT met'}); worst product p99 ${fmt(worst)} ms (target ≤ 500 ms: ${worst <= 500 ? 'met' : 'NOT met'})`,
  );
  await bolt.stop();
  await mine.stop();
  await api.stop();
}
