// The Teams deliverer under the real outbox worker: the case card as a proactive new thread in the
// contact-point channel, a team that has not installed the app, thread updates that wait for the card.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTACT_CHANNEL_ID, TENANT, startHarness, type Harness } from './harness.js';
import { cardText, currentCaseCard, deliverAll, escalateDroneCase, sentCards } from './people.js';

let h: Harness;
beforeEach(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
  vi.restoreAllMocks();
});

function threadTexts(h: Harness): string {
  return cardText(sentCards(h).filter((c) => c.conversationId.startsWith(`${CONTACT_CHANNEL_ID};messageid=`) && c.method === 'POST'));
}

describe('Teams deliverer', () => {
  it('posts the case card as a new thread in the contact-point channel, with an outbound token, and records where', async () => {
    const c = await escalateDroneCase(h);
    expect(await deliverAll(h)).toBe(1);
    const create = h.cloud.connectorCalls().find((x) => x.path === '/teams/v3/conversations');
    const params = create?.body as {
      isGroup: boolean;
      tenantId?: string;
      channelData: { channel: { id: string } };
      activity: { attachments: Array<{ contentType: string }> };
    };
    expect(params.isGroup).toBe(true);
    expect(params.channelData.channel.id).toBe(CONTACT_CHANNEL_ID);
    expect(params.tenantId).toBe(TENANT);
    expect(params.activity.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(create?.authorization).toMatch(/^Bearer outbound-\d+$/);
    expect(JSON.stringify(currentCaseCard(h)?.card)).toContain(c.ref);
    const [job] = await h.store.listJobs({ caseId: c.id });
    expect(job).toMatchObject({ kind: 'case-card', status: 'done' });
    expect(job?.result).toMatchObject({
      serviceUrl: h.cloud.serviceUrl,
      channelConversationId: CONTACT_CHANNEL_ID,
      activityId: expect.stringMatching(/^\d+$/),
    });
    expect(String(job?.result?.['threadConversationId'])).toBe(`${CONTACT_CHANNEL_ID};messageid=${String(job?.result?.['activityId'])}`);
  });

  it('keeps the case and retries when the app is not installed in the team, with a message for the admin', async () => {
    h.cloud.notInstalled = true;
    const c = await escalateDroneCase(h);
    await h.worker.runOnce();
    const [job] = await h.store.listJobs({ caseId: c.id });
    expect(job).toMatchObject({ kind: 'case-card', status: 'pending', attempts: 1 });
    expect(job?.lastError).toContain('BotNotInConversationRoster');
    expect(job?.lastError).toMatch(/add the app to that team/);
    expect((await h.cases.get(c.id))?.status).toBe('open');
    expect(h.logs.some((l) => l['kind'] === 'teams-not-installed')).toBe(true);
    // Not before the wait Teams' error calls for; once the app is added, the retry posts the card.
    h.cloud.notInstalled = false;
    expect(await deliverAll(h)).toBe(0);
    h.advanceClock(16 * 60_000);
    expect(await deliverAll(h)).toBe(1);
    expect(currentCaseCard(h)).toBeDefined();
  });

  it('holds a thread update until the card is out', async () => {
    const c = await escalateDroneCase(h);
    await h.cases.take(c.id, { channel: 'teams', id: 'someone', name: 'Someone' });
    const thread = (await h.store.listJobs({ caseId: c.id })).find((j) => j.kind === 'case-thread');
    if (!thread) throw new Error('no thread job');
    expect(await h.channel.deliverer.deliver(thread)).toMatchObject({ ok: false, retryable: true });
    expect(threadTexts(h)).toBe('[]');
    await deliverAll(h);
    expect(threadTexts(h)).toContain('Someone took the case');
  });
});
