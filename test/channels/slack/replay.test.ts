// A signed slash command, button click or form submission sent again within the five-minute signature window
// (a replay) is acked but not handled a second time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, fixture, type Harness } from './harness.js';
import { DM, DRONE_QUESTION, RESEARCHER, messagesIn, typeDm } from './researcher.js';

describe('Slack replays', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    expect(h.problems()).toEqual([]);
    await h.close();
  });

  /** Sends exactly the same signed request twice. */
  async function twice(body: string): Promise<number[]> {
    const first = await h.post(body, 'application/x-www-form-urlencoded');
    await h.settle();
    const again = await h.post(body, 'application/x-www-form-urlencoded');
    await h.settle();
    return [first.status, again.status];
  }

  it('handles a replayed slash command once', async () => {
    const fields = JSON.parse(
      fixture('command-research-security.json', { TEXT: 'visiting researcher from HIT', RESPONSE_URL: `${h.api.url}/response/1`, TEAM: 'T0RSA' }),
    ) as Record<string, string>;
    expect(await twice(new URLSearchParams(fields).toString())).toEqual([200, 200]);
    expect(h.handled).toHaveLength(1);
  });

  it('handles a replayed button click once', async () => {
    await typeDm(h, DRONE_QUESTION);
    await typeDm(h, 'Harbin Institute of Technology');
    const message = messagesIn(h, DM).at(-1);
    const blocks = (message?.blocks ?? []) as Array<{
      type: string;
      block_id: string;
      elements?: Array<{ action_id: string; value: string; text: { text: string } }>;
    }>;
    const row = blocks.find((b) => b.type === 'actions' && b.elements?.some((e) => e.action_id.startsWith('rsa_choice')));
    const button = row?.elements?.find((e) => e.action_id.startsWith('rsa_choice'));
    if (!row || !button || !message) throw new Error('no choice button');
    const payload = JSON.parse(
      fixture('block-actions-choice.json', {
        TEAM: 'T0RSA',
        RESPONSE_URL: `${h.api.url}/response/2`,
        MESSAGE_TS: message.ts,
        ACTION_ID: button.action_id,
        BLOCK_ID: row.block_id,
        LABEL: button.text.text,
        VALUE: button.value.replace(/"/g, '\\"'),
      }),
    ) as Record<string, unknown>;
    payload['user'] = { id: RESEARCHER, username: 'researcher', name: 'researcher', team_id: 'T0RSA' };
    const before = h.handled.length;
    expect(await twice(new URLSearchParams({ payload: JSON.stringify(payload) }).toString())).toEqual([200, 200]);
    expect(h.handled.length - before).toBe(1);
  });
});
