// The advisor's Prometheus metrics, through prom-client: the process and event loop (prom-client's
// defaults), turns, escalations, contact-point actions, deliveries and their latency per channel, and at
// scrape time the outbox backlog, its oldest job's age, dead letters and cases by status.
// Each app has its own registry, so that tests can run several in one process.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Store } from '../store/types.js';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Store figures are read at most this often, however often Prometheus scrapes. */
const STORE_FIGURES_MS = 5_000;

export interface MetricsOptions {
  /** prom-client's process and event-loop metrics (off in tests that count series). */
  processMetrics?: boolean;
}

interface StoreFigures {
  pending: number;
  oldestPendingSeconds: number;
  dead: number;
  casesByStatus: Map<string, number>;
}

async function readFigures(store: Store, now: number): Promise<StoreFigures> {
  const [pending, dead, cases] = await Promise.all([store.listJobs({ status: 'pending' }), store.listJobs({ status: 'dead' }), store.listCases()]);
  const oldest = pending.reduce((min, job) => Math.min(min, Date.parse(job.createdAt)), Number.POSITIVE_INFINITY);
  const casesByStatus = new Map<string, number>(['open', 'taken', 'awaiting-info', 'closed'].map((s) => [s, 0]));
  for (const c of cases) casesByStatus.set(c.status, (casesByStatus.get(c.status) ?? 0) + 1);
  return {
    pending: pending.length,
    oldestPendingSeconds: Number.isFinite(oldest) ? Math.max(0, (now - oldest) / 1000) : 0,
    dead: dead.length,
    casesByStatus,
  };
}

/** The advisor's metrics. Names follow Prometheus conventions (_total, _seconds). */
export function createMetrics(options: MetricsOptions = {}) {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });
  const started = Date.now();
  let store: Store | undefined;
  let figures: { at: number; value: Promise<StoreFigures> } | undefined;
  const storeFigures = (): Promise<StoreFigures> | undefined => {
    if (!store) return undefined;
    const now = Date.now();
    if (!figures || now - figures.at > STORE_FIGURES_MS) {
      const value = readFigures(store, now);
      figures = { at: now, value };
      // A failing store must not keep a rejected promise for the next scrape.
      value.catch(() => {
        figures = undefined;
      });
    }
    return figures.value;
  };
  const fromStore = (read: (f: StoreFigures) => number) =>
    async function collect(this: Gauge) {
      const f = await storeFigures()?.catch(() => undefined);
      if (f) this.set(read(f));
    };

  const metrics = {
    turns: new Counter({
      name: 'advisor_turns_total',
      help: 'Conversation turns handled, by channel and result (ok, error).',
      labelNames: ['channel', 'result'],
      registers: [registry],
    }),
    escalations: new Counter({
      name: 'advisor_escalations_total',
      help: 'Cases created by researchers confirming an escalation, by channel.',
      labelNames: ['channel'],
      registers: [registry],
    }),
    caseActions: new Counter({
      name: 'advisor_case_actions_total',
      help: 'Contact-point actions on cases (take, ask, close), by channel and result.',
      labelNames: ['channel', 'action', 'result'],
      registers: [registry],
    }),
    deliveries: new Counter({
      name: 'advisor_deliveries_total',
      help: 'Outbox deliveries attempted, by channel, kind and result (ok, failed).',
      labelNames: ['channel', 'kind', 'result'],
      registers: [registry],
    }),
    deliveryFailures: new Counter({
      name: 'advisor_delivery_failures_total',
      help: 'Outbox deliveries that failed, by channel, kind and whether they will be retried.',
      labelNames: ['channel', 'kind', 'retryable'],
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'advisor_rate_limited_total',
      help: 'Requests refused with 429, by limit.',
      labelNames: ['limit'],
      registers: [registry],
    }),
    turnLatency: new Histogram({
      name: 'advisor_turn_duration_seconds',
      help: 'Time to handle one conversation turn, by channel.',
      labelNames: ['channel'],
      buckets: SECONDS,
      registers: [registry],
    }),
    deliveryLatency: new Histogram({
      name: 'advisor_delivery_duration_seconds',
      help: 'Time to deliver one outbox job, by channel.',
      labelNames: ['channel'],
      buckets: SECONDS,
      registers: [registry],
    }),
    httpLatency: new Histogram({
      name: 'advisor_http_request_duration_seconds',
      help: 'HTTP request time, by route and status class.',
      labelNames: ['route', 'status'],
      buckets: SECONDS,
      registers: [registry],
    }),
  };
  new Gauge({
    name: 'advisor_uptime_seconds',
    help: 'Seconds since the process started.',
    registers: [registry],
    collect() {
      this.set(Math.round((Date.now() - started) / 1000));
    },
  });
  new Gauge({
    name: 'advisor_outbox_pending_jobs',
    help: 'Deliveries waiting in the outbox (the backlog).',
    registers: [registry],
    collect: fromStore((f) => f.pending),
  });
  new Gauge({
    name: 'advisor_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest delivery still waiting in the outbox; 0 when it is empty.',
    registers: [registry],
    collect: fromStore((f) => f.oldestPendingSeconds),
  });
  new Gauge({
    name: 'advisor_outbox_dead_jobs',
    help: 'Deliveries that ran out of attempts (dead letters; see `advisor outbox retry`).',
    registers: [registry],
    collect: fromStore((f) => f.dead),
  });
  new Gauge({
    name: 'advisor_cases',
    help: 'Cases in the store, by status.',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const f = await storeFigures()?.catch(() => undefined);
      if (f) for (const [status, count] of f.casesByStatus) this.set({ status }, count);
    },
  });

  return {
    ...metrics,
    registry,
    contentType: registry.contentType,
    /** The store the scrape-time gauges read. */
    watch(watched: Store): void {
      store = watched;
    },
    render: (): Promise<string> => registry.metrics(),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
