// Store and ConversationService figures: state load+save latency on SQLite and PostgreSQL, and turns
// per second through the ConversationService with the real engine. Targets (issue 5): a turn through
// the service on SQLite p99 ≤ 5 ms; at least 2,000 turns/s on one core.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import type { ConversationState, EngineInput, StepResult, TurnMeta } from '../src/engine/types.js';
import { createCaseRouter } from '../src/service/case-router.js';
import { createConversationService } from '../src/service/conversation-service.js';
import { createPostgresStore } from '../src/store/postgres/postgres-store.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/types.js';
import { percentile } from './stats.js';

/** A whole conversation that ends in a confirmed escalation (as in test/engine/escalation.test.ts). */
const SCRIPT: EngineInput[] = [
  ...[
    'I want to collaborate on drone technology with a university in China. Is that possible?',
    'Tsinghua University',
    'yes',
    'applied',
    'no',
    'no',
    'data and software',
  ].map((text): EngineInput => ({ type: 'text', text })),
  { type: 'action', value: 'escalate:yes' },
  { type: 'action', value: 'inst:uhasselt' },
  { type: 'action', value: 'confirm:yes' },
];

type Step = (state: ConversationState | null, input: EngineInput, meta: TurnMeta) => StepResult;

/** The real engine when it builds here; otherwise null and the caller says so. */
async function realEngine(): Promise<{ step: Step } | null> {
  try {
    const { createAdvisorEngine } = await import('../src/runtime/engine.js');
    return createAdvisorEngine();
  } catch (error) {
    console.log(`  (real engine unavailable: ${error instanceof Error ? error.message.split('\n')[0] : 'error'})`);
    return null;
  }
}

/** A state as large as one at the end of a real conversation: outcome, answers, screening hits. */
function realisticState(step: Step | null): { state: ConversationState; source: string } {
  if (step) {
    let state: ConversationState | null = null;
    for (const input of SCRIPT) state = step(state, input, { at: new Date().toISOString(), newId: randomUUID(), user: { id: 'bench', channel: 'web' } }).state;
    if (state?.outcome) return { state, source: 'the real engine, end of an escalated drone/China conversation' };
  }
  const text = (n: number) => 'Lorem ipsum research security guideline text '.repeat(n).trim();
  const cite = { section: 'vlir-risks', title: 'What are the risks?', source: 'vlir' };
  const item = (id: string) => ({ id, text: text(4), cites: [cite] });
  const hit = (id: string) => ({
    list: 'seven-sons',
    listName: 'Seven Sons of National Defence',
    listDate: '2025-01-01',
    id,
    name: 'Harbin Institute of Technology',
    matched: 'HIT',
    score: 0.97,
    match: true,
    why: text(1),
    country: 'CN',
  });
  const state = {
    v: 1,
    lang: 'en',
    phase: 'outcome',
    playbook: { id: 'sensitive-tech-partner', rev: 'r1' },
    step: 'outcome',
    facts: { country: 'CN', domain: ['ai', 'robotics'], partner: 'Harbin Institute of Technology', trl: 'applied' },
    answers: Array.from({ length: 10 }, (_, i) => ({
      step: `ask-${i}`,
      fact: `f${i}`,
      question: text(3),
      value: 'yes',
      label: 'Yes',
      typed: i % 3 === 0,
      inferred: false,
    })),
    flags: ['seven-sons', 'dual-use', 'high-risk-country'],
    screening: [hit('h1'), hit('h2')],
    cases: [],
    signals: ['military-background'],
    langChosen: true,
    turn: 12,
    outcome: {
      playbook: 'sensitive-tech-partner',
      playbookTitle: 'A partner in a sensitive technology',
      risk: 'high',
      riskLabel: 'High risk',
      assessment: text(8),
      riskReasons: [text(2), text(2), text(2)],
      flags: [{ id: 'seven-sons', label: 'Seven Sons university', severity: 'serious', dimension: 'partner' }],
      screening: [hit('h1')],
      steps: [item('s1'), item('s2'), item('s3')],
      measures: [item('m1'), item('m2'), item('m3'), item('m4')],
      duties: [item('d1'), item('d2')],
      escalate: true,
      contactPoint: { id: 'uhasselt', name: 'UHasselt research security desk', email: 'rs@example.org', specialised: [] },
      citations: [cite, cite],
    },
  } as unknown as ConversationState;
  return { state, source: `synthetic outcome-sized state (the real engine's ${step ? 'script ended without an outcome' : 'did not load'})` };
}

function report(label: string, times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `${label}: ${times.length} ops, p50 ${percentile(sorted, 50).toFixed(3)} ms, p99 ${percentile(sorted, 99).toFixed(3)} ms`;
}

/** One op = load a conversation + save it back with the next version, as every turn does. */
async function loadSave(store: Store, state: ConversationState, ops: number, keys: number): Promise<number[]> {
  for (let k = 0; k < keys; k++) await store.commitTurn({ key: `bench:${k}`, channel: 'web', userId: `u${k}`, address: {}, expectedVersion: null, state });
  const times: number[] = [];
  for (let i = 0; i < ops; i++) {
    const key = `bench:${i % keys}`;
    const t0 = performance.now();
    const record = await store.loadConversation(key);
    const result = await store.commitTurn({
      key,
      channel: 'web',
      userId: 'u',
      address: {},
      expectedVersion: record!.version,
      state: { ...record!.state, turn: record!.state.turn + 1 },
    });
    times.push(performance.now() - t0);
    if (!result.ok) throw new Error('unexpected conflict in a single-writer bench');
  }
  return times;
}

async function postgresUrl(): Promise<string | null> {
  const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function turnsThroughService(store: Store, step: Step, conversations: number): Promise<{ times: number[]; seconds: number; cases: number }> {
  const service = createConversationService({
    store,
    step,
    router: createCaseRouter([{ id: 'uhasselt', slack: { channelId: 'C1' }, inbox: true }]),
    clock: () => new Date(),
    newId: randomUUID,
    logger: pino({ level: 'silent' }),
  });
  const times: number[] = [];
  let cases = 0;
  const started = performance.now();
  for (let c = 0; c < conversations; c++) {
    for (const input of SCRIPT) {
      const t0 = performance.now();
      const result = await service.handle({ channel: 'web', conversationKey: `web:bench${c}`, user: { id: `bench${c}` }, address: { session: c }, input });
      times.push(performance.now() - t0);
      cases += result.createdCases.length;
    }
  }
  return { times, seconds: (performance.now() - started) / 1000, cases };
}

export async function benchStore(): Promise<void> {
  const engine = await realEngine();
  const { state, source } = realisticState(engine?.step ?? null);
  console.log(`state: ${Buffer.byteLength(JSON.stringify(state))} bytes of JSON (${source})`);

  const dir = mkdtempSync(join(tmpdir(), 'advisor-bench-'));
  try {
    for (const durability of ['cases', 'full'] as const) {
      const store = createSqliteStore({ path: join(dir, `load-save-${durability}.db`), durability });
      await store.migrate();
      const times = await loadSave(store, state, 3000, 200);
      console.log(
        report(
          `SQLite load+save (durability=${durability}${durability === 'cases' ? ', the default: a plain turn is not fsynced' : ': fsync every commit'})`,
          times,
        ),
      );
      await store.close();
    }

    const url = await postgresUrl();
    if (!url) {
      console.log('PostgreSQL load+save: skipped (no server reachable; set DATABASE_URL)');
    } else {
      const schema = `bench_${randomBytes(5).toString('hex')}`;
      const store = createPostgresStore({ connectionString: url, schema, poolSize: 4 });
      try {
        await store.migrate();
        console.log(report('PostgreSQL load+save', await loadSave(store, state, 2000, 200)));
      } finally {
        await store.close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
    }

    // The service with a step that returns the realistic state: the cost of service + store alone.
    // It confirms an escalation on the last turn of each conversation (1 turn in 10), so synced commits count too.
    const last = SCRIPT.at(-1);
    const fakeStep: Step = (prev, input, meta) => {
      const next = { ...state, turn: (prev?.turn ?? 0) + 1 };
      if (input !== last || !state.outcome) return { state: next, replies: [], effects: [] };
      const draft = {
        id: meta.newId,
        ref: `RS-${meta.newId.slice(0, 8)}`,
        playbook: state.outcome.playbook,
        lang: state.lang,
        institution: 'uhasselt',
        createdAt: meta.at,
        facts: state.facts,
        answers: state.answers,
        outcome: state.outcome,
        summaryMarkdown: state.outcome.assessment,
      };
      return { state: next, replies: [], effects: [{ type: 'escalate', case: draft }] };
    };
    const steps: Array<[string, Step]> = [['fake step with the realistic state, escalating 1 turn in 10 (service + store only)', fakeStep]];
    if (engine) steps.unshift(['real engine', engine.step]);
    else console.log('  (the real engine did not load: service figures use a fake step only)');
    for (const [label, step] of steps) {
      for (const durability of ['cases', 'full'] as const) {
        const store = createSqliteStore({ path: join(dir, `service-${durability}-${steps.indexOf(steps.find(([l]) => l === label)!)}.db`), durability });
        await store.migrate();
        await turnsThroughService(store, step, 30); // warm-up
        const run = await turnsThroughService(store, step, 300);
        console.log(
          `${report(`ConversationService turn, SQLite durability=${durability}, ${label}`, run.times)}, ` +
            `${Math.round(run.times.length / run.seconds)} turns/s on one core (${run.cases} escalations)`,
        );
        await store.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
