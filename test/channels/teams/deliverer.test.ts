import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutboxJob } from '../../../src/store/types.js';
import { sampleCase } from '../cards/samples.js';
import { startHarness, TENANT, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
  vi.restoreAllMocks();
});

function job(kind: OutboxJob['kind'], payload: Record<string, unknown>, extra: Partial<OutboxJob> = {}): OutboxJob {
  return {
    id: `job-${kind}`,
    kind,
    channel: 'teams',
    idempotencyKey: `${kind}:case-1`,
    caseId: 'case-1',
    payload,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: '2025-03-01T10:00:00Z',
    createdAt: '2025-03-01T10:00:00Z',
    ...extra,
  };
}

describe('escalation from a personal chat to the contact-point channel', () => {
  it('posts the case card into the contact-point channel and answers in its thread later', async () => {
    // The researcher talks in a personal chat; their conversation reference is what the case keeps.
    await h.post(h.fixture('personal-message'));
    const address = h.conversations.turns[0]!.address;
    const c = { ...sampleCase('open'), researcher: { ...sampleCase('open').researcher, address } };
    h.cases.cases.set('case-1', c);
    const target = { serviceUrl: h.cloud.serviceUrl, conversationId: '19:contact-point-cases@thread.tacv2', tenantId: TENANT };
    const cardJob = job('case-card', { caseId: 'case-1', caseRef: c.ref, institution: 'uhasselt', target });

    const delivered = await h.channel.deliverer.deliver(cardJob);
    expect(delivered.ok).toBe(true);
    const create = h.cloud.connectorCalls().find((x) => x.path === '/teams/v3/conversations');
    const params = create?.body as { isGroup: boolean; channelData: { channel: { id: string } }; activity: { attachments: Array<{ content: { version: string } }> } };
    expect(params.isGroup).toBe(true);
    expect(params.channelData.channel.id).toBe('19:contact-point-cases@thread.tacv2');
    expect(params.activity.attachments[0]?.content.version).toBe('1.5');
    expect(JSON.stringify(params.activity)).toContain('RS-2025-0001');
    expect(create?.authorization).toMatch(/^Bearer outbound-/);
    const result = delivered.ok ? delivered.result : {};
    expect(result.activityId).toMatch(/^\d+$/);

    // A later event goes into the card's thread and refreshes the card.
    h.jobs.push({ ...cardJob, status: 'done', result });
    h.cases.cases.set('case-1', { ...c, status: 'awaiting-info' });
    const thread = await h.channel.deliverer.deliver(
      job('case-thread', { event: { action: 'asked', actor: { channel: 'teams', id: 'cp', name: 'Carla Contact' }, text: 'Who pays?' } }),
    );
    expect(thread.ok).toBe(true);
    const threadId = `19:contact-point-cases@thread.tacv2;messageid=${String(result.activityId)}`;
    const update = h.cloud.connectorCalls().find((x) => x.method === 'PUT');
    expect(update?.path).toBe(`/teams/v3/conversations/${threadId}/activities/${String(result.activityId)}`);
    const reply = h.cloud.connectorCalls().filter((x) => x.method === 'POST' && x.path.startsWith(`/teams/v3/conversations/${threadId}/activities`));
    expect(JSON.stringify(reply.at(-1)?.body)).toContain('Carla Contact asked the researcher:\\nWho pays?');
  });

  it('relays a contact point\'s question to the researcher\'s own chat through the conversation service', async () => {
    await h.post(h.fixture('personal-message'));
    const address = h.conversations.turns[0]!.address;
    const base = sampleCase('awaiting-info');
    h.cases.cases.set('case-1', { ...base, researcher: { ...base.researcher, address } });
    h.conversations.replies = [{ kind: 'text', text: 'The contact point asks: Who pays?' }];
    const input = { type: 'case-question', caseId: 'case-1', caseRef: base.ref, text: 'Who pays?' };
    const res = await h.channel.deliverer.deliver(job('researcher-notice', { caseId: 'case-1', input }));
    expect(res.ok).toBe(true);
    expect(h.conversations.turns.at(-1)).toMatchObject({ conversationKey: base.researcher.conversationKey, input });
    const sent = h.cloud.connectorCalls().filter((x) => x.method === 'POST' && x.path.includes('a:1personal-conversation-with-rita'));
    expect(JSON.stringify(sent.at(-1)?.body)).toContain('The contact point asks: Who pays?');
  });

  it('keeps the case and retries when the app is not installed in the team, with a message for the admin', async () => {
    h.cases.cases.set('case-1', sampleCase('open'));
    h.cloud.notInstalled = true;
    const target = { serviceUrl: h.cloud.serviceUrl, conversationId: '19:contact-point-cases@thread.tacv2' };
    const res = await h.channel.deliverer.deliver(job('case-card', { target }));
    expect(res).toMatchObject({ ok: false, retryable: true });
    if (!res.ok) {
      expect(res.error).toContain('BotNotInConversationRoster');
      expect(res.error).toMatch(/add the app to that team/);
    }
    expect(h.cases.cases.get('case-1')?.status).toBe('open');
    expect(h.logs.some((l) => l.kind === 'teams-not-installed')).toBe(true);

    // Once the app is added, the retry posts the card.
    h.cloud.notInstalled = false;
    expect((await h.channel.deliverer.deliver(job('case-card', { target }))).ok).toBe(true);
  });

  it('waits for the card before posting in its thread', async () => {
    h.cases.cases.set('case-1', sampleCase('taken'));
    const res = await h.channel.deliverer.deliver(job('case-thread', { event: { action: 'taken', actor: { channel: 'teams', id: 'x' } } }));
    expect(res).toMatchObject({ ok: false, retryable: true });
  });
});
