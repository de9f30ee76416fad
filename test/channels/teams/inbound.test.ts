import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
// Inbound Teams activities through CloudAdapter (real JWT validation against the fake cloud's OpenID keys)
// into the real ConversationService and CaseService on SQLite, answered by the real engine.
import { APP_ID, CONTACT_CHANNEL_ID, startHarness, TENANT, type Harness } from './harness.js';
import { CONTACT_AAD, CONTACT_TEAMS_ID, actionsOf, cardText, deliverAll, escalateAndDeliver, execute, personalCards } from './people.js';

let h: Harness;

beforeEach(async () => {
  // CloudAdapter prints rejected requests to the console; keep the test output readable.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
  vi.restoreAllMocks();
});

function sentCards(h: Harness): Array<Record<string, unknown>> {
  return h.cloud
    .connectorCalls()
    .filter((c) => c.method === 'POST' && /\/activities/.test(c.path))
    .flatMap((c) => (c.body as { attachments?: Array<{ contentType: string; content: Record<string, unknown> }> }).attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content);
}

describe('authentication', () => {
  it('answers 401 without a token, and the bot logic never runs', async () => {
    const res = await h.post(h.fixture('personal-message'), null);
    expect(res.status).toBe(401);
    expect(h.conversations.turns).toHaveLength(0);
    expect(h.cloud.connectorCalls()).toHaveLength(0);
  });

  it('answers 401 to a forged, an expired, a wrong-audience and a garbage token', async () => {
    const activity = h.fixture('personal-message');
    const bad = [
      h.cloud.token({ aud: APP_ID, serviceurl: activity.serviceUrl }, { forge: true }),
      h.cloud.token({ aud: APP_ID, serviceurl: activity.serviceUrl }, { expired: true }),
      h.cloud.token({ aud: 'someone-else', serviceurl: activity.serviceUrl }),
      h.cloud.token({ aud: APP_ID, serviceurl: 'https://elsewhere.example/' }),
      'not-a-jwt',
    ];
    for (const token of bad) {
      const res = await h.post(activity, `Bearer ${token}`);
      expect(res.status, token.slice(0, 20)).toBe(401);
    }
    expect(h.conversations.turns).toHaveLength(0);
  });

  it('accepts a valid token and fetches an outbound token before calling the connector', async () => {
    const res = await h.post(h.fixture('personal-message'));
    expect(res.status).toBe(200);
    expect(h.conversations.turns).toHaveLength(1);
    const reply = h.cloud.connectorCalls().find((c) => c.method === 'POST');
    expect(reply?.path).toContain('/v3/conversations/a:1personal-conversation-with-rita/activities');
    expect(reply?.authorization).toMatch(/^Bearer outbound-\d+$/);
  });
});

describe('conversations', () => {
  it('turns a personal message into a turn with a stable key, the user and a stored conversation reference', async () => {
    await h.post(h.fixture('personal-message'));
    const turn = h.conversations.turns[0]!;
    expect(turn).toMatchObject({
      channel: 'teams',
      conversationKey: `teams:${TENANT}:a:1personal-conversation-with-rita:6c0b1f3e-1111-4d2a-9a7e-000000000001`,
      user: { id: '6c0b1f3e-1111-4d2a-9a7e-000000000001', name: 'Rita Researcher' },
      input: { type: 'text', text: 'We want to hire a postdoc who worked at a military university in China' },
      lang: 'en',
    });
    expect(turn.address).toMatchObject({ serviceUrl: h.cloud.serviceUrl, conversation: { id: 'a:1personal-conversation-with-rita' } });
  });

  it('replies with one Adaptive Card of version 1.5 per engine reply', async () => {
    await h.post(h.fixture('personal-message'));
    const replies = h.conversations.results[0]?.replies ?? [];
    expect(replies.length).toBeGreaterThan(0);
    const cards = sentCards(h);
    expect(cards).toHaveLength(replies.length);
    for (const card of cards) expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    // The hiring question is recognised: the engine started the playbook for it.
    expect(h.conversations.results[0]?.state.playbook?.id).toBe('hire-military-background');
  });

  it('answers an @mention in a team channel in its thread, without the mention in the text', async () => {
    await h.post(h.fixture('channel-mention'));
    expect(h.conversations.turns[0]?.input).toEqual({
      type: 'text',
      text: 'can we work with Harbin Institute of Technology on quantum sensing?',
    });
    const reply = h.cloud.connectorCalls().find((c) => c.method === 'POST');
    expect(reply?.path).toContain('/v3/conversations/19:research-lab-general@thread.tacv2;messageid=1741000000100/activities');
  });

  it("turns a clicked choice into an action for the step it belonged to, in the user's language", async () => {
    await h.post(h.fixture('personal-submit'));
    expect(h.conversations.turns[0]).toMatchObject({ input: { type: 'action', value: 'yes', step: 'ask-military' }, lang: 'nl' });
  });

  it("sends a welcome card offering every playbook, in the user's language, when the app is installed", async () => {
    const res = await h.post(h.fixture('install-personal'));
    expect(res.status).toBe(200);
    const [card] = sentCards(h);
    const data = JSON.stringify(card);
    for (const p of h.content.playbooks.values()) {
      expect(data).toContain(JSON.stringify(p.title.nl).slice(1, -1));
      expect(data).toContain(`"start":"${p.id}"`);
    }
    expect(h.conversations.turns).toHaveLength(0);
  });

  it('ignores activities from a tenant that is not allowed', async () => {
    await h.close();
    h = await startHarness({ TEAMS_ALLOWED_TENANTS: '11111111-2222-3333-4444-555555555555' });
    const res = await h.post(h.fixture('personal-message'));
    expect(res.status).toBe(200);
    expect(h.conversations.turns).toHaveLength(0);
    expect(h.cloud.connectorCalls()).toHaveLength(0);
  });
});

describe('case actions from the contact-point channel', () => {
  it('lets a member of the contact-point team take the case and replaces the card in place', async () => {
    const c = await escalateAndDeliver(h);
    const res = await execute(h, 'Take case');
    expect(res.status).toBe(200);
    expect(await h.cases.get(c.id)).toMatchObject({ status: 'taken', assignee: { channel: 'teams', id: CONTACT_AAD, name: 'Carla Contact' } });
    expect(res.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(res.card?.version).toBe('1.5');
    expect(JSON.stringify(res.card)).toContain('Status: ');
    // Taken: no "Take case" any more; ask and close remain, as Teams Universal Actions inside their forms.
    expect(res.card?.actions?.map((a) => a['title'])).toEqual(['Ask for more information', 'Close with advice']);
    expect(
      actionsOf(res.card!)
        .filter((a) => a['type'] === 'Action.Execute')
        .map((a) => a['title']),
    ).toEqual(['Send question', 'Close case']);
    // Membership was asked of Teams, in the channel the card was posted in (its own roster if it is private).
    expect(h.cloud.calls.some((x) => x.path === `/teams/v3/conversations/${CONTACT_CHANNEL_ID}/members/${CONTACT_TEAMS_ID}`)).toBe(true);
  });

  it('refuses someone outside the contact-point team politely, and changes nothing', async () => {
    const c = await escalateAndDeliver(h);
    const res = await execute(h, 'Take case', {}, { id: '29:someone-else', aad: '6c0b1f3e-9999-4d2a-9a7e-000000000009', name: 'Someone Else' });
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/vnd.microsoft.activity.message');
    expect(res.message).toContain(c.ref);
    expect((await h.cases.get(c.id))?.status).toBe('open');
    expect((await h.cases.get(c.id))?.history.map((e) => e.action)).toEqual(['created', 'delivered']);
    expect(await h.store.listJobs({ status: 'pending' })).toEqual([]);
  });

  it('accepts a configured AAD object id without asking Teams about membership', async () => {
    await h.close();
    h = await startHarness({ TEAMS_CONTACT_POINT_USERS: '6c0b1f3e-7777-4d2a-9a7e-000000000007' });
    const c = await escalateAndDeliver(h);
    await execute(h, 'Take case', {}, { id: '29:delegate', aad: '6c0b1f3e-7777-4d2a-9a7e-000000000007', name: 'Delegate' });
    expect((await h.cases.get(c.id))?.status).toBe('taken');
    expect(h.cloud.calls.some((x) => x.path.includes('/members/'))).toBe(false);
  });

  it("accepts an institution's own contact-point user, only for that institution's cases", async () => {
    await h.close();
    h = await startHarness({}, { institution: (id) => (id === 'uhasselt' ? { users: ['aad-uhasselt'] } : { users: ['aad-kuleuven'] }) });
    const c = await escalateAndDeliver(h);
    await execute(h, 'Take case', {}, { id: '29:kuleuven', aad: 'aad-kuleuven', name: 'KU Leuven' });
    expect((await h.cases.get(c.id))?.status).toBe('open');
    await execute(h, 'Take case', {}, { id: '29:uhasselt', aad: 'aad-uhasselt', name: 'UHasselt' });
    expect((await h.cases.get(c.id))?.status).toBe('taken');
  });

  it('asks for more information with the typed question, and requires one', async () => {
    const c = await escalateAndDeliver(h);
    const empty = await execute(h, 'Send question', { caseQuestion: '  ' });
    expect(empty.type).toBe('application/vnd.microsoft.activity.message');
    expect(empty.message).toContain('Please write your question');
    expect((await h.cases.get(c.id))?.status).toBe('open');
    // Asking about an open case takes it first: the question has an owner, the researcher hears both.
    const asked = await execute(h, 'Send question', { caseQuestion: 'Who funds the *position*?' });
    expect(asked.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(await h.cases.get(c.id)).toMatchObject({ status: 'awaiting-info', assignee: { id: CONTACT_AAD } });
    await execute(h, 'Close case', { caseAdvice: 'Go ahead with a data plan.' });
    const closed = await h.cases.get(c.id);
    expect(closed?.history.slice(2).map((e) => [e.action, e.text])).toEqual([
      ['taken', undefined],
      ['asked', 'Who funds the *position*?'],
      ['closed', 'Go ahead with a data plan.'],
    ]);
    expect(closed?.advice).toBe('Go ahead with a data plan.');
    await deliverAll(h);
    const chat = cardText(personalCards(h));
    expect(chat).toContain(`Case ${c.ref} was taken by your contact point.`);
    expect(chat).toContain('Who funds the *position*?');
    expect(chat).toContain('Go ahead with a data plan.');
  });
});
