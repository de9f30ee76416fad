// TEAMS_CONTACT_POINT_ACCESS=group: the contact points are the (transitive) members of an Entra ID group, read from
// Microsoft Graph with the bot's client credentials. Through the real Teams handling of take / ask / close, against
// an in-process Graph (token endpoint + paging). A case action never waits on Graph once a list is known.
import { afterEach, describe, expect, it } from 'vitest';
import { teamsConfigSchema } from '../../../src/channels/teams/config.js';
import { FakeGraph } from './fake-graph.js';
import { APP_ID, TENANT, startHarness, type Harness } from './harness.js';
import { CONTACT_AAD, CONTACT_TEAMS_ID, escalateAndDeliver, execute } from './people.js';

const GROUP = '0a1b2c3d-0000-4e5f-8a9b-00000000c0de';
const TEAMMATE = { id: '29:teammate-tom', aad: '6c0b1f3e-5555-4d2a-9a7e-000000000005', name: 'Tom Teammate' };
const CONTACT = { id: CONTACT_TEAMS_ID, aad: CONTACT_AAD, name: 'Carla Contact' };
const OTHERS = ['11111111-0000-4000-8000-000000000001', '11111111-0000-4000-8000-000000000002', '11111111-0000-4000-8000-000000000003'];
const MINUTE = 60_000;

let h: Harness | undefined;
let graph: FakeGraph | undefined;
afterEach(async () => {
  await h?.close();
  await graph?.stop();
  h = undefined;
  graph = undefined;
});

async function start(members: string[], clock = { offset: 0 }): Promise<{ h: Harness; graph: FakeGraph }> {
  graph = new FakeGraph({ tenantId: TENANT, clientId: APP_ID, clientSecret: 'secret' });
  await graph.start();
  // A nested group counts with its members (transitiveMembers lists both); only user ids ever match a click.
  graph.groups.set(GROUP, [...members.map((id) => ({ id, type: 'user' as const })), { id: '22222222-0000-4000-8000-00000000000a', type: 'group' }]);
  h = await startHarness(
    {
      TEAMS_CONTACT_POINT_ACCESS: 'group',
      TEAMS_CONTACT_POINT_GROUP: GROUP,
      TEAMS_CONTACT_POINT_GROUP_TTL_MINUTES: '15',
      MicrosoftAppTenantId: TENANT,
      GRAPH_API_URL: graph.url,
      GRAPH_LOGIN_URL: graph.url,
    },
    { now: () => Date.now() + clock.offset },
  );
  return { h, graph };
}

const logsOfKind = (x: Harness, kind: string) => x.logs.filter((l) => l['kind'] === kind);

describe('an Entra ID group as the contact points (TEAMS_CONTACT_POINT_ACCESS=group)', () => {
  it('lets a member of the group (on the second page) take, ask and close; refuses a channel member outside the group', async () => {
    const { h, graph } = await start([...OTHERS, CONTACT_AAD]);
    // Tom is in the contact-point channel, but not in the group.
    const c = await escalateAndDeliver(h, { channelMembers: [CONTACT_TEAMS_ID, TEAMMATE.id] });

    const refused = await execute(h, 'Take case', {}, TEAMMATE);
    expect(refused.type).toBe('application/vnd.microsoft.activity.message');
    expect((await h.cases.get(c.id))?.status).toBe('open');

    expect((await execute(h, 'Take case', {}, CONTACT)).status).toBe(200);
    expect(await h.cases.get(c.id)).toMatchObject({ status: 'taken', assignee: { id: CONTACT_AAD } });
    await execute(h, 'Send question', { caseQuestion: 'Which components?' }, CONTACT);
    expect((await h.cases.get(c.id))?.status).toBe('awaiting-info');
    await execute(h, 'Close case', { caseAdvice: 'No export licence needed.' }, CONTACT);
    expect((await h.cases.get(c.id))?.status).toBe('closed');

    // Graph was asked with the app's client-credentials token, every page followed (5 members, 2 a page), once.
    const token = graph.calls.find((x) => x.form);
    expect(token?.form).toMatchObject({ grant_type: 'client_credentials', client_id: APP_ID, scope: `${graph.url}/.default` });
    expect(graph.memberCalls().map((x) => x.path)).toEqual([
      `/v1.0/groups/${GROUP}/transitiveMembers?$select=id`,
      `/v1.0/groups/${GROUP}/transitiveMembers?$select=id&$skiptoken=2`,
      `/v1.0/groups/${GROUP}/transitiveMembers?$select=id&$skiptoken=4`,
    ]);
    expect(graph.memberCalls().every((x) => x.authorization === 'Bearer graph-token-1')).toBe(true);
    // The channel's roster is not what counts.
    expect(h.cloud.calls.some((x) => x.path.includes('/members/'))).toBe(false);
  });

  it('answers from the last known list while Graph is slow or failing, and logs the failure without any text', async () => {
    const clock = { offset: 0 };
    const { h, graph } = await start([CONTACT_AAD], clock);
    const c = await escalateAndDeliver(h);
    await execute(h, 'Take case', {}, CONTACT);
    expect((await h.cases.get(c.id))?.status).toBe('taken');
    const readsAfterFirst = graph.memberCalls().length;

    // The list is stale and Graph hangs: the click is answered from the cached list at once.
    clock.offset += 16 * MINUTE;
    graph.hold();
    await execute(h, 'Send question', { caseQuestion: 'Which components?' }, CONTACT);
    expect((await h.cases.get(c.id))?.status).toBe('awaiting-info');
    await waitFor(() => graph.memberCalls().length > readsAfterFirst);

    // Graph now fails: the last known list stays, and the failure is logged.
    graph.failWith = 503;
    graph.release();
    await waitFor(() => logsOfKind(h, 'teams-contact-group-failed').length > 0);
    expect(logsOfKind(h, 'teams-contact-group-failed')[0]).toMatchObject({ step: 'members', status: 503, kept: 2 });
    await execute(h, 'Close case', { caseAdvice: 'No export licence needed.' }, CONTACT);
    expect((await h.cases.get(c.id))?.status).toBe('closed');
    expect(JSON.stringify(h.logs)).not.toContain('No export licence needed.');
    expect(JSON.stringify(h.logs)).not.toContain('Which components?');
  });

  it('follows the group: someone removed from it is refused once the list has been read again', async () => {
    const clock = { offset: 0 };
    const { h, graph } = await start([CONTACT_AAD, TEAMMATE.aad], clock);
    const c = await escalateAndDeliver(h, { channelMembers: [CONTACT_TEAMS_ID, TEAMMATE.id] });
    await waitFor(() => logsOfKind(h, 'teams-contact-group').length > 0);
    graph.groups.set(GROUP, [{ id: CONTACT_AAD, type: 'user' }]);

    // Within the TTL the cached list holds; after it, the click that finds it stale still gets the old answer
    // (it never waits on Graph) and starts the refresh.
    clock.offset += 16 * MINUTE;
    const reads = logsOfKind(h, 'teams-contact-group').length;
    const stale = await execute(h, 'Close case', { caseAdvice: 'Fine.' }, TEAMMATE);
    expect(stale.type).toBe('application/vnd.microsoft.card.adaptive');
    expect((await h.cases.get(c.id))?.status).toBe('closed');
    await waitFor(() => logsOfKind(h, 'teams-contact-group').length > reads);
    expect(logsOfKind(h, 'teams-contact-group').at(-1)).toMatchObject({ members: 1 });

    const second = await escalateAndDeliver(h, { channelMembers: [CONTACT_TEAMS_ID, TEAMMATE.id] });
    const refused = await execute(h, 'Take case', {}, TEAMMATE);
    expect(refused.type).toBe('application/vnd.microsoft.activity.message');
    expect((await h.cases.get(second.id))?.status).toBe('open');
  });

  it('refuses to start without the group id, the tenant or a client secret', () => {
    const result = teamsConfigSchema.safeParse({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', TEAMS_CONTACT_POINT_ACCESS: 'group' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['MicrosoftAppPassword', 'MicrosoftAppTenantId', 'TEAMS_CONTACT_POINT_GROUP']);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
