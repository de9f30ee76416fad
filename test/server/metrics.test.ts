// /metrics through prom-client: the process and event loop, turn latency per channel, and what an
// administrator alerts on, read from the store at scrape time: the outbox backlog and its oldest job's
// age, dead letters, and cases by status.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';
import { cardJob, caseRecord, state, turn } from '../store/fixtures.js';

describe('/metrics', () => {
  let app: RunningApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'advisor-metrics-'));
    app = await startApp({ ...loadConfig({ DATA_DIR: dir, OUTBOX_POLL_MS: '60000' }), PORT: 0 }, { logger: createLogger('silent') });
    const a = caseRecord('m1', { userId: 'r1' });
    const b = caseRecord('m2', { userId: 'r2' });
    // Slack jobs wait: this server has no Slack deliverer, so they are the backlog.
    await app.store.commitTurn(turn('web:r1', null, state(1), { newCases: [a], jobs: [cardJob(a.id)] }));
    await app.store.commitTurn(turn('web:r2', null, state(1), { newCases: [b], jobs: [cardJob(b.id), cardJob(b.id, 'teams')] }));
    const teams = (await app.store.listJobs({ caseId: b.id })).find((j) => j.channel === 'teams');
    await app.store.failJob(teams?.id ?? '', 'gave up', new Date().toISOString(), true);
  }, 60_000);
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports the backlog, its oldest age, dead letters, cases by status, turn latency and the event loop', async () => {
    await fetch(`${app.url}/api/chat/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'text', text: 'hello' }),
    });
    const text = await (await fetch(`${app.url}/metrics`)).text();
    expect(text).toMatch(/^advisor_outbox_pending_jobs 2$/m);
    const age = Number(/^advisor_outbox_oldest_pending_age_seconds (\S+)$/m.exec(text)?.[1]);
    expect(age).toBeGreaterThan(60);
    expect(text).toMatch(/^advisor_outbox_dead_jobs 1$/m);
    expect(text).toMatch(/^advisor_cases\{status="open"\} 2$/m);
    expect(text).toMatch(/^advisor_cases\{status="closed"\} 0$/m);
    expect(text).toMatch(/^advisor_turn_duration_seconds_bucket\{le="0\.5",channel="web"\} 1$/m);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(text).toContain('process_resident_memory_bytes');
  });
});

describe('/metrics on an admin port', () => {
  it('is served on METRICS_PORT only, not on the public port', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'advisor-metrics-port-'));
    const metricsPort = 20000 + Math.floor(Math.random() * 20000);
    const app = await startApp(
      { ...loadConfig({ DATA_DIR: dir, OUTBOX_POLL_MS: '60000', METRICS_PORT: String(metricsPort), METRICS_PROCESS: 'false' }), PORT: 0 },
      { logger: createLogger('silent') },
    );
    try {
      expect((await fetch(`${app.url}/metrics`)).status).toBe(404);
      const admin = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(admin.status).toBe(200);
      expect(await admin.text()).toContain('advisor_turns_total');
    } finally {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
