// The outbox deliverer against the fake Web API: rate limits, idempotent retries, permanent failures;
// inbound replies that wait out a 429; Socket Mode that cannot reach Slack.
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackChannel, slackConfigSchema } from '../../../src/channels/slack/index.js';
import type { OutboxJob } from '../../../src/store/types.js';
import { CONTACT_CHANNEL, createHarness, type Harness } from './harness.js';
import { escalateDroneCase } from './researcher.js';

async function caseCardJob(h: Harness): Promise<OutboxJob> {
  await escalateDroneCase(h);
  const jobs = await h.store.listJobs({ status: 'pending' });
  const card = jobs.find((j) => j.kind === 'case-card');
  if (!card) throw new Error('no case-card job');
  return card;
}

describe('Slack deliverer', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('maps a 429 to a retryable failure with the Retry-After delay', async () => {
    const job = await caseCardJob(h);
    h.api.override('chat.postMessage', () => ({ status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } }));
    const result = await h.channel.deliverer.deliver(job);
    expect(result).toEqual({ ok: false, retryable: true, error: 'rate_limited', retryAfterMs: 7000 });
  });

  it('does not post the card twice when a retry follows an uncertain failure', async () => {
    const job = await caseCardJob(h);
    const first = await h.channel.deliverer.deliver(job);
    expect(first.ok).toBe(true);
    // The worker never heard back (timeout), so it tries again with attempts = 1.
    const again = await h.channel.deliverer.deliver({ ...job, attempts: 1 });
    expect(again).toEqual({ ok: true, result: { channel: CONTACT_CHANNEL, ts: first.ok ? first.result['ts'] : '', found: true } });
    expect(h.api.callsTo('chat.postMessage').filter((c) => c.args['channel'] === CONTACT_CHANNEL)).toHaveLength(1);
    expect(h.api.callsTo('conversations.history')[0]?.args).toMatchObject({ channel: CONTACT_CHANNEL, include_all_metadata: 'true' });
  });

  it('posts the card once when 150 other messages arrived between an uncertain post and its retry', async () => {
    const job = await caseCardJob(h);
    // The post reaches Slack, but the answer is lost: the worker cannot know it went out.
    h.api.override('chat.postMessage', () => undefined);
    const first = await h.channel.deliverer.deliver(job);
    expect(first.ok).toBe(true);
    h.api.inject(CONTACT_CHANNEL, 150);
    const again = await h.channel.deliverer.deliver({ ...job, attempts: 2 });
    expect(again).toMatchObject({ ok: true, result: { found: true } });
    const cards = (h.api.channels.get(CONTACT_CHANNEL) ?? []).filter((m) => m.metadata !== undefined && !m.thread_ts);
    expect(cards).toHaveLength(1);
    // It paged back from the newest message, bounded by the job's creation time.
    const lookups = h.api.callsTo('conversations.history');
    expect(lookups.length).toBeGreaterThanOrEqual(1);
    expect(Number(lookups[0]?.args['oldest'])).toBeLessThanOrEqual(Date.parse(job.createdAt) / 1000);
  });

  it('gives up on a channel that does not exist', async () => {
    const job = await caseCardJob(h);
    h.api.override('chat.postMessage', () => ({ body: { ok: false, error: 'channel_not_found' } }));
    expect(await h.channel.deliverer.deliver(job)).toEqual({ ok: false, retryable: false, error: 'channel_not_found' });
  });

  it('waits out a 429 on a reply and then posts it', async () => {
    h.api.override('chat.postMessage', (_args, call) =>
      call === 1 ? { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } } : undefined,
    );
    const started = Date.now();
    await h.postEvent('event-message-im.json', { EVENT_ID: 'Ev0LIMITED' });
    const calls = await h.api.waitFor('chat.postMessage', 2, 8000);
    await h.waitForTurns(1);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(calls[1]?.args['channel']).toBe('D0RESEARCH');
    expect(Date.now() - started).toBeLessThan(8000);
  });
});

describe('Slack Socket Mode start', () => {
  it('does not throw when Slack is unreachable, and stops cleanly', async () => {
    const config = slackConfigSchema.parse({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test' });
    const logger = pino({ level: 'silent' });
    const unused = new Proxy({}, { get: () => () => Promise.reject(new Error('not used')) });
    const channel = createSlackChannel(
      { conversations: unused as never, cases: unused as never, store: unused as never, content: { ui: {}, playbooks: new Map() } as never, logger },
      config,
      // Nothing listens on port 9: every call fails at once.
      { slackApiUrl: 'http://127.0.0.1:9/api/' },
    );
    expect(channel.mode).toBe('socket');
    const started = Date.now();
    await expect(channel.start?.()).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(11_000);
    await channel.stop?.();
  });
});
