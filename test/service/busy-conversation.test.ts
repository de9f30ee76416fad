// Two instances on one PostgreSQL database, 16 turns at once on one conversation (8 per instance), 10 rounds:
// every turn is answered (a conflict waits and retries, never an error) and none is lost.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createCaseRouter } from '../../src/service/case-router.js';
import { createConversationService } from '../../src/service/conversation-service.js';
import type { ConversationService, InboundTurn } from '../../src/service/types.js';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/types.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROUTING, fakeStep, silentLogger } from './helpers.js';

const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
const ROUNDS = 10;
const PER_INSTANCE = 8;

function service(store: Store): ConversationService {
  return createConversationService({
    store,
    step: fakeStep().step,
    router: createCaseRouter(ROUTING),
    clock: () => new Date(),
    newId: () => randomBytes(8).toString('hex'),
    logger: silentLogger,
  });
}

function turn(text: string): InboundTurn {
  return { channel: 'web', conversationKey: 'web:busy', user: { id: 'u1' }, address: { session: 'busy' }, input: { type: 'text', text } };
}

async function hammer(stores: [Store, Store]): Promise<{ failures: number; answers: string[] }> {
  const instances = stores.map(service);
  let failures = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const turns = instances.flatMap((s, i) => Array.from({ length: PER_INSTANCE }, (_, n) => s.handle(turn(`${round}:${i}:${n}`))));
    const settled = await Promise.allSettled(turns);
    failures += settled.filter((r) => r.status === 'rejected').length;
  }
  const record = await stores[0].loadConversation('web:busy');
  return { failures, answers: (record?.state.answers ?? []).map((a) => String(a.value)) };
}

describe('one busy conversation on two instances', () => {
  it.skipIf(!url)(
    'PostgreSQL: all 160 concurrent turns are answered and kept',
    async () => {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const a = createPostgresStore({ connectionString: url ?? '', schema, poolSize: 10 });
      await a.migrate();
      const b = createPostgresStore({ connectionString: url ?? '', schema, poolSize: 10 });
      try {
        const { failures, answers } = await hammer([a, b]);
        expect(failures).toBe(0);
        expect(answers).toHaveLength(ROUNDS * PER_INSTANCE * 2);
        expect(new Set(answers).size).toBe(ROUNDS * PER_INSTANCE * 2);
        expect((await a.loadConversation('web:busy'))?.version).toBe(ROUNDS * PER_INSTANCE * 2);
      } finally {
        await a.close();
        await b.close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
    },
    60_000,
  );

  it('SQLite: two connections on one file, the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'busy-'));
    const a = createSqliteStore({ path: join(dir, 'a.db'), durability: 'process' });
    await a.migrate();
    const b = createSqliteStore({ path: join(dir, 'a.db'), durability: 'process' });
    try {
      const { failures, answers } = await hammer([a, b]);
      expect(failures).toBe(0);
      expect(new Set(answers).size).toBe(ROUNDS * PER_INSTANCE * 2);
    } finally {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
