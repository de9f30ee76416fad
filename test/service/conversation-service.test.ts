import { describe, expect, it } from 'vitest';
import { createCaseRouter } from '../../src/service/case-router.js';
import { createCaseService } from '../../src/service/case-service.js';
import { ConversationConflictError, createConversationService } from '../../src/service/conversation-service.js';
import type { InboundTurn } from '../../src/service/types.js';
import type { Store } from '../../src/store/types.js';
import { state } from '../store/fixtures.js';
import { captureLogger, counterIds, fakeStep, manualClock, memoryStore, ROUTING, silentLogger } from './helpers.js';

const router = createCaseRouter(ROUTING);

function turn(text: string, extra: Partial<InboundTurn> = {}): InboundTurn {
  return {
    channel: 'web',
    conversationKey: 'web:s1',
    user: { id: 'u1', name: 'Researcher One' },
    address: { session: 's1' },
    input: { type: 'text', text },
    ...extra,
  };
}

async function setup(overrides: { store?: Store } = {}) {
  const store = overrides.store ?? (await memoryStore());
  const fake = fakeStep();
  const clock = manualClock();
  const service = createConversationService({ store, step: fake.step, router, clock: clock.clock, newId: counterIds('case'), logger: silentLogger });
  return { store, fake, clock, service };
}

describe('ConversationService', () => {
  it('keeps the conversation across turns and across service instances (a restart)', async () => {
    const { store, service, fake } = await setup();
    await service.handle(turn('first'));
    const restarted = createConversationService({ store, step: fake.step, router, clock: () => new Date(), newId: counterIds(), logger: silentLogger });
    const result = await restarted.handle(turn('second'));
    expect(result.state.turn).toBe(2);
    expect(result.state.answers.map((a) => a.value)).toEqual(['first', 'second']);
    expect((await store.loadConversation('web:s1'))?.version).toBe(2);
  });

  it("starts a new conversation in the channel's language", async () => {
    const { service, fake } = await setup();
    await service.handle(turn('hallo', { lang: 'nl' }));
    expect(fake.calls[0]?.state?.lang).toBe('nl');
    await service.handle(turn('again', { lang: 'en' }));
    expect(fake.calls[1]?.state?.lang).toBe('nl');
  });

  it('passes time, a fresh id and the user to the step', async () => {
    const { service, fake, clock } = await setup();
    await service.handle(turn('x'));
    expect(fake.calls[0]?.meta).toEqual({ at: clock.iso(), newId: 'case1', user: { id: 'u1', name: 'Researcher One', channel: 'web' } });
  });

  it('writes the case, its created event and its delivery jobs with the confirming turn', async () => {
    const { store, service, clock } = await setup();
    const result = await service.handle(turn('confirm'));
    expect(result.createdCases.map((c) => c.id)).toEqual(['case1']);
    const stored = await store.getCase('case1');
    expect(stored).toMatchObject({
      status: 'open',
      institution: 'uhasselt',
      risk: 'high',
      researcher: { channel: 'web', id: 'u1', name: 'Researcher One', conversationKey: 'web:s1', address: { session: 's1' } },
      createdAt: clock.iso(),
    });
    expect(stored?.history).toEqual([{ at: clock.iso(), actor: { channel: 'web', id: 'u1', name: 'Researcher One' }, action: 'created' }]);
    const jobs = await store.listJobs({ caseId: 'case1' });
    expect(jobs.map((j) => [j.kind, j.channel, j.idempotencyKey])).toEqual([
      ['case-card', 'slack', 'case-card:case1:slack'],
      ['case-card', 'teams', 'case-card:case1:teams'],
    ]);
    expect((await store.loadConversation('web:s1'))?.state.phase).toBe('escalated');
  });

  it('a failing commit loses the turn whole: no state, no case, no job', async () => {
    const base = await memoryStore();
    const failing: Store = { ...base, commitTurn: async () => Promise.reject(new Error('disk full')) };
    const { service } = await setup({ store: failing });
    await expect(service.handle(turn('confirm'))).rejects.toThrow('disk full');
    expect(await base.loadConversation('web:s1')).toBeNull();
    expect(await base.listCases()).toEqual([]);
    expect(await base.listJobs()).toEqual([]);
  });

  it('on a version conflict reloads and runs the step again, losing no update', async () => {
    const base = await memoryStore();
    await base.commitTurn({ key: 'web:s1', channel: 'web', userId: 'u1', address: {}, expectedVersion: null, state: state(1) });
    let interfered = false;
    const racing: Store = {
      ...base,
      async loadConversation(key) {
        const loaded = await base.loadConversation(key);
        if (!interfered && loaded) {
          interfered = true;
          // Another instance commits between our load and our commit.
          const other = structuredClone(loaded.state);
          other.turn += 1;
          other.facts = { other: 'instance' };
          await base.commitTurn({ key, channel: 'web', userId: 'u1', address: {}, expectedVersion: loaded.version, state: other });
        }
        return loaded;
      },
    };
    const { service, fake } = await setup({ store: racing });
    const result = await service.handle(turn('mine'));
    expect(fake.calls).toHaveLength(2);
    expect(result.state.turn).toBe(3);
    expect(result.state.facts).toEqual({ other: 'instance' });
    expect(result.state.answers.map((a) => a.value)).toEqual(['mine']);
    expect((await base.loadConversation('web:s1'))?.version).toBe(3);
  });

  it('gives up after a bounded number of conflicts', async () => {
    const base = await memoryStore();
    const alwaysConflict: Store = { ...base, commitTurn: async () => ({ ok: false, reason: 'conflict' }) };
    const fake = fakeStep();
    const service = createConversationService({
      store: alwaysConflict,
      step: fake.step,
      router,
      clock: () => new Date(),
      newId: counterIds(),
      logger: silentLogger,
      maxRetries: 3,
    });
    await expect(service.handle(turn('x'))).rejects.toBeInstanceOf(ConversationConflictError);
    expect(fake.calls).toHaveLength(4);
  });

  it("records the researcher's answer to a contact point's question on the case, with thread jobs", async () => {
    const { store, service, clock } = await setup();
    await service.handle(turn('confirm'));
    const cases = createCaseService({ store, router, clock: clock.clock, logger: silentLogger });
    const cp = { channel: 'slack' as const, id: 'U-CP', name: 'Contact Point' };
    await cases.take('case1', cp);
    const asked = await cases.ask('case1', cp, 'Who pays for the position?');
    expect(asked.ok && asked.case.status).toBe('awaiting-info');
    // The researcher's channel delivers the notice by running its input through the service.
    const notice = (await store.listJobs({ caseId: 'case1' })).find(
      (j) => j.kind === 'researcher-notice' && j.payload.input && (j.payload.input as { type: string }).type === 'case-question',
    );
    expect(notice?.payload).toEqual({
      caseId: 'case1',
      conversationKey: 'web:s1',
      address: { session: 's1' },
      input: { type: 'case-question', caseId: 'case1', caseRef: 'RS-CASE1', text: 'Who pays for the position?' },
    });
    const input = notice!.payload.input as InboundTurn['input'];
    await service.handle(turn('', { input }));
    clock.advance(5000);
    await service.handle(turn('The ministry of defence.'));
    const answered = await store.getCase('case1');
    expect(answered?.status).toBe('taken');
    expect(answered?.history.at(-1)).toEqual({
      at: clock.iso(),
      actor: { channel: 'web', id: 'u1', name: 'Researcher One' },
      action: 'answered',
      text: 'The ministry of defence.',
    });
    const threadJobs = (await store.listJobs({ caseId: 'case1' })).filter(
      (j) => j.kind === 'case-thread' && (j.payload.event as { action: string }).action === 'answered',
    );
    expect(threadJobs.map((j) => j.channel)).toEqual(['slack', 'teams']);
    expect(new Set(threadJobs.map((j) => j.idempotencyKey)).size).toBe(2);
  });

  it('"forget me" deletes the user\'s conversations but keeps their cases, and names those sent from any of them', async () => {
    const { store, service } = await setup();
    await service.handle(turn('confirm'));
    await service.handle(turn('confirm', { conversationKey: 'web:s2' }));
    await service.handle(turn('confirm', { conversationKey: 'web:s3', user: { id: 'u2' } }));
    const refs = (await store.listCases({ researcherId: 'u1' })).sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((c) => c.ref);
    expect(refs).toHaveLength(2);
    const result = await service.handle(turn('forget me'));
    // Both of u1's cases, the one from the other conversation too; not u2's.
    expect(result.replies).toEqual([{ kind: 'text', text: `forgotten: ${refs.join(', ')}` }]);
    expect(await store.loadConversation('web:s1')).toBeNull();
    expect(await store.loadConversation('web:s2')).toBeNull();
    expect(await store.loadConversation('web:s3')).not.toBeNull();
    expect(await store.getCase('case1')).not.toBeNull();
  });

  it('logs no message text at info level', async () => {
    const store = await memoryStore();
    const { logger, lines } = captureLogger('info');
    const fake = fakeStep();
    const service = createConversationService({ store, step: fake.step, router, clock: () => new Date(), newId: counterIds(), logger });
    const secret = 'my partner is Harbin Institute of Technology';
    await service.handle(turn(secret));
    await service.handle(turn('confirm'));
    const cases = createCaseService({ store, router, clock: () => new Date(), logger });
    await cases.take('id2', { channel: 'slack', id: 'cp' });
    await cases.ask('id2', { channel: 'slack', id: 'cp' }, 'secret question about Harbin');
    expect(lines().length).toBeGreaterThan(2);
    expect(JSON.stringify(lines())).not.toMatch(/Harbin/);
  });

  it('rejects a turn without a conversation key', async () => {
    const { service } = await setup();
    await expect(service.handle(turn('x', { conversationKey: '' }))).rejects.toThrow();
  });
});
