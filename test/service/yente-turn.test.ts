// The yente option through the real conversation service and the real engine: a fake yente speaking
// yente's /match request and response format (yente/data/common.py). A hit from yente reaches the
// outcome with its kind; a yente slower than its budget is "not checked", said as such, and the turn
// still answers within the budget.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationState, EngineInput } from '../../src/engine/types.js';
import { createAdvisorEngine } from '../../src/runtime/engine.js';
import { createCaseRouter } from '../../src/service/case-router.js';
import { createConversationService } from '../../src/service/conversation-service.js';
import type { InboundTurn, TurnResult } from '../../src/service/types.js';
import { YenteClient, YenteScreener } from '../../src/screening/index.js';
import { sevenSonsScreener } from '../screening/helpers.js';
import { counterIds, memoryStore, ROUTING, silentLogger } from './helpers.js';

const PARTNER = 'Zhongxin Defence Export Corporation';
const ENTITY = {
  id: 'NK-fake-zhongxin',
  caption: 'Zhongxin Defence Export Corporation',
  schema: 'Company',
  properties: { name: [PARTNER], country: ['cn'], topics: ['export.control'] },
  datasets: ['us_bis_entity'],
  referents: [],
  target: true,
  first_seen: '2022-03-01T00:00:00',
  last_seen: '2025-11-20T00:00:00',
  last_change: '2025-11-18T00:00:00',
  score: 0.96,
  features: { name_literal_match: 1 },
  match: true,
};

let delayMs = 0;
let asked = 0;
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      asked++;
      const body = JSON.parse(raw) as { queries: Record<string, { properties: Record<string, string[]> }> };
      const responses = Object.fromEntries(
        Object.entries(body.queries).map(([key, query]) => {
          const hit = (query.properties['name'] ?? []).some((n) => /zhongxin defen[cs]e/i.test(n));
          return [key, { status: 200, results: hit ? [ENTITY] : [], total: { value: hit ? 1 : 0, relation: 'eq' }, query }];
        }),
      );
      const timer = setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ responses, matcher: {}, limit: 5 }));
      }, delayMs);
      res.on('close', () => clearTimeout(timer));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

const TO_OUTCOME = [
  'I want to collaborate on drone technology with a company in China. Is that possible?',
  PARTNER,
  'yes',
  'applied',
  'no',
  'no',
  'data and software',
];

async function converse(budgetMs: number, user: string) {
  const yente = new YenteScreener(sevenSonsScreener(), new YenteClient({ url, dataset: 'default', budgetMs }));
  const engine = createAdvisorEngine({ today: '2025-11-20', screener: yente });
  const store = await memoryStore();
  const chat = createConversationService({
    store,
    step: engine.step,
    router: createCaseRouter(ROUTING),
    clock: () => new Date('2025-11-20T10:00:00.000Z'),
    newId: counterIds('00000000-0000-4000-8000-00000000000'),
    logger: silentLogger,
    remoteScreening: yente,
  });
  const turn = (input: EngineInput): InboundTurn => ({ channel: 'cli', conversationKey: `cli:${user}`, user: { id: user }, address: {}, input });
  const results: Array<{ result: TurnResult; ms: number }> = [];
  for (const text of TO_OUTCOME) {
    const started = performance.now();
    results.push({ result: await chat.handle(turn({ type: 'text', text })), ms: performance.now() - started });
  }
  const state = (await store.loadConversation(`cli:${user}`))?.state as ConversationState;
  await store.close();
  return { results, state };
}

const texts = (r: TurnResult): string => r.replies.map((x) => ('text' in x ? String(x.text) : '')).join('\n');

describe('yente in a conversation', () => {
  it("a hit from yente reaches the outcome with its kind, and the turn's reply names it", async () => {
    delayMs = 0;
    const { results, state } = await converse(1500, 'alice');
    const named = results[1]!.result;
    expect(texts(named)).toContain('Zhongxin Defence Export Corporation — yente (default) (2025-11-18): match');
    const hit = state.outcome?.screening.find((h) => h.list === 'yente-default');
    expect(hit).toMatchObject({ id: 'NK-fake-zhongxin', match: true, kind: 'export-control' });
    expect(state.outcome?.screened?.lists.map((l) => l.id)).toContain('yente-default');
    expect(state.outcome?.screened?.notChecked).toBeUndefined();
  });

  it('a yente slower than its budget is "not checked" in the reply and the outcome, and the turn still answers in time', async () => {
    delayMs = 3000;
    asked = 0;
    const { results, state } = await converse(300, 'bob');
    const named = results[1]!;
    expect(asked).toBeGreaterThan(0);
    expect(named.ms).toBeLessThan(2000);
    expect(named.result.replies.length).toBeGreaterThan(0);
    expect(texts(named.result)).toContain('Not checked against yente (default): it did not answer in time');
    expect(state.outcome).toBeDefined();
    expect(state.outcome?.screening.some((h) => h.list === 'yente-default')).toBe(false);
    expect(state.outcome?.screened?.notChecked).toEqual([{ list: 'yente-default', name: 'yente (default)', reason: 'timeout' }]);
    // yente is not among the lists said to be checked.
    expect(state.outcome?.screened?.lists.map((l) => l.id)).not.toContain('yente-default');
  });
});
