// HTTP mode on POST /slack/events: signatures, staleness, url_verification, retries, workspace filter.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, fixture, sign, type Harness } from './harness.js';

describe('Slack HTTP mode', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers a correctly signed url_verification with the challenge', async () => {
    const res = await h.postEvent('url-verification.json');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('rejects a forged signature with 401 and processes nothing', async () => {
    const body = fixture('event-message-im.json', { TEAM: 'T0RSA', EVENT_ID: 'Ev0FORGED' });
    const res = await h.post(body, 'application/json', sign(body, undefined, 'not-the-secret'));
    expect(res.status).toBe(401);
    await h.settle();
    expect(h.handled).toHaveLength(0);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('rejects a body changed after signing', async () => {
    const body = fixture('event-message-im.json', { TEAM: 'T0RSA', EVENT_ID: 'Ev0TAMPER' });
    const headers = sign(body);
    const res = await h.post(body.replace('HIT', 'NUDT'), 'application/json', headers);
    expect(res.status).toBe(401);
    await h.settle();
    expect(h.handled).toHaveLength(0);
  });

  it('rejects a correctly signed request older than five minutes', async () => {
    const body = fixture('event-message-im.json', { TEAM: 'T0RSA', EVENT_ID: 'Ev0STALE' });
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await h.post(body, 'application/json', sign(body, sixMinutesAgo));
    expect(res.status).toBe(401);
    await h.settle();
    expect(h.handled).toHaveLength(0);
    // Only the bot identity, asked once at start, whatever arrives.
    expect(h.api.calls.map((c) => c.method)).toEqual(['auth.test']);
  });

  it('rejects a url_verification without a signature', async () => {
    const body = fixture('url-verification.json');
    const res = await h.post(body, 'application/json', {});
    expect(res.status).toBe(401);
  });

  it('handles an event retried by Slack only once', async () => {
    const first = await h.postEvent('event-message-im.json', { EVENT_ID: 'Ev0RETRY01' });
    expect(first.status).toBe(200);
    const retry = await h.postEvent('event-message-im.json', { EVENT_ID: 'Ev0RETRY01' }, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(retry.status).toBe(200);
    await h.settle();
    expect(h.handled).toHaveLength(1);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
    // A different event id is a new message.
    await h.postEvent('event-message-im.json', { EVENT_ID: 'Ev0RETRY02' });
    await h.settle();
    expect(h.handled).toHaveLength(2);
  });

  it('acknowledges within 3 seconds and does the slow work after the ack', async () => {
    await h.close();
    h = await createHarness({}, { slowHandleMs: 3500 });
    const started = Date.now();
    const res = await h.postCommand('command-research-security.json', { TEXT: 'visiting researcher from HIT' });
    const ackMs = Date.now() - started;
    expect(res.status).toBe(200);
    expect(ackMs).toBeLessThan(1000);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
    const [posted] = await h.api.waitFor('chat.postMessage', 1, 8000);
    expect(posted?.at ?? 0).toBeGreaterThanOrEqual(started + 3500);
  });
});

describe('Slack workspace filter', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ SLACK_ALLOWED_TEAMS: 'T0RSA, T0OTHER' });
  });
  afterEach(async () => {
    await h.close();
  });

  it('ignores events from a workspace not in SLACK_ALLOWED_TEAMS', async () => {
    const res = await h.postEvent('event-message-im.json', { TEAM: 'T0STRANGER', EVENT_ID: 'Ev0STRANGE' });
    expect(res.status).toBe(200);
    await h.settle();
    expect(h.handled).toHaveLength(0);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('answers events from an allowed workspace', async () => {
    await h.postEvent('event-message-im.json', { EVENT_ID: 'Ev0ALLOWED' });
    await h.api.waitFor('chat.postMessage');
    expect(h.handled).toHaveLength(1);
  });
});
