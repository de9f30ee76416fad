import { describe, expect, it } from 'vitest';
import { createOutboxWorker, type OutboxWorkerDeps } from '../../src/service/outbox-worker.js';
import type { Deliverer } from '../../src/service/types.js';
import type { ChannelName, Store } from '../../src/store/types.js';
import { caseRecord, cardJob, state, turn } from '../store/fixtures.js';
import { captureLogger, fakeChannel, manualClock, memoryStore, silentLogger } from './helpers.js';

async function setup(deliverers: Deliverer[], extra: Partial<OutboxWorkerDeps> = {}) {
  const store = await memoryStore();
  const clock = manualClock();
  await store.commitTurn(turn('web:u1', null, state(1), { newCases: [caseRecord('c1')], jobs: [cardJob('c1')], at: clock.iso() }));
  const worker = createOutboxWorker({
    store,
    deliverers: new Map<ChannelName, Deliverer>(deliverers.map((d) => [d.channel, d])),
    clock: clock.clock,
    logger: silentLogger,
    maxAttempts: 4,
    backoffMs: 1000,
    pollMs: 10,
    workerId: 'w1',
    random: () => 1,
    ...extra,
  });
  return { store, clock, worker };
}

const job = async (store: Store) => (await store.listJobs({ caseId: 'c1' }))[0]!;

describe('OutboxWorker', () => {
  it("delivers a due job, stores the channel's result and notes the delivery on the case", async () => {
    const slack = fakeChannel('slack');
    const { store, worker } = await setup([slack.deliverer]);
    expect(await worker.runOnce()).toBe(1);
    expect(await job(store)).toMatchObject({ status: 'done', attempts: 1, result: { ts: 'case-card:c1:slack' } });
    expect((await store.getCase('c1'))?.history.map((e) => e.action)).toEqual(['created', 'delivered']);
    expect(await worker.runOnce()).toBe(0);
    expect(slack.posted.get('case-card:c1:slack')).toBe(1);
  });

  it('retries with exponential backoff and jitter, then delivers', async () => {
    const slack = fakeChannel('slack', (_job, attempt) => (attempt < 3 ? 'fail-before' : 'ok'));
    let r = 1;
    const { store, clock, worker } = await setup([slack.deliverer], { random: () => r });
    await worker.runOnce();
    // attempt 1 failed: 1000 ms, jitter at its maximum.
    expect(Date.parse((await job(store)).nextAttemptAt) - clock.clock().getTime()).toBe(1000);
    expect(await job(store)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'unavailable' });
    clock.advance(999);
    expect(await worker.runOnce()).toBe(0);
    clock.advance(1);
    r = 0;
    await worker.runOnce();
    // attempt 2 failed: 2000 ms base, jitter at its minimum gives half.
    expect(Date.parse((await job(store)).nextAttemptAt) - clock.clock().getTime()).toBe(1000);
    clock.advance(1000);
    await worker.runOnce();
    expect(await job(store)).toMatchObject({ status: 'done', attempts: 3 });
  });

  it('waits at least as long as the channel asks (Slack 429 Retry-After)', async () => {
    const slack = fakeChannel('slack', (_job, attempt) => (attempt === 1 ? { ok: false, retryable: true, error: 'ratelimited', retryAfterMs: 30_000 } : 'ok'));
    const { store, clock, worker } = await setup([slack.deliverer]);
    await worker.runOnce();
    expect(Date.parse((await job(store)).nextAttemptAt) - clock.clock().getTime()).toBe(30_000);
  });

  it('a retry after an uncertain failure does not post twice', async () => {
    const slack = fakeChannel('slack', (_job, attempt) => (attempt === 1 ? 'throw-after' : attempt === 2 ? 'fail-after' : 'ok'));
    const { store, clock, worker } = await setup([slack.deliverer]);
    await worker.runOnce();
    expect(await job(store)).toMatchObject({ status: 'pending', lastError: 'Error: socket hang up' });
    clock.advance(3_600_000);
    await worker.runOnce();
    expect(await job(store)).toMatchObject({ status: 'done', attempts: 2, result: { found: true } });
    expect(slack.posted.get('case-card:c1:slack')).toBe(1);
  });

  it('dead-letters after maxAttempts, visible on the case; an admin re-queues it and it is delivered', async () => {
    let down = true;
    const slack = fakeChannel('slack', () => (down ? 'fail-before' : 'ok'));
    const { store, clock, worker } = await setup([slack.deliverer]);
    for (let i = 0; i < 4; i++) {
      expect(await worker.runOnce()).toBe(1);
      clock.advance(3_600_000);
    }
    expect(await job(store)).toMatchObject({ status: 'dead', attempts: 4 });
    expect(await worker.runOnce()).toBe(0);
    expect((await store.getCase('c1'))?.history.map((e) => e.action)).toEqual(['created', 'delivery-failed']);
    down = false;
    expect(await store.requeueJob((await job(store)).id, clock.iso())).toBe(true);
    await worker.runOnce();
    expect(await job(store)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('dead-letters at once on a non-retryable error', async () => {
    const slack = fakeChannel('slack', () => ({ ok: false, retryable: false, error: 'channel_not_found' }));
    const { store, worker } = await setup([slack.deliverer]);
    await worker.runOnce();
    expect(await job(store)).toMatchObject({ status: 'dead', attempts: 1, lastError: 'channel_not_found' });
  });

  it('dead-letters a job whose workers kept dying during delivery', async () => {
    const slack = fakeChannel('slack');
    const { store, clock, worker } = await setup([slack.deliverer]);
    // Five claims that never reported back (the process died each time).
    for (let i = 0; i < 4; i++) {
      await store.claimJobs('dying', 1, clock.iso(), clock.iso());
    }
    await worker.runOnce();
    expect(await job(store)).toMatchObject({ status: 'dead', lastError: 'interrupted during delivery too often' });
    expect(slack.attempts.size).toBe(0);
  });

  it('treats a delivery that hangs past its timeout as a retryable failure', async () => {
    const hanging: Deliverer = { channel: 'slack', deliver: () => new Promise(() => undefined) };
    const { store, worker } = await setup([hanging], { deliverTimeoutMs: 20 });
    await worker.runOnce();
    expect(await job(store)).toMatchObject({ status: 'pending', lastError: 'timeout after 20 ms' });
  });

  it('leaves jobs for a channel without a deliverer pending and warns once', async () => {
    const { logger, lines } = captureLogger('info');
    const web = fakeChannel('web');
    const { store, clock, worker } = await setup([web.deliverer], { logger });
    expect(await worker.runOnce()).toBe(0);
    clock.advance(120_000);
    expect(await worker.runOnce()).toBe(0);
    expect(await job(store)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(lines().filter((l) => l.msg === 'outbox jobs wait for a channel that is not configured here')).toEqual([
      expect.objectContaining({ channel: 'slack', pending: 1 }),
    ]);
  });

  it('stop() waits for the delivery in flight', async () => {
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const begun = new Promise<void>((resolve) => (started = resolve));
    const slow: Deliverer = {
      channel: 'slack',
      deliver: () =>
        new Promise((resolve) => {
          started();
          release = () => resolve({ ok: true, result: { ts: '1' } });
        }),
    };
    const { store, worker } = await setup([slow]);
    worker.start();
    await begun;
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await job(store)).toMatchObject({ status: 'done' });
  });

  it('polls by itself once started and delivers what turns enqueue', async () => {
    const slack = fakeChannel('slack');
    // enqueue() stamps jobs with the store's clock, so this worker runs on real time.
    const { store, worker } = await setup([slack.deliverer], { clock: () => new Date() });
    worker.start();
    await store.enqueue([cardJob('c2')]);
    worker.wake();
    for (let i = 0; i < 100 && slack.posted.size < 2; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await worker.stop();
    expect([...slack.posted.keys()].sort()).toEqual(['case-card:c1:slack', 'case-card:c2:slack']);
  });
});
