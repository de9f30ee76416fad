// Delivers outbox jobs through the channels' deliverers.
//
// The guarantee: every job is attempted at least once until it succeeds or is dead-lettered (the
// claim is leased, so a job whose worker died is claimed again when the lease ends), and every
// deliverer is idempotent on job.idempotencyKey (it looks for what an earlier, uncertain attempt
// already posted before posting). At-least-once attempts + idempotent delivery = exactly-once effect.
import type { Logger } from 'pino';
import type { ChannelName, OutboxJob, Store } from '../store/types.js';
import type { Deliverer, DeliveryResult } from './types.js';

export interface OutboxWorkerDeps {
  store: Store;
  deliverers: Map<ChannelName, Deliverer>;
  clock: () => Date;
  logger: Logger;
  /** Attempts before a job is dead-lettered. */
  maxAttempts: number;
  /** Base of the exponential backoff. */
  backoffMs: number;
  /** Sleep between polls when nothing was due. */
  pollMs: number;
  workerId: string;
  /** 0..1, for the jitter; tests inject their own. */
  random?: () => number;
  batchSize?: number;
  /** How long a claim is exclusive; a worker that dies gives its jobs back after this. */
  leaseMs?: number;
  maxBackoffMs?: number;
  /** A delivery that takes longer counts as an uncertain failure and is retried. */
  deliverTimeoutMs?: number;
}

export interface OutboxWorker {
  start(): void;
  /** Stops polling; resolves when the deliveries in flight have finished. */
  stop(): Promise<void>;
  /** Claims and delivers one batch; returns how many jobs it handled. */
  runOnce(): Promise<number>;
  /** Polls now instead of after pollMs (a turn just enqueued something). */
  wake(): void;
}

const UNROUTED_CHECK_MS = 60_000;

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 500);
}

export function createOutboxWorker(deps: OutboxWorkerDeps): OutboxWorker {
  const { store, deliverers, clock, logger, maxAttempts, backoffMs, pollMs, workerId } = deps;
  const random = deps.random ?? Math.random;
  const batchSize = deps.batchSize ?? 10;
  const leaseMs = deps.leaseMs ?? 120_000;
  const maxBackoffMs = deps.maxBackoffMs ?? 3_600_000;
  const deliverTimeoutMs = deps.deliverTimeoutMs ?? Math.floor(leaseMs / 2);
  const channels = [...deliverers.keys()];
  const warnedChannels = new Set<string>();
  let lastUnroutedCheck = -Infinity;

  let running = false;
  let loop: Promise<void> | undefined;
  let wakeSleep: (() => void) | undefined;

  /** Exponential backoff with "equal jitter": half fixed, half random, so retries of many jobs spread out. */
  function backoff(attempts: number): number {
    const exp = Math.min(maxBackoffMs, backoffMs * 2 ** Math.max(0, attempts - 1));
    return Math.round(exp / 2 + random() * (exp / 2));
  }

  async function deliverWithTimeout(deliverer: Deliverer, job: OutboxJob): Promise<DeliveryResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<DeliveryResult>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, retryable: true, error: `timeout after ${deliverTimeoutMs} ms` }), deliverTimeoutMs);
    });
    try {
      return await Promise.race([deliverer.deliver(job), timeout]);
    } catch (error) {
      // A thrown error is an uncertain failure: the post may have happened; the retry's idempotency check finds it.
      return { ok: false, retryable: true, error: describeError(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  async function recordCaseEvent(job: OutboxJob, action: 'delivered' | 'delivery-failed', at: string): Promise<void> {
    if (job.kind !== 'case-card' || !job.caseId) return;
    try {
      await store.updateCase({ caseId: job.caseId, event: { at, actor: { channel: job.channel, id: `outbox:${workerId}` }, action } });
    } catch (error) {
      logger.warn({ jobId: job.id, caseId: job.caseId, err: describeError(error) }, 'could not record delivery on the case');
    }
  }

  async function handle(job: OutboxJob): Promise<void> {
    const deliverer = deliverers.get(job.channel);
    const logFields = { jobId: job.id, kind: job.kind, channel: job.channel, caseId: job.caseId, attempts: job.attempts };
    if (!deliverer) return; // claimJobs filters by channel; kept for type safety.
    if (job.attempts > maxAttempts) {
      // Claimed more often than allowed without a recorded outcome: its worker kept dying during delivery.
      const now = clock().toISOString();
      await store.failJob(job.id, 'interrupted during delivery too often', now, true);
      logger.error(logFields, 'delivery dead-lettered');
      await recordCaseEvent(job, 'delivery-failed', now);
      return;
    }
    const started = performance.now();
    const result = await deliverWithTimeout(deliverer, job);
    const now = clock();
    if (result.ok) {
      await store.completeJob(job.id, result.result, now.toISOString());
      logger.info({ ...logFields, ms: Math.round(performance.now() - started) }, 'delivered');
      await recordCaseEvent(job, 'delivered', now.toISOString());
      return;
    }
    const dead = !result.retryable || job.attempts >= maxAttempts;
    const delay = Math.max(result.retryAfterMs ?? 0, backoff(job.attempts));
    await store.failJob(job.id, result.error.slice(0, 500), new Date(now.getTime() + delay).toISOString(), dead);
    if (dead) {
      logger.error({ ...logFields, retryable: result.retryable }, 'delivery dead-lettered');
      await recordCaseEvent(job, 'delivery-failed', now.toISOString());
    } else {
      logger.warn({ ...logFields, retryInMs: delay }, 'delivery failed, will retry');
    }
  }

  /** Jobs for a channel nobody here delivers stay pending, visible; say so once per channel. */
  async function checkUnrouted(): Promise<void> {
    const nowMs = clock().getTime();
    if (nowMs - lastUnroutedCheck < UNROUTED_CHECK_MS) return;
    lastUnroutedCheck = nowMs;
    const pending = await store.listJobs({ status: 'pending' });
    const counts = new Map<string, number>();
    for (const job of pending) if (!deliverers.has(job.channel)) counts.set(job.channel, (counts.get(job.channel) ?? 0) + 1);
    for (const [channel, count] of counts) {
      if (warnedChannels.has(channel)) continue;
      warnedChannels.add(channel);
      logger.warn({ channel, pending: count }, 'outbox jobs wait for a channel that is not configured here');
    }
  }

  async function runOnce(): Promise<number> {
    await checkUnrouted();
    if (channels.length === 0) return 0;
    const now = clock();
    const jobs = await store.claimJobs(workerId, batchSize, now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), channels);
    for (const job of jobs) await handle(job);
    return jobs.length;
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeSleep = undefined;
        resolve();
      }
      wakeSleep = done;
    });
  }

  return {
    runOnce,
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          let handled = 0;
          try {
            handled = await runOnce();
          } catch (error) {
            logger.error({ workerId, err: describeError(error) }, 'outbox poll failed');
          }
          if (handled === 0 && running) await sleep(pollMs);
        }
      })();
    },
    async stop() {
      running = false;
      wakeSleep?.();
      await loop;
      loop = undefined;
    },
    wake() {
      wakeSleep?.();
    },
  };
}
