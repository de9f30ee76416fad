import { describe, expect, it } from 'vitest';
import { createCaseRouter } from '../../src/service/case-router.js';
import { createCaseService } from '../../src/service/case-service.js';
import { caseRecord, state, turn } from '../store/fixtures.js';
import { manualClock, memoryStore, ROUTING, silentLogger } from './helpers.js';

const cp = { channel: 'slack' as const, id: 'U-CP', name: 'Contact Point' };

async function setup() {
  const store = await memoryStore();
  await store.commitTurn(turn('web:u1', null, state(1), { newCases: [caseRecord('c1')] }));
  const clock = manualClock();
  const service = createCaseService({ store, router: createCaseRouter(ROUTING), clock: clock.clock, logger: silentLogger });
  return { store, clock, service };
}

const notices = async (store: Awaited<ReturnType<typeof memoryStore>>) =>
  (await store.listJobs({ caseId: 'c1' })).filter((j) => j.kind === 'researcher-notice').map((j) => j.payload.input);

describe('CaseService', () => {
  it('take: open → taken, assigns, audits, tells the researcher and the thread', async () => {
    const { store, clock, service } = await setup();
    clock.advance(60_000);
    const result = await service.take('RS-C1', cp);
    expect(result.ok).toBe(true);
    const c = await store.getCase('c1');
    expect(c).toMatchObject({ status: 'taken', assignee: cp });
    expect(c?.history.at(-1)).toEqual({ at: clock.iso(), actor: cp, action: 'taken' });
    expect(await notices(store)).toEqual([{ type: 'case-status', caseRef: 'RS-C1', status: 'taken' }]);
    const jobs = await store.listJobs({ caseId: 'c1' });
    expect(jobs.find((j) => j.kind === 'researcher-notice')?.payload).toMatchObject({ conversationKey: 'web:u1', address: { session: 's1' } });
    expect(jobs.filter((j) => j.kind === 'case-thread').map((j) => j.channel)).toEqual(['slack', 'teams']);
    const again = await service.take('c1', { channel: 'teams', id: 'other' });
    expect(again).toMatchObject({ ok: false, reason: 'wrong-status' });
    expect((await store.getCase('c1'))?.assignee?.id).toBe('U-CP');
  });

  it('ask: only once taken; sets awaiting-info and sends the question to the researcher', async () => {
    const { store, service } = await setup();
    expect(await service.ask('c1', cp, 'Who funds it?')).toMatchObject({ ok: false, reason: 'wrong-status' });
    await service.take('c1', cp);
    const asked = await service.ask('c1', cp, 'Who funds it?');
    expect(asked.ok && asked.case.status).toBe('awaiting-info');
    expect(asked.ok && asked.case.history.at(-1)).toMatchObject({ action: 'asked', text: 'Who funds it?', actor: cp });
    await service.ask('c1', cp, 'And for how long?');
    expect((await notices(store)).slice(1)).toEqual([
      { type: 'case-question', caseId: 'c1', caseRef: 'RS-C1', text: 'Who funds it?' },
      { type: 'case-question', caseId: 'c1', caseRef: 'RS-C1', text: 'And for how long?' },
    ]);
    expect(await service.ask('c1', cp, '   ')).toMatchObject({ ok: false, reason: 'not-allowed' });
  });

  it('close: stores the advice and tells the researcher; a closed case stays closed', async () => {
    const { store, service } = await setup();
    await service.take('c1', cp);
    const closed = await service.close('c1', cp, 'Proceed, with an export-control check first.');
    expect(closed.ok && closed.case).toMatchObject({ status: 'closed', advice: 'Proceed, with an export-control check first.' });
    expect((await notices(store)).at(-1)).toEqual({
      type: 'case-status',
      caseRef: 'RS-C1',
      status: 'closed',
      advice: 'Proceed, with an export-control check first.',
    });
    expect(await service.close('c1', cp, 'again')).toMatchObject({ ok: false, reason: 'wrong-status' });
    expect(await service.take('c1', cp)).toMatchObject({ ok: false, reason: 'wrong-status' });
  });

  it('two concurrent questions both reach the researcher, each once', async () => {
    const { store, service } = await setup();
    await service.take('c1', cp);
    const results = await Promise.all([service.ask('c1', cp, 'first?'), service.ask('c1', cp, 'second?')]);
    expect(results.every((r) => r.ok)).toBe(true);
    const texts = (await notices(store)).slice(1).map((n) => (n as { text: string }).text);
    expect(texts.sort()).toEqual(['first?', 'second?']);
    const c = await store.getCase('c1');
    expect(c?.history.filter((e) => e.action === 'asked')).toHaveLength(2);
  });

  it('two contact points take at once: exactly one gets the case', async () => {
    const { store, service } = await setup();
    const other = { channel: 'teams' as const, id: 'T-CP' };
    const [a, b] = await Promise.all([service.take('c1', cp), service.take('c1', other)]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const winner = a.ok ? cp.id : other.id;
    const c = await store.getCase('c1');
    expect(c?.assignee?.id).toBe(winner);
    expect(c?.history.filter((e) => e.action === 'taken')).toHaveLength(1);
    expect(await notices(store)).toHaveLength(1);
  });

  it('unknown cases and bad actors are refused', async () => {
    const { service } = await setup();
    expect(await service.take('nope', cp)).toEqual({ ok: false, reason: 'not-found' });
    expect(await service.take('c1', { channel: 'slack', id: '' })).toEqual({ ok: false, reason: 'not-allowed' });
    expect((await service.get('RS-C1'))?.id).toBe('c1');
  });
});
