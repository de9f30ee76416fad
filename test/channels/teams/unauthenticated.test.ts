// /api/messages answers 401 to anything that is not an authenticated activity, before any other processing:
// no 500 and no 400 for junk, and no error logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('/api/messages with junk', () => {
  it('answers a body without `type` with 401, with or without a token', async () => {
    const activity = h.fixture('personal-message');
    const token = h.tokenFor(activity);
    for (const body of [{}, nested(200), { text: 'hi', serviceUrl: activity['serviceUrl'] }]) {
      expect((await h.post(body, null)).status).toBe(401);
      expect((await h.post(body, `Bearer ${token}`)).status).toBe(401);
    }
    expect(h.conversations.turns).toHaveLength(0);
  });

  it('answers a body that is not JSON with 401', async () => {
    const res = await fetch(`${h.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
      body: '{not json',
    });
    expect(res.status).toBe(401);
    const plain = await fetch(`${h.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(plain.status).toBe(401);
  });

  it('logs no error for any of it', () => {
    expect(h.logs.filter((l) => Number(l['level'] ?? 0) >= 50)).toEqual([]);
  });
});
