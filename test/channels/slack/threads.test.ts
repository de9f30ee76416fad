// Typed answers in a channel thread: message.channels / message.groups events in recorded format, without an @mention.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, fixture, type Harness } from './harness.js';

const THREAD = '1741600100.000400';
let sequence = 0;

async function replyInThread(h: Harness, text: string, options: { channel?: string; type?: string; user?: string; thread?: string } = {}) {
  sequence += 1;
  const tokens = {
    TS: `1741600300.${String(sequence).padStart(6, '0')}`,
    TEXT: text,
    THREAD_TS: options.thread ?? THREAD,
    CHANNEL: options.channel ?? 'C0GENERAL',
    CHANNEL_TYPE: options.type ?? 'channel',
    EVENT_ID: `Ev0THREAD${sequence}`,
  };
  const body = JSON.parse(fixture('event-message-channel-thread.json', { TEAM: 'T0RSA', ...tokens })) as {
    event: { user: string };
  };
  if (options.user) body.event.user = options.user;
  const res = await h.post(JSON.stringify(body), 'application/json');
  expect(res.status).toBe(200);
}

describe('Slack channel threads', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    expect(h.problems()).toEqual([]);
    await h.close();
  });

  it('answers a typed reply in the thread of a mention, without a new @mention (message.channels)', async () => {
    await h.postEvent('event-app-mention.json');
    await h.waitForTurns(1);
    await replyInThread(h, 'Harbin Institute of Technology');
    await h.waitForTurns(2);
    expect(h.handled[1]?.conversationKey).toBe(h.handled[0]?.conversationKey);
    expect(h.handled[1]?.input).toEqual({ type: 'text', text: 'Harbin Institute of Technology' });
    expect(h.api.callsTo('chat.postMessage').every((c) => c.args['thread_ts'] === THREAD)).toBe(true);
  });

  it('answers in a private channel thread too (message.groups)', async () => {
    const mention = JSON.parse(fixture('event-app-mention.json')) as { event: { channel: string } };
    mention.event.channel = 'G0PRIVATE';
    await h.post(JSON.stringify(mention), 'application/json');
    await h.waitForTurns(1);
    await replyInThread(h, 'Harbin Institute of Technology', { channel: 'G0PRIVATE', type: 'group' });
    await h.waitForTurns(2);
    expect(h.handled[1]?.conversationKey).toBe('slack:T0RSA:G0PRIVATE:1741600100.000400');
  });

  it('stays out of threads it is not talking in, and ignores other people in its thread', async () => {
    await h.postEvent('event-app-mention.json');
    await h.waitForTurns(1);
    await replyInThread(h, 'just chatting', { thread: '1741600999.000100' });
    await replyInThread(h, 'I answer for them', { user: 'U0SOMEONE' });
    await h.settle();
    expect(h.handled).toHaveLength(1);
  });

  it('subscribes to message.channels and message.groups in the manifest', () => {
    const manifest = parse(readFileSync(join(import.meta.dirname, '../../../manifest/slack-app.yaml'), 'utf8')) as {
      settings: { event_subscriptions: { bot_events: string[] } };
    };
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['message.channels', 'message.groups', 'message.im', 'app_mention']),
    );
  });
});
