// The services with the real engine: a researcher's conversation ends in a confirmed escalation,
// the contact point asks a question, the researcher answers it, the case is closed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { run as casesCli } from '../../src/cli/commands/cases.js';
import type { EngineInput } from '../../src/engine/types.js';
import { createAdvisorEngine } from '../../src/runtime/engine.js';
import { createCaseRouter } from '../../src/service/case-router.js';
import { createCaseService } from '../../src/service/case-service.js';
import { createConversationService } from '../../src/service/conversation-service.js';
import type { InboundTurn } from '../../src/service/types.js';
import { openStore } from '../../src/store/index.js';
import { counterIds, ROUTING, silentLogger } from './helpers.js';

const TO_OUTCOME = [
  'I want to collaborate on drone technology with a university in China. Is that possible?',
  'Tsinghua University',
  'yes',
  'applied',
  'no',
  'no',
  'data and software',
];

describe('services with the real engine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'advisor-real-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('escalates, relays a question and its answer, and closes, all through the store', async () => {
    const engine = createAdvisorEngine({ today: '2025-10-01' });
    const store = await openStore({ dataDir: dir });
    const router = createCaseRouter(ROUTING);
    const clock = () => new Date('2025-10-01T10:00:00.000Z');
    const chat = createConversationService({
      store,
      step: engine.step,
      router,
      clock,
      newId: counterIds('00000000-0000-4000-8000-00000000000'),
      logger: silentLogger,
    });
    const turn = (input: EngineInput): InboundTurn => ({
      channel: 'cli',
      conversationKey: 'cli:alice',
      user: { id: 'alice', name: 'Alice' },
      address: { terminal: 'alice' },
      input,
    });
    for (const text of TO_OUTCOME) await chat.handle(turn({ type: 'text', text }));
    expect((await store.loadConversation('cli:alice'))?.state.outcome?.escalate).toBe(true);
    await chat.handle(turn({ type: 'action', value: 'escalate:yes' }));
    await chat.handle(turn({ type: 'action', value: 'inst:uhasselt' }));
    const confirmed = await chat.handle(turn({ type: 'action', value: 'confirm:yes' }));
    expect(confirmed.createdCases).toHaveLength(1);
    const created = confirmed.createdCases[0]!;
    expect(confirmed.replies.some((r) => r.kind === 'case-created' && r.caseRef === created.ref)).toBe(true);

    // Stored with the turn: the case, its history and a card for each contact-point channel.
    const stored = await store.getCase(created.ref);
    expect(stored).toMatchObject({ status: 'open', institution: 'uhasselt', playbook: 'sensitive-tech-partner', risk: 'high' });
    expect((await store.listJobs({ caseId: created.id })).map((j) => j.kind)).toEqual(['case-card', 'case-card']);
    // A second click on the same button escalates nothing.
    expect((await chat.handle(turn({ type: 'action', value: 'confirm:yes' }))).createdCases).toEqual([]);

    // The contact point asks; the researcher's channel runs the notice through the conversation.
    const cases = createCaseService({ store, router, clock, logger: silentLogger });
    const cp = { channel: 'slack' as const, id: 'U-CP', name: 'Desk' };
    expect((await cases.take(created.ref, cp)).ok).toBe(true);
    expect((await cases.ask(created.ref, cp, 'Which drone components?')).ok).toBe(true);
    const notice = (await store.listJobs({ caseId: created.id })).filter((j) => j.kind === 'researcher-notice').at(-1);
    const relayed = await chat.handle(turn(notice!.payload.input as EngineInput));
    expect(relayed.replies.length).toBeGreaterThan(0);
    // A message counts as the answer only after the researcher clearly replies: the Reply button first.
    await chat.handle(turn({ type: 'action', value: `case-reply:${created.id}` }));
    await chat.handle(turn({ type: 'text', text: 'Only the flight controller firmware.' }));
    const answered = await store.getCase(created.id);
    expect(answered?.status).toBe('taken');
    expect(answered?.history.at(-1)).toMatchObject({ action: 'answered', text: 'Only the flight controller firmware.', actor: { id: 'alice' } });

    expect((await cases.close(created.ref, cp, 'Go ahead; keep the firmware out of scope.')).ok).toBe(true);
    await store.close();

    // And the admin sees it with `advisor cases`.
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    expect(await casesCli(['--status', 'closed'], { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: { DATA_DIR: dir } })).toBe(0);
    expect(out).toContain(created.ref);
  });
});
