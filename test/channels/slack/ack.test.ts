// Slack's 3-second limit: an inbound event is acked without waiting on any Web API call, even when auth.test
// fails; the bot identity is asked once and cached. The Web API base URL is a setting (SLACK_API_URL).
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SLACK_API_URL, slackConfigSchema } from '../../../src/channels/slack/config.js';
import { createHarness, fixture, type Harness } from './harness.js';

describe('Slack acks', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  // Before: 1.1–2.5 s per event (auth.test and its retries on every event). 800 ms leaves room for a loaded test machine.
  it('acks every event at once while auth.test keeps failing, and asks auth.test only once', async () => {
    h = await createHarness();
    h.api.override('auth.test', () => ({ status: 500, body: { ok: false } }));
    const acks: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const body = JSON.parse(fixture('event-message-im.json', { TEAM: 'T0RSA', EVENT_ID: `Ev0ACK${i}` })) as { event: { text: string; ts: string } };
      body.event.text = i === 1 ? 'drones with a university in China' : 'Harbin Institute of Technology';
      body.event.ts = `1741600000.00010${i}`;
      const started = performance.now();
      const res = await h.post(JSON.stringify(body), 'application/json');
      acks.push(performance.now() - started);
      expect(res.status).toBe(200);
      await h.waitForTurns(i, 10_000);
    }
    expect(Math.max(...acks), acks.map((ms) => ms.toFixed(0)).join(', ')).toBeLessThan(800);
    // One attempt at start (with the client's own retries), none per event.
    expect(h.api.callsTo('auth.test').length).toBeLessThanOrEqual(4);
  }, 30_000);

  it('acks a slash command at once while auth.test hangs in retries', async () => {
    h = await createHarness();
    h.api.override('auth.test', () => ({ status: 500, body: { ok: false } }));
    const started = performance.now();
    const res = await h.postCommand('command-research-security.json', { TEXT: 'visiting researcher from HIT' });
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(800);
    await h.waitForTurns(1, 10_000);
  }, 30_000);

  it("sends every Web API call to SLACK_API_URL, Slack's own by default", async () => {
    expect(slackConfigSchema.parse({}).SLACK_API_URL).toBe(DEFAULT_SLACK_API_URL);
    expect(DEFAULT_SLACK_API_URL).toBe('https://slack.com/api/');
    expect(slackConfigSchema.parse({ SLACK_API_URL: 'https://slack-proxy.example.org/api' }).SLACK_API_URL).toBe('https://slack-proxy.example.org/api/');
    expect(slackConfigSchema.safeParse({ SLACK_API_URL: 'not a url' }).success).toBe(false);
    // The harness sets only SLACK_API_URL: the replies reach the fake through it.
    h = await createHarness();
    await h.postEvent('event-message-im.json');
    await h.waitForTurns(1);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
