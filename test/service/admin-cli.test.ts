// `advisor cases` and `advisor outbox` against the SQLite store a chat session wrote.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as cases } from '../../src/cli/commands/cases.js';
import { run as outbox } from '../../src/cli/commands/outbox.js';
import { createCaseRouter } from '../../src/service/case-router.js';
import { createCaseService } from '../../src/service/case-service.js';
import { createConversationService } from '../../src/service/conversation-service.js';
import { createOutboxWorker } from '../../src/service/outbox-worker.js';
import { openStore } from '../../src/store/index.js';
import type { ChannelName } from '../../src/store/types.js';
import type { Deliverer } from '../../src/service/types.js';
import { counterIds, fakeStep, ROUTING, silentLogger } from './helpers.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'advisor-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(command: typeof cases, args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await command(args, { stdout, stderr, stdin: new PassThrough(), env: { DATA_DIR: dir } });
  return { code, out, err };
}

/** Two escalations from a chat; the first one's Slack card dies (channel not found), the second is taken. */
async function seed() {
  const store = await openStore({ dataDir: dir });
  const router = createCaseRouter(ROUTING);
  const chat = createConversationService({ store, step: fakeStep().step, router, clock: () => new Date(), newId: counterIds('case'), logger: silentLogger });
  await chat.handle({
    channel: 'cli',
    conversationKey: 'cli:alice',
    user: { id: 'alice', name: 'Alice Peeters' },
    address: {},
    input: { type: 'text', text: 'confirm' },
  });
  await chat.handle({ channel: 'cli', conversationKey: 'cli:bob', user: { id: 'bob' }, address: {}, input: { type: 'text', text: 'confirm' } });
  const failing: Deliverer = {
    channel: 'slack',
    deliver: async (job) => (job.caseId === 'case1' ? { ok: false, retryable: false, error: 'channel_not_found' } : { ok: true, result: { ts: '1' } }),
  };
  const teams: Deliverer = { channel: 'teams', deliver: async () => ({ ok: true, result: { id: 'a1' } }) };
  const worker = createOutboxWorker({
    store,
    deliverers: new Map<ChannelName, Deliverer>([
      ['slack', failing],
      ['teams', teams],
    ]),
    clock: () => new Date(),
    logger: silentLogger,
    maxAttempts: 3,
    backoffMs: 10,
    pollMs: 10,
    workerId: 'test',
  });
  while ((await worker.runOnce()) > 0);
  await createCaseService({ store, router, clock: () => new Date(), logger: silentLogger }).take('case2', { channel: 'teams', id: 'cp1', name: 'Desk' });
  await store.close();
}

describe('advisor cases', () => {
  it('lists the cases a chat session escalated, with delivery state, as a table and as JSON', async () => {
    await seed();
    const table = await cli(cases, []);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^REF\s+STATUS\s+DELIVERY/);
    expect(table.out).toMatch(/RS-CASE1\s+open\s+dead\s+uhasselt/);
    expect(table.out).toMatch(/RS-CASE2\s+taken\s+(ok|pending)\s+uhasselt/);
    expect(table.out).toContain('Alice Peeters (cli)');
    const json = await cli(cases, ['--json']);
    const parsed = JSON.parse(json.out) as Array<{ ref: string; delivery: string }>;
    expect(parsed.map((c) => c.ref).sort()).toEqual(['RS-CASE1', 'RS-CASE2']);
  });

  it('filters by status, where "dead" means a dead-lettered delivery', async () => {
    await seed();
    expect(JSON.parse((await cli(cases, ['--json', '--status', 'dead'])).out).map((c: { ref: string }) => c.ref)).toEqual(['RS-CASE1']);
    expect(JSON.parse((await cli(cases, ['--status', 'taken', '--json'])).out).map((c: { ref: string }) => c.ref)).toEqual(['RS-CASE2']);
    expect((await cli(cases, ['--status', 'closed'])).out).toBe('No cases.\n');
    const bad = await cli(cases, ['--status', 'lost']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('usage');
  });

  it('shows one case with its history and deliveries', async () => {
    await seed();
    const shown = await cli(cases, ['show', 'RS-CASE1']);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('Case RS-CASE1');
    expect(shown.out).toMatch(/created\s+Alice Peeters \(cli:alice\)/);
    expect(shown.out).toMatch(/delivery-failed/);
    expect(shown.out).toMatch(/case-card\s+slack\s+dead\s+attempts 1\s+last error: channel_not_found/);
    const taken = JSON.parse((await cli(cases, ['show', 'case2', '--json'])).out) as { case: { history: Array<{ action: string; actor: { id: string } }> } };
    expect(taken.case.history.map((e) => e.action)).toEqual(['created', 'delivered', 'delivered', 'taken']);
    const missing = await cli(cases, ['show', 'RS-NOPE']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no case');
  });
});

describe('advisor outbox', () => {
  it('re-queues a dead delivery, and only a dead one', async () => {
    await seed();
    const dead = JSON.parse((await cli(outbox, ['list', '--status', 'dead', '--json'])).out) as Array<{ id: string; caseId: string }>;
    expect(dead.map((j) => j.caseId)).toEqual(['case1']);
    const retried = await cli(outbox, ['retry', dead[0]!.id]);
    expect(retried.code).toBe(0);
    expect(retried.out).toContain('Re-queued case-card for slack');
    expect((await cli(outbox, ['list', '--status', 'dead'])).out).toBe('No jobs.\n');
    expect((await cli(outbox, ['list', '--status', 'pending'])).out).toMatch(/case-card\s+slack\s+pending\s+0\s+case1/);
    const again = await cli(outbox, ['retry', dead[0]!.id]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('only dead jobs');
    expect((await cli(outbox, ['retry', 'nope'])).code).toBe(1);
    expect((await cli(outbox, [])).code).toBe(2);
  });
});
