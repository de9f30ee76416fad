import { describe, expect, it } from 'vitest';
import { createRetentionSweeper } from '../../src/service/retention.js';
import { caseRecord, state, turn } from '../store/fixtures.js';
import { manualClock, memoryStore, silentLogger } from './helpers.js';

describe('retention sweep', () => {
  it('deletes conversations idle longer than the retention days and expired dedup keys, keeping cases', async () => {
    const store = await memoryStore();
    const clock = manualClock('2025-06-01T00:00:00.000Z');
    const daysAgo = (d: number) => new Date(clock.clock().getTime() - d * 86_400_000).toISOString();
    await store.commitTurn(turn('web:old', null, state(1), { at: daysAgo(31), newCases: [caseRecord('c1', { userId: 'old' })] }));
    await store.commitTurn(turn('web:recent', null, state(1), { at: daysAgo(29) }));
    await store.markSeen('evt-old', 60_000, daysAgo(1));
    await store.markSeen('evt-new', 60_000, clock.iso());
    const sweeper = createRetentionSweeper({ store, clock: clock.clock, logger: silentLogger, retentionDays: 30 });
    expect(await sweeper.runOnce()).toEqual({ conversations: 1, seenKeys: 1 });
    expect(await store.loadConversation('web:old')).toBeNull();
    expect(await store.loadConversation('web:recent')).not.toBeNull();
    expect(await store.getCase('c1')).not.toBeNull();
    expect(await store.markSeen('evt-new', 60_000, clock.iso())).toBe(false);
  });
});
