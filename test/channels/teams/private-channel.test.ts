// The contact-point channel may be private (or shared): only its own members, or configured contact points, may
// take, ask about or close a case there, even if other members of the team see the team.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { CONTACT_AAD, CONTACT_TEAMS_ID, escalateAndDeliver, execute } from './people.js';

const TEAMMATE = { id: '29:teammate-tom', aad: '6c0b1f3e-5555-4d2a-9a7e-000000000005', name: 'Tom Teammate' };

let h: Harness;
afterEach(async () => {
  await h.close();
});

describe('a private contact-point channel', () => {
  it('refuses a member of the team who is not a member of the private channel', async () => {
    h = await startHarness();
    const c = await escalateAndDeliver(h, { channelMembers: [CONTACT_TEAMS_ID] });
    h.cloud.teams.set('19:contact-point-team@thread.tacv2', [CONTACT_TEAMS_ID, TEAMMATE.id]);
    const refused = await execute(h, 'Take case', {}, TEAMMATE);
    expect(refused.type).toBe('application/vnd.microsoft.activity.message');
    expect((await h.cases.get(c.id))?.status).toBe('open');
    // A member of the channel may.
    await execute(h, 'Take case');
    expect(await h.cases.get(c.id)).toMatchObject({ status: 'taken', assignee: { id: CONTACT_AAD } });
  });

  it("with TEAMS_CONTACT_POINT_ACCESS=list, a channel member outside the list is refused; the list's contact point may act", async () => {
    h = await startHarness({ TEAMS_CONTACT_POINT_ACCESS: 'list', TEAMS_CONTACT_POINT_USERS: TEAMMATE.aad });
    const c = await escalateAndDeliver(h, { channelMembers: [CONTACT_TEAMS_ID] });
    await execute(h, 'Take case');
    expect((await h.cases.get(c.id))?.status).toBe('open');
    await execute(h, 'Take case', {}, TEAMMATE);
    expect(await h.cases.get(c.id)).toMatchObject({ status: 'taken', assignee: { id: TEAMMATE.aad } });
    // The list needs no roster look-up.
    expect(h.cloud.calls.some((x) => x.path.includes('/members/'))).toBe(false);
  });
});
