// After a crash during the card's delivery, the card stays leased; its thread updates wait for it without
// spending attempts, and are delivered once the card is out. The lease is a setting.
import { describe, expect, it } from 'vitest';
import { createCaseRouter } from '../../src/service/case-router.js';
import { createOutboxWorker } from '../../src/service/outbox-worker.js';
import type { Deliverer } from '../../src/service/types.js';
import { storeConfigSchema } from '../../src/store/config.js';
import type { ChannelName } from '../../src/store/types.js';
import { caseRecord, state, turn } from '../store/fixtures.js';
import { ROUTING, manualClock, memoryStore, silentLogger } from './helpers.js';

async function crashedCard(leaseMs: number) {
  const store = await memoryStore();
  const clock = manualClock();
  const router = createCaseRouter(ROUTING);
  const c = caseRecord('c1');
  const jobs = router.jobsForNewCase(c).filter((j) => j.channel === 'slack');
  await store.commitTurn(turn('web:u1', null, state(1), { newCases: [c], jobs, at: clock.iso() }));
  // A worker claims the card and dies mid-delivery: the card stays leased.
  const [card] = await store.claimJobs('died', 1, clock.iso(), new Date(clock.clock().getTime() + leaseMs).toISOString(), ['slack']);
  expect(card?.kind).toBe('case-card');
  // Meanwhile the contact point takes the case: a thread update for the card.
  const taken = { at: clock.iso(), actor: { channel: 'slack' as const, id: 'U0CP' }, action: 'taken' as const };
  await store.updateCase({
    caseId: c.id,
    event: taken,
    status: 'taken',
    jobs: router.jobsForEvent(c, taken, '1').filter((j) => j.kind === 'case-thread' && j.channel === 'slack'),
  });

  const delivered: string[] = [];
  // Like the Slack deliverer: a thread update fails while its card is not out.
  const slack: Deliverer = {
    channel: 'slack',
    async deliver(job) {
      if (job.kind === 'case-thread' && !delivered.some((k) => k.startsWith('case-card:')))
        return { ok: false, retryable: true, error: 'card not delivered yet' };
      delivered.push(job.idempotencyKey);
      return { ok: true, result: { ts: job.idempotencyKey } };
    },
  };
  const worker = createOutboxWorker({
    store,
    deliverers: new Map<ChannelName, Deliverer>([['slack', slack]]),
    clock: clock.clock,
    logger: silentLogger,
    maxAttempts: 8,
    backoffMs: 1000,
    pollMs: 10,
    workerId: 'w2',
    random: () => 1,
    leaseMs,
  });
  return { store, clock, worker, delivered };
}

describe('job dependencies', () => {
  it('a thread update waits out the crashed card’s lease without spending attempts, then follows the card', async () => {
    const { store, clock, worker, delivered } = await crashedCard(120_000);
    for (let s = 0; s < 130; s += 2) {
      await worker.runOnce();
      clock.advance(2000);
      const thread = (await store.listJobs()).find((j) => j.kind === 'case-thread');
      if (s < 118) expect(thread).toMatchObject({ status: 'pending', attempts: 0 });
    }
    await worker.runOnce();
    const jobs = await store.listJobs();
    expect(jobs.map((j) => [j.kind, j.status])).toEqual([
      ['case-card', 'done'],
      ['case-thread', 'done'],
    ]);
    expect(jobs.find((j) => j.kind === 'case-thread')?.attempts).toBe(1);
    expect(delivered.map((k) => k.split(':')[0])).toEqual(['case-card', 'thread']);
  });

  it('takes the card over after the configured lease (OUTBOX_LEASE_SECONDS)', async () => {
    expect(storeConfigSchema.parse({}).OUTBOX_LEASE_SECONDS).toBe(120);
    const leaseMs = storeConfigSchema.parse({ OUTBOX_LEASE_SECONDS: '10' }).OUTBOX_LEASE_SECONDS * 1000;
    const { store, clock, worker } = await crashedCard(leaseMs);
    clock.advance(9_000);
    await worker.runOnce();
    expect((await store.listJobs({ status: 'done' })).length).toBe(0);
    clock.advance(2_000);
    await worker.runOnce();
    await worker.runOnce();
    expect((await store.listJobs({ status: 'done' })).map((j) => j.kind)).toEqual(['case-card', 'case-thread']);
  });
});
