import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseRecord } from '../../../src/store/types.js';
import { sampleCase } from '../cards/samples.js';
import { APP_ID, startHarness, TENANT, type Harness } from './harness.js';

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
    .flatMap((c) => ((c.body as { attachments?: Array<{ contentType: string; content: Record<string, unknown> }> }).attachments ?? []))
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

  it('replies with Adaptive Cards of version 1.5', async () => {
    h.conversations.replies = [
      { kind: 'text', text: 'Hello' },
      { kind: 'question', text: 'Military ties?', step: 'ask-military', choices: [{ label: 'Yes', value: 'yes' }] },
    ];
    await h.post(h.fixture('personal-message'));
    const cards = sentCards(h);
    expect(cards).toHaveLength(2);
    for (const card of cards) expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
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

  it('turns a clicked choice into an action for the step it belonged to, in the user\'s language', async () => {
    await h.post(h.fixture('personal-submit'));
    expect(h.conversations.turns[0]).toMatchObject({ input: { type: 'action', value: 'yes', step: 'ask-military' }, lang: 'nl' });
  });

  it('sends a welcome card offering the playbooks when the app is installed', async () => {
    const res = await h.post(h.fixture('install-personal'));
    expect(res.status).toBe(200);
    const [card] = sentCards(h);
    const data = JSON.stringify(card);
    expect(data).toContain('Veldwerk in het buitenland');
    expect(data).toContain('"start":"partner-check"');
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
  function seed(status: CaseRecord['status'] = 'open'): void {
    h.cases.cases.set('case-1', sampleCase(status));
  }

  it('lets a member of the contact-point team take the case and replaces the card in place', async () => {
    seed();
    h.cloud.teams.set('19:contact-point-team@thread.tacv2', ['29:1CoNtAcTpOiNt-carla']);
    const res = await h.post(h.fixture('case-action-invoke'));
    expect(res.status).toBe(200);
    expect(h.cases.calls).toEqual([
      { action: 'take', id: 'case-1', actor: { channel: 'teams', id: '6c0b1f3e-3333-4d2a-9a7e-000000000003', name: 'Carla Contact' } },
    ]);
    const body = res.body as { statusCode: number; type: string; value: { version: string; body: unknown[]; actions: Array<{ type: string; title: string }> } };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.value.version).toBe('1.5');
    expect(JSON.stringify(body.value)).toContain('Status: ');
    // Taken: no "Take case" any more; ask and close remain, as Teams Universal Actions inside their forms.
    expect(body.value.actions.map((a) => a.title)).toEqual(['Ask for more information', 'Close with advice']);
    expect(JSON.stringify(body.value)).toContain('"type":"Action.Execute"');
  });

  it('refuses someone outside the contact-point team politely, and changes nothing', async () => {
    seed();
    h.cloud.teams.set('19:contact-point-team@thread.tacv2', ['29:someone-else']);
    const res = await h.post(h.fixture('case-action-invoke'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect(String((res.body as { value: string }).value)).toContain('RS-2025-0001');
    expect(h.cases.calls).toHaveLength(0);
    expect(h.cases.cases.get('case-1')?.status).toBe('open');
  });

  it('accepts a configured AAD object id without asking Teams about membership', async () => {
    await h.close();
    h = await startHarness({ TEAMS_CONTACT_POINT_USERS: '6c0b1f3e-3333-4d2a-9a7e-000000000003' });
    seed();
    await h.post(h.fixture('case-action-invoke'));
    expect(h.cases.calls.map((c) => c.action)).toEqual(['take']);
    expect(h.cloud.calls.some((c) => c.path.includes('/members/'))).toBe(false);
  });

  it('asks for more information with the typed question, and requires one', async () => {
    seed('taken');
    h.cloud.teams.set('19:contact-point-team@thread.tacv2', ['29:1CoNtAcTpOiNt-carla']);
    const activity = h.fixture('case-action-invoke');
    const withData = (data: Record<string, unknown>) => ({
      ...activity,
      value: { action: { type: 'Action.Execute', verb: data.caseAction, data }, trigger: 'manual' },
    });
    const empty = await h.post(withData({ caseAction: 'ask', caseId: 'case-1', caseQuestion: '  ' }));
    expect(empty.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect(h.cases.calls).toHaveLength(0);
    await h.post(withData({ caseAction: 'ask', caseId: 'case-1', caseQuestion: 'Who funds the *position*?' }));
    await h.post(withData({ caseAction: 'close', caseId: 'case-1', caseAdvice: 'Go ahead with a data plan.' }));
    expect(h.cases.calls.map((c) => [c.action, c.text])).toEqual([
      ['ask', 'Who funds the *position*?'],
      ['close', 'Go ahead with a data plan.'],
    ]);
  });
});
