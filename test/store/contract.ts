// The Store contract: every implementation passes the same tests.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/types.js';
import { at, caseRecord, cardJob, state, T0, turn } from './fixtures.js';

export interface StoreHarness {
  /** A fresh, migrated, empty store. */
  open(): Promise<Store>;
  /** A second connection to the same database as the last `open()` (another instance). */
  openPeer(): Promise<Store>;
  /** Drops what `open()` made. */
  dispose(): Promise<void>;
}

export function storeContract(name: string, harness: StoreHarness): void {
  describe(`${name} store contract`, () => {
    let store: Store;
    const peers: Store[] = [];
    beforeEach(async () => {
      store = await harness.open();
    });
    afterEach(async () => {
      for (const peer of peers.splice(0)) await peer.close();
      await store.close();
      await harness.dispose();
    });
    const peer = async () => {
      const p = await harness.openPeer();
      peers.push(p);
      return p;
    };

    it('runs migrations idempotently', async () => {
      await store.migrate();
      await store.migrate();
      await store.ping();
      expect(await store.loadConversation('none')).toBeNull();
    });

    describe('conversations', () => {
      it('saves, loads and bumps the version on each save', async () => {
        expect(await store.commitTurn(turn('web:u1', null, state(1)))).toEqual({ ok: true, version: 1 });
        const loaded = await store.loadConversation('web:u1');
        expect(loaded).toMatchObject({ key: 'web:u1', channel: 'web', userId: 'u1', version: 1, address: { session: 'web:u1' } });
        expect(loaded?.state.turn).toBe(1);
        expect(await store.commitTurn(turn('web:u1', 1, state(2)))).toEqual({ ok: true, version: 2 });
        expect((await store.loadConversation('web:u1'))?.state.turn).toBe(2);
      });

      it('refuses a stale version and a second creation, leaving the winner intact', async () => {
        await store.commitTurn(turn('web:u1', null, state(1)));
        expect(await store.commitTurn(turn('web:u1', null, state(9)))).toEqual({ ok: false, reason: 'conflict' });
        await store.commitTurn(turn('web:u1', 1, state(2)));
        expect(await store.commitTurn(turn('web:u1', 1, state(9)))).toEqual({ ok: false, reason: 'conflict' });
        const loaded = await store.loadConversation('web:u1');
        expect(loaded?.version).toBe(2);
        expect(loaded?.state.turn).toBe(2);
      });

      it('lets exactly one of two instances win a concurrent update', async () => {
        const other = await peer();
        await store.commitTurn(turn('web:u1', null, state(1)));
        const results = await Promise.all([
          store.commitTurn(turn('web:u1', 1, state(2, { facts: { by: 'a' } }))),
          other.commitTurn(turn('web:u1', 1, state(2, { facts: { by: 'b' } }))),
        ]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        const winner = results[0]?.ok ? 'a' : 'b';
        expect((await other.loadConversation('web:u1'))?.state.facts.by).toBe(winner);
      });

      it('conflicting commits write neither case nor job', async () => {
        await store.commitTurn(turn('web:u1', null, state(1)));
        const result = await store.commitTurn(turn('web:u1', 5, state(2), { newCases: [caseRecord('c1')], jobs: [cardJob('c1')] }));
        expect(result.ok).toBe(false);
        expect(await store.getCase('c1')).toBeNull();
        expect(await store.listJobs()).toEqual([]);
      });

      it('a commit that fails half-way leaves neither state, case nor job', async () => {
        await store.commitTurn(turn('web:u0', null, state(1), { newCases: [caseRecord('c1')] }));
        // The second case reuses c1's ref: the insert fails after state and first case were written.
        const clash = { ...caseRecord('c2'), ref: 'RS-C1' };
        await expect(
          store.commitTurn(turn('web:u1', null, state(1), { newCases: [caseRecord('c3'), clash], jobs: [cardJob('c3'), cardJob('c2')] })),
        ).rejects.toThrow();
        expect(await store.loadConversation('web:u1')).toBeNull();
        expect(await store.getCase('c3')).toBeNull();
        expect(await store.getCase('c2')).toBeNull();
        expect(await store.listJobs()).toEqual([]);
        expect(await store.commitTurn(turn('web:u1', null, state(1)))).toEqual({ ok: true, version: 1 });
      });

      it('expires conversations not updated since the retention date, keeping cases', async () => {
        await store.commitTurn(turn('web:old', null, state(1), { at: at(-40 * 86_400_000), newCases: [caseRecord('c1', { userId: 'old' })] }));
        await store.commitTurn(turn('web:new', null, state(1), { at: at(-1 * 86_400_000) }));
        await store.appendNotices('web:old', [{ kind: 'text', text: 'x' }], at(-40 * 86_400_000));
        expect(await store.expireConversations(at(-30 * 86_400_000))).toBe(1);
        expect(await store.loadConversation('web:old')).toBeNull();
        expect(await store.loadConversation('web:new')).not.toBeNull();
        expect(await store.readNotices('web:old', 0)).toEqual([]);
        expect(await store.getCase('c1')).not.toBeNull();
      });

      it('"forget me" deletes that user\'s conversations and notices on that channel only, keeping cases', async () => {
        await store.commitTurn(turn('web:u1', null, state(1), { newCases: [caseRecord('c1')] }));
        await store.commitTurn({ ...turn('web:u1:second', null, state(1)), userId: 'u1' });
        await store.commitTurn({ ...turn('slack:u1', null, state(1)), channel: 'slack', userId: 'u1' });
        await store.commitTurn(turn('web:u2', null, state(1)));
        await store.appendNotices('web:u1', ['hello'], T0);
        expect(await store.deleteConversationsOfUser('web', 'u1')).toBe(2);
        expect(await store.loadConversation('web:u1')).toBeNull();
        expect(await store.loadConversation('web:u1:second')).toBeNull();
        expect(await store.loadConversation('slack:u1')).not.toBeNull();
        expect(await store.loadConversation('web:u2')).not.toBeNull();
        expect(await store.readNotices('web:u1', 0)).toEqual([]);
        expect((await store.getCase('c1'))?.status).toBe('open');
      });
      it('"forget me" inside a turn: the turn commits and the user\'s conversations are gone in the same transaction', async () => {
        await store.commitTurn(turn('web:u1', null, state(1), { newCases: [caseRecord('c1')] }));
        await store.commitTurn({ ...turn('web:u1:other', null, state(1)), userId: 'u1' });
        await store.commitTurn(turn('web:u2', null, state(1)));
        await store.appendNotices('web:u1', ['hello'], T0);
        expect(await store.commitTurn(turn('web:u1', 1, state(2), { forgetUser: true }))).toEqual({ ok: true, version: 2 });
        expect(await store.loadConversation('web:u1')).toBeNull();
        expect(await store.loadConversation('web:u1:other')).toBeNull();
        expect(await store.readNotices('web:u1', 0)).toEqual([]);
        expect(await store.loadConversation('web:u2')).not.toBeNull();
        expect(await store.getCase('c1')).not.toBeNull();
        // A stale "forget me" (conflict) deletes nothing.
        await store.commitTurn(turn('web:u2', 1, state(2)));
        expect((await store.commitTurn({ ...turn('web:u2', 1, state(3), { forgetUser: true }) })).ok).toBe(false);
        expect(await store.loadConversation('web:u2')).not.toBeNull();
      });
    });

    describe('cases', () => {
      it('writes a case, its created event and its job with the turn', async () => {
        const c = caseRecord('c1');
        await store.commitTurn(turn('web:u1', null, state(1), { newCases: [c], jobs: [cardJob('c1'), cardJob('c1', 'teams')] }));
        const byRef = await store.getCase('RS-C1');
        expect(byRef).toEqual(await store.getCase('c1'));
        expect(byRef).toMatchObject({ id: 'c1', status: 'open', institution: 'uhasselt', risk: 'high', researcher: c.researcher });
        expect(byRef?.draft.outcome.risk).toBe('high');
        expect(byRef?.history.map((e) => e.action)).toEqual(['created']);
        const jobs = await store.listJobs({ caseId: 'c1' });
        expect(jobs.map((j) => [j.kind, j.channel, j.status, j.attempts])).toEqual([
          ['case-card', 'slack', 'pending', 0],
          ['case-card', 'teams', 'pending', 0],
        ]);
      });

      it('lists cases newest first, filtered by status, institution and researcher', async () => {
        await store.commitTurn(
          turn('web:u1', null, state(1), {
            newCases: [caseRecord('c1', { createdAt: at(1000) }), caseRecord('c2', { institution: 'kuleuven', userId: 'u2', createdAt: at(2000) })],
          }),
        );
        expect((await store.listCases()).map((c) => c.id)).toEqual(['c2', 'c1']);
        expect((await store.listCases({ institution: 'kuleuven' })).map((c) => c.id)).toEqual(['c2']);
        expect((await store.listCases({ researcherId: 'u1' })).map((c) => c.id)).toEqual(['c1']);
        await store.updateCase({ caseId: 'c1', status: 'taken', event: { at: at(3000), actor: { channel: 'slack', id: 'cp' }, action: 'taken' } });
        expect((await store.listCases({ status: 'taken' })).map((c) => c.id)).toEqual(['c1']);
        expect((await store.listCases({ status: 'open' })).map((c) => c.id)).toEqual(['c2']);
      });

      it('applies a status change with its audit event and jobs, guarded by fromStatus', async () => {
        await store.commitTurn(turn('web:u1', null, state(1), { newCases: [caseRecord('c1')] }));
        const actor = { channel: 'slack' as const, id: 'U9', name: 'Contact Point' };
        const taken = await store.updateCase({
          caseId: 'c1',
          fromStatus: ['open'],
          status: 'taken',
          assignee: actor,
          event: { at: at(1000), actor, action: 'taken' },
          jobs: [{ kind: 'researcher-notice', channel: 'web', idempotencyKey: 'notice:c1:1', caseId: 'c1', payload: { n: 1 } }],
        });
        expect(taken).toMatchObject({ status: 'taken', assignee: actor, updatedAt: at(1000) });
        expect(taken?.history.map((e) => [e.action, e.actor.id, e.at])).toEqual([
          ['created', 'u1', T0],
          ['taken', 'U9', at(1000)],
        ]);
        // A second take races and loses: nothing changes, no job is added.
        const again = await store.updateCase({
          caseId: 'c1',
          fromStatus: ['open'],
          status: 'taken',
          event: { at: at(2000), actor: { channel: 'teams', id: 'other' }, action: 'taken' },
          jobs: [{ kind: 'researcher-notice', channel: 'web', idempotencyKey: 'notice:c1:x', caseId: 'c1', payload: {} }],
        });
        expect(again).toBeNull();
        expect((await store.getCase('c1'))?.assignee?.id).toBe('U9');
        expect((await store.listJobs({ caseId: 'c1' })).map((j) => j.idempotencyKey)).toEqual(['notice:c1:1']);

        const closed = await store.updateCase({
          caseId: 'c1',
          fromStatus: ['taken'],
          status: 'closed',
          advice: 'Go ahead with these measures.',
          event: { at: at(3000), actor, action: 'closed', text: 'Go ahead with these measures.' },
          expectedHistoryLength: 2,
        });
        expect(closed).toMatchObject({ status: 'closed', advice: 'Go ahead with these measures.' });
        expect(closed?.history[2]).toEqual({ at: at(3000), actor, action: 'closed', text: 'Go ahead with these measures.' });
        expect(await store.updateCase({ caseId: 'missing', event: { at: T0, actor, action: 'taken' } })).toBeNull();
      });

      it('refuses an update when the history moved on (expectedHistoryLength)', async () => {
        await store.commitTurn(turn('web:u1', null, state(1), { newCases: [caseRecord('c1')] }));
        const actor = { channel: 'admin' as const, id: 'a' };
        expect(await store.updateCase({ caseId: 'c1', event: { at: T0, actor, action: 'asked', text: 'q' }, expectedHistoryLength: 2 })).toBeNull();
        expect(
          (await store.updateCase({ caseId: 'c1', event: { at: T0, actor, action: 'asked', text: 'q' }, expectedHistoryLength: 1 }))?.history,
        ).toHaveLength(2);
      });

      it('records an answer from the researcher with the turn, moving awaiting-info back to taken', async () => {
        await store.commitTurn(turn('web:u1', null, state(1), { newCases: [caseRecord('c1'), caseRecord('c2', { createdAt: at(1) })] }));
        await store.updateCase({
          caseId: 'c1',
          status: 'awaiting-info',
          event: { at: at(10), actor: { channel: 'slack', id: 'cp' }, action: 'asked', text: 'Who funds it?' },
        });
        const answer = (caseId: string) => ({
          caseId,
          event: { at: at(20), actor: { channel: 'web' as const, id: 'u1' }, action: 'answered' as const, text: 'The ministry.' },
          status: 'taken' as const,
          fromStatus: ['awaiting-info' as const],
        });
        const result = await store.commitTurn(turn('web:u1', 1, state(2), { caseEvents: [answer('c1'), answer('c2')], at: at(20) }));
        expect(result.ok).toBe(true);
        const c1 = await store.getCase('c1');
        expect(c1?.status).toBe('taken');
        expect(c1?.history.at(-1)).toMatchObject({ action: 'answered', text: 'The ministry.' });
        // c2 was open, not awaiting info: the answer is recorded, the status stays.
        const c2 = await store.getCase('c2');
        expect(c2?.status).toBe('open');
        expect(c2?.history.map((e) => e.action)).toEqual(['created', 'answered']);
      });
    });

    describe('outbox', () => {
      it('enqueues a key once: a repeated enqueue never makes a second delivery', async () => {
        await store.enqueue([cardJob('c1')]);
        await store.enqueue([cardJob('c1'), cardJob('c1', 'teams')]);
        expect((await store.listJobs()).map((j) => j.idempotencyKey)).toEqual(['case-card:c1:slack', 'case-card:c1:teams']);
      });

      it('claims due jobs only, leases them, counts the attempt and filters by channel', async () => {
        await store.enqueue([cardJob('c1'), cardJob('c1', 'teams')]);
        const now = new Date(Date.now() + 1000).toISOString();
        const lease = new Date(Date.parse(now) + 30_000).toISOString();
        expect(await store.claimJobs('w1', 10, now, lease, ['web'])).toEqual([]);
        const claimed = await store.claimJobs('w1', 10, now, lease, ['slack']);
        expect(claimed.map((j) => [j.channel, j.attempts])).toEqual([['slack', 1]]);
        // Leased: nobody else gets it until the lease ends.
        expect(await store.claimJobs('w2', 10, now, lease, ['slack'])).toEqual([]);
        const afterLease = new Date(Date.parse(lease) + 1).toISOString();
        const reclaimed = await store.claimJobs('w2', 10, afterLease, new Date(Date.parse(afterLease) + 30_000).toISOString());
        expect(reclaimed.map((j) => [j.channel, j.attempts])).toEqual([
          ['slack', 2],
          ['teams', 1],
        ]);
      });

      it('does not claim a job before its next attempt time', async () => {
        await store.enqueue([cardJob('c1')]);
        const now = new Date(Date.now() + 1000).toISOString();
        const [job] = await store.claimJobs('w1', 1, now, now);
        await store.failJob(job!.id, 'timeout', new Date(Date.parse(now) + 60_000).toISOString(), false);
        expect(await store.claimJobs('w1', 1, new Date(Date.parse(now) + 59_000).toISOString(), now)).toEqual([]);
        const failed = await store.getJob(job!.id);
        expect(failed).toMatchObject({ status: 'pending', lastError: 'timeout', attempts: 1 });
        expect(await store.claimJobs('w1', 1, new Date(Date.parse(now) + 60_000).toISOString(), now)).toHaveLength(1);
      });

      it('gives each job to exactly one of two competing workers', async () => {
        const other = await peer();
        const jobs = Array.from({ length: 60 }, (_, i) => cardJob(`c${i}`));
        await store.enqueue(jobs);
        const now = new Date(Date.now() + 1000).toISOString();
        const lease = new Date(Date.parse(now) + 60_000).toISOString();
        const drain = async (s: Store, worker: string) => {
          const ids: string[] = [];
          for (;;) {
            const batch = await s.claimJobs(worker, 7, now, lease);
            if (batch.length === 0) return ids;
            ids.push(...batch.map((j) => j.id));
          }
        };
        const claims = await Promise.all([drain(store, 'a'), drain(other, 'b'), drain(store, 'a2'), drain(other, 'b2')]);
        const all = claims.flat();
        expect(claims[0]!.length + claims[2]!.length).toBeGreaterThan(0);
        expect(new Set(all).size).toBe(60);
        expect(all).toHaveLength(60);
      });

      it('completes a job with its result; a late failure report does not undo it', async () => {
        await store.enqueue([cardJob('c1')]);
        const now = new Date(Date.now() + 1000).toISOString();
        const [job] = await store.claimJobs('w1', 1, now, now);
        await store.completeJob(job!.id, { ts: '123.456' }, now);
        await store.failJob(job!.id, 'late', now, true);
        expect(await store.getJob(job!.id)).toMatchObject({ status: 'done', result: { ts: '123.456' }, deliveredAt: now });
        expect(await store.claimJobs('w1', 1, new Date(Date.parse(now) + 3_600_000).toISOString(), now)).toEqual([]);
      });

      it('dead-letters a job, lists it for admins, and re-queues it on request', async () => {
        await store.enqueue([cardJob('c1'), cardJob('c2')]);
        const now = new Date(Date.now() + 1000).toISOString();
        const [job] = await store.claimJobs('w1', 1, now, now);
        await store.failJob(job!.id, 'channel_not_found', now, true);
        expect((await store.listJobs({ status: 'dead' })).map((j) => [j.id, j.lastError])).toEqual([[job!.id, 'channel_not_found']]);
        const lease = new Date(Date.parse(now) + 60_000).toISOString();
        expect((await store.claimJobs('w1', 5, now, lease)).map((j) => j.caseId)).toEqual(['c2']);
        expect(await store.requeueJob(job!.id, now)).toBe(true);
        expect(await store.requeueJob(job!.id, now)).toBe(false);
        expect(await store.getJob(job!.id)).toMatchObject({ status: 'pending', attempts: 0 });
        expect((await store.claimJobs('w1', 5, now, lease)).map((j) => j.caseId)).toEqual(['c1']);
        expect(await store.getJob('no-such-job')).toBeNull();
      });
    });

    describe('job dependencies', () => {
      it('holds a thread job back while the card it needs is pending, without spending an attempt', async () => {
        const card = cardJob('c1');
        const thread = {
          kind: 'case-thread' as const,
          channel: 'slack' as const,
          idempotencyKey: 'case-thread:c1:1',
          caseId: 'c1',
          payload: {},
          dependsOn: card.idempotencyKey,
        };
        await store.enqueue([card, thread]);
        const now = new Date(Date.now() + 1000).toISOString();
        const lease = new Date(Date.parse(now) + 60_000).toISOString();
        const first = await store.claimJobs('w1', 10, now, lease);
        expect(first.map((j) => j.kind)).toEqual(['case-card']);
        // The card is leased (its worker may have crashed): the thread job still waits, attempts untouched.
        const later = new Date(Date.parse(lease) - 1).toISOString();
        expect(await store.claimJobs('w2', 10, later, lease)).toEqual([]);
        const waiting = (await store.listJobs()).find((j) => j.kind === 'case-thread');
        expect(waiting).toMatchObject({ attempts: 0, dependsOn: card.idempotencyKey, status: 'pending' });
        await store.completeJob(first[0]!.id, { ts: '1.2' }, now);
        expect((await store.claimJobs('w2', 10, later, lease)).map((j) => [j.kind, j.attempts])).toEqual([['case-thread', 1]]);
      });
    });

    describe('inbound inbox', () => {
      const lease = (ms: number) => at(ms + 30_000);
      const item = (key: string) => ({ key, channel: 'slack' as const, payload: { event_id: key, n: 1 } });

      it('stores an event with its dedupe key once: a retry of the same key is refused and stores nothing', async () => {
        expect(await store.acceptInbound(item('slack:event:E1'), 600_000, T0, lease(0))).toBe(true);
        expect(await store.acceptInbound(item('slack:event:E1'), 600_000, at(1000), lease(1000))).toBe(false);
        // The key is also a plain seen key.
        expect(await store.markSeen('slack:event:E1', 600_000, at(2000))).toBe(false);
        expect((await store.listInbound('pending')).map((i) => [i.key, i.payload, i.attempts])).toEqual([
          ['slack:event:E1', { event_id: 'slack:event:E1', n: 1 }, 1],
        ]);
      });

      it('gives an item back after its lease (its worker died), and dead-letters it after too many attempts', async () => {
        await store.acceptInbound(item('slack:event:E1'), 600_000, T0, lease(0));
        expect(await store.claimInbound('slack', 10, at(29_000), lease(29_000), 3)).toEqual([]);
        expect(await store.claimInbound('teams', 10, at(31_000), lease(31_000), 3)).toEqual([]);
        const [again] = await store.claimInbound('slack', 10, at(31_000), lease(31_000), 3);
        expect(again).toMatchObject({ key: 'slack:event:E1', attempts: 2, payload: { n: 1 } });
        expect(await store.claimInbound('slack', 10, at(32_000), lease(32_000), 3)).toEqual([]);
        expect((await store.claimInbound('slack', 10, at(62_000), lease(62_000), 3)).map((i) => i.attempts)).toEqual([3]);
        expect(await store.claimInbound('slack', 10, at(93_000), lease(93_000), 3)).toEqual([]);
        expect((await store.listInbound('dead')).map((i) => i.key)).toEqual(['slack:event:E1']);
      });

      it("marks an item done with the turn's commit; a second commit of the same item is refused as a duplicate", async () => {
        await store.acceptInbound(item('slack:event:E1'), 600_000, T0, lease(0));
        const first = await store.commitTurn(turn('slack:u1', null, state(1), { inboundKey: 'slack:event:E1' }));
        expect(first).toEqual({ ok: true, version: 1 });
        expect(await store.listInbound('pending')).toEqual([]);
        expect((await store.listInbound('done')).map((i) => i.key)).toEqual(['slack:event:E1']);
        // A worker that took the item over after a lease ran the turn again: it must not count twice.
        const again = await store.commitTurn(turn('slack:u1', 1, state(2), { inboundKey: 'slack:event:E1', jobs: [cardJob('c9')] }));
        expect(again).toEqual({ ok: false, reason: 'duplicate' });
        expect((await store.loadConversation('slack:u1'))?.version).toBe(1);
        expect(await store.listJobs()).toEqual([]);
        expect(await store.claimInbound('slack', 10, at(3_600_000), lease(3_600_000), 5)).toEqual([]);
      });

      it('completes an item that caused no turn, and purges finished items with their expired keys', async () => {
        await store.acceptInbound(item('slack:event:E1'), 60_000, T0, lease(0));
        await store.acceptInbound(item('slack:event:E2'), 60_000, T0, lease(0));
        await store.completeInbound('slack:event:E1', at(10));
        expect(await store.purgeSeen(at(60_000))).toBe(2);
        expect(await store.listInbound('done')).toEqual([]);
        // Still pending work is never purged with its key.
        expect((await store.listInbound('pending')).map((i) => i.key)).toEqual(['slack:event:E2']);
      });
    });

    describe('notices and deduplication', () => {
      it('appends notices and reads those after a sequence number', async () => {
        const first = await store.appendNotices('web:u1', [{ kind: 'text', text: 'one' }], at(1));
        await store.appendNotices('web:u2', [{ kind: 'text', text: 'other' }], at(2));
        const second = await store.appendNotices('web:u1', [{ kind: 'text', text: 'two' }], at(3));
        expect(second).toBeGreaterThan(first);
        expect(await store.readNotices('web:u1', 0)).toEqual([
          { seq: first, at: at(1), replies: [{ kind: 'text', text: 'one' }] },
          { seq: second, at: at(3), replies: [{ kind: 'text', text: 'two' }] },
        ]);
        expect((await store.readNotices('web:u1', first)).map((n) => n.seq)).toEqual([second]);
      });

      it("keeps a conversation's transcript, in order, for that conversation only, bounded to the last entries", async () => {
        const first = await store.appendTranscript(
          'web:u1',
          [
            { who: 'researcher', content: 'hello' },
            { who: 'bot', content: [{ kind: 'text', text: 'hi' }] },
          ],
          at(1),
        );
        await store.appendTranscript('web:u2', [{ who: 'researcher', content: 'other' }], at(2));
        expect((await store.readTranscript('web:u1', 0)).map((e) => [e.who, e.content, e.at])).toEqual([
          ['researcher', 'hello', at(1)],
          ['bot', [{ kind: 'text', text: 'hi' }], at(1)],
        ]);
        expect(await store.readTranscript('web:u1', first)).toEqual([]);
        for (let i = 0; i < 5; i++) await store.appendTranscript('web:u3', [{ who: 'researcher', content: `m${i}` }], at(3 + i), 3);
        expect((await store.readTranscript('web:u3', 0)).map((e) => e.content)).toEqual(['m2', 'm3', 'm4']);
      });

      it('"forget me" and retention delete the transcript', async () => {
        await store.commitTurn(turn('web:u1', null, state(1)));
        await store.commitTurn(turn('web:u2', null, state(1)));
        await store.appendTranscript('web:u1', [{ who: 'researcher', content: 'mine' }], T0);
        await store.appendTranscript('web:u2', [{ who: 'researcher', content: 'theirs' }], T0);
        await store.commitTurn(turn('web:u1', 1, state(2), { forgetUser: true }));
        expect(await store.readTranscript('web:u1', 0)).toEqual([]);
        expect(await store.readTranscript('web:u2', 0)).toHaveLength(1);
        await store.appendTranscript('web:old', [{ who: 'researcher', content: 'old' }], at(-40 * 86_400_000));
        await store.expireConversations(at(-30 * 86_400_000));
        expect(await store.readTranscript('web:old', 0)).toEqual([]);
        expect(await store.readTranscript('web:u2', 0)).toHaveLength(1);
      });

      it('marks a key seen once within its ttl, again after it, and purges expired keys', async () => {
        expect(await store.markSeen('slack:evt:1', 60_000, T0)).toBe(true);
        expect(await store.markSeen('slack:evt:1', 60_000, at(59_000))).toBe(false);
        expect(await store.markSeen('slack:evt:2', 10_000, T0)).toBe(true);
        expect(await store.markSeen('slack:evt:1', 60_000, at(60_000))).toBe(true);
        expect(await store.purgeSeen(at(10_000))).toBe(1);
        expect(await store.markSeen('slack:evt:1', 60_000, at(61_000))).toBe(false);
      });
    });
  });
}
