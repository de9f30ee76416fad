// The yente option against an in-process fake that speaks yente's /match request and response
// format (yente/data/common.py: EntityMatchQuery → EntityMatchResponse).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/screen.js';
import { YenteClient, YenteScreener } from '../../src/screening/index.js';
import { sevenSonsScreener } from './helpers.js';

interface Received {
  path: string;
  auth?: string;
  body: { queries: Record<string, { schema: string; properties: Record<string, string[]> }> };
}
const received: Received[] = [];
let delayMs = 0;
let server: Server;
let url: string;

const ENTITY = {
  id: 'NK-fake-rosoboron',
  caption: 'Fake Defence Export Agency',
  schema: 'Company',
  properties: { name: ['Fake Defence Export Agency'], country: ['ru'], topics: ['sanction', 'export.control'] },
  datasets: ['eu_fsf', 'us_ofac_sdn'],
  referents: [],
  target: true,
  first_seen: '2022-03-01T00:00:00',
  last_seen: '2025-11-20T00:00:00',
  last_change: '2025-11-18T00:00:00',
  score: 0.97,
  features: { name_literal_match: 1, country_mismatch: 0 },
  match: true,
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as Received['body'];
      received.push({ path: req.url ?? '', ...(req.headers.authorization ? { auth: req.headers.authorization } : {}), body });
      const responses = Object.fromEntries(
        Object.entries(body.queries).map(([key, query]) => {
          const hit = (query.properties['name'] ?? []).some((n) => /defen[cs]e export/i.test(n));
          return [key, { status: 200, results: hit ? [ENTITY] : [], total: { value: hit ? 1 : 0, relation: 'eq' }, query }];
        }),
      );
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ responses, matcher: { name_literal_match: { description: 'x', coefficient: 1 } }, limit: 5 }));
      }, delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const client = (budgetMs = 1000) => new YenteClient({ url, dataset: 'default', budgetMs, apiKey: 'secret-test-key' });

describe('yente', () => {
  it("sends yente's /match request and reads its response into hits with a kind", async () => {
    delayMs = 0;
    const screener = new YenteScreener(sevenSonsScreener(), client());
    const result = await screener.screenAsync('Fake Defence Export Agency', { country: 'RU' });
    const sent = received[received.length - 1]!;
    expect(sent.path).toBe('/match/default?limit=5');
    expect(sent.auth).toBe('ApiKey secret-test-key');
    expect(sent.body).toEqual({ queries: { q: { schema: 'LegalEntity', properties: { name: ['Fake Defence Export Agency'], country: ['ru'] } } } });
    expect(result.hits[0]).toMatchObject({
      list: 'yente-default',
      id: 'NK-fake-rosoboron',
      match: true,
      kind: 'sanction',
      score: 0.97,
      source: 'eu_fsf, us_ofac_sdn',
    });
    expect(result.lists.find((l) => l.id === 'yente-default')).toMatchObject({ date: '2025-11-18', kinds: ['sanction'] });
    // yente answered for sanctions: they are no longer "not screened".
    expect(result.missing ?? []).not.toContain('sanction');
  });

  it('merges yente with the local lists', async () => {
    const screener = new YenteScreener(sevenSonsScreener(), client());
    const result = await screener.screenAsync('Beihang University');
    expect(result.hits[0]).toMatchObject({ list: 'seven-sons', id: 'buaa', match: true });
    expect(result.lists.map((l) => l.id)).toContain('yente-default');
  });

  it('says "not checked" when yente does not answer within the budget, and keeps the local result', async () => {
    delayMs = 1500;
    const screener = new YenteScreener(sevenSonsScreener(), client(100));
    const started = Date.now();
    const result = await screener.screenAsync('Beihang University');
    expect(Date.now() - started).toBeLessThan(1200);
    expect(result.hits[0]).toMatchObject({ list: 'seven-sons', id: 'buaa' });
    expect(result.notChecked).toEqual([
      expect.objectContaining({
        list: 'yente-default',
        reason: 'timeout',
        text: expect.stringMatching(/did not answer within 100 ms: the name was not checked/),
      }),
    ]);
    expect(result.missing).toContain('sanction');
    delayMs = 0;
  });

  it('answers the synchronous engine from what was prefetched: pending first, then the hits', async () => {
    const screener = new YenteScreener(sevenSonsScreener(), client());
    const first = screener.screen('Fake Defence Export Agency');
    expect(first.notChecked?.[0]).toMatchObject({ reason: 'pending' });
    const missed = screener.takeMissed();
    expect(missed).toEqual([{ name: 'Fake Defence Export Agency', country: undefined }]);
    await screener.prefetch(missed);
    const again = screener.screen('Fake Defence Export Agency');
    expect(again.notChecked).toBeUndefined();
    expect(again.hits[0]?.id).toBe('NK-fake-rosoboron');
    expect(screener.takeMissed()).toEqual([]);
  });

  it('says so when yente fails', async () => {
    const broken = new YenteScreener(sevenSonsScreener(), new YenteClient({ url: 'http://127.0.0.1:9', dataset: 'default', budgetMs: 500 }));
    const result = await broken.screenAsync('Anything');
    expect(result.notChecked?.[0]).toMatchObject({ reason: 'error', text: expect.stringMatching(/could not be asked/) });
  });

  it('advisor screen asks yente when SCREENING_YENTE_URL is set', async () => {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    const code = await run(['--json', 'Fake Defence Export Agency'], {
      stdout,
      stderr: new PassThrough(),
      stdin: new PassThrough(),
      env: { SCREENING_YENTE_URL: url },
    });
    expect(code).toBe(0);
    expect((JSON.parse(out) as { hits: Array<{ list: string; kind: string }> }).hits[0]).toMatchObject({ list: 'yente-default', kind: 'sanction' });
  });
});
