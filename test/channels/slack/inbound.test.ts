// Every inbound kind through Bolt's real event path: DM, mention, slash command, buttons, modal, App Home.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE, createHarness, type Harness } from './harness.js';

type Blocks = Array<Record<string, unknown>>;

function blocksOf(args: Record<string, unknown>): Blocks {
  return (args['blocks'] ?? []) as Blocks;
}

function buttons(blocks: Blocks): Array<{ action_id: string; value: string; text: { text: string } }> {
  return blocks
    .filter((b) => b['type'] === 'actions')
    .flatMap((b) => b['elements'] as Array<{ action_id: string; value: string; text: { text: string } }>);
}

/** A JSON string's content, ready to drop between quotes in a fixture. */
function jsonInner(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

describe('Slack inbound', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers a DM with Block Kit: the question, a button per choice, the form button and the typing hint', async () => {
    await h.postEvent('event-message-im.json');
    const [post] = await h.api.waitFor('chat.postMessage');
    expect(post?.args['channel']).toBe('D0RESEARCH');
    expect(post?.args['thread_ts']).toBeUndefined();
    const turn = h.handled[0];
    expect(turn?.conversationKey).toBe('slack:T0RSA:D0RESEARCH:U0RESEARCH');
    expect(turn?.address).toMatchObject({ team: 'T0RSA', channel: 'D0RESEARCH', user: 'U0RESEARCH' });
    // The engine gets plain text: Slack's entities decoded.
    expect(turn?.input).toEqual({ type: 'text', text: `We want to work with HIT ${HOSTILE}` });
    const blocks = blocksOf(post!.args);
    const all = buttons(blocks);
    expect(all.map((b) => b.text.text)).toEqual(['Enter the details', 'Yes', 'No']);
    expect(JSON.parse(all[1]!.value)).toEqual({ v: 'yes', s: 'ask-partner' });
    expect(JSON.stringify(blocks)).toContain("the partner's name");
  });

  it('escapes everything the user typed, so <!channel> and <@U…> never ping', async () => {
    await h.postEvent('event-message-im.json');
    const [post] = await h.api.waitFor('chat.postMessage');
    const sent = JSON.stringify(post!.args);
    expect(sent).not.toContain('<!channel>');
    expect(sent).not.toContain('<@U0BOSS>');
    expect(sent).toContain('&lt;!channel&gt; &amp; &lt;@U0BOSS&gt;');
    // The engine's own "&" is escaped too.
    expect(sent).toContain('Universities &amp; institutes count.');
  });

  it('ignores the bot\'s own messages and other subtypes', async () => {
    await h.postEvent('event-message-bot.json');
    await h.settle();
    expect(h.handled).toHaveLength(0);
  });

  it('answers an @mention in the thread of the mention', async () => {
    await h.postEvent('event-app-mention.json');
    const [post] = await h.api.waitFor('chat.postMessage');
    expect(post?.args['channel']).toBe('C0GENERAL');
    expect(post?.args['thread_ts']).toBe('1741600100.000400');
    expect(h.handled[0]?.conversationKey).toBe('slack:T0RSA:C0GENERAL:1741600100.000400');
    expect(h.handled[0]?.input).toEqual({ type: 'text', text: 'we host a visiting researcher from HIT' });
  });

  it('runs /research-security with text in the DM and tells the user so, ephemerally', async () => {
    const res = await h.postCommand('command-research-security.json', { TEXT: 'visiting researcher from HIT' });
    expect(res.status).toBe(200);
    const [post] = await h.api.waitFor('chat.postMessage');
    expect(post?.args['channel']).toBe('D0RESEARCH');
    expect(h.handled[0]?.input).toEqual({ type: 'text', text: 'visiting researcher from HIT' });
    await h.settle();
    expect(h.api.responses[0]?.body).toMatchObject({ response_type: 'ephemeral', text: "I've answered you in our direct messages." });
  });

  it('shows the playbook menu for /research-security without text', async () => {
    await h.postCommand('command-research-security.json', { TEXT: '' });
    const [post] = await h.api.waitFor('chat.postMessage');
    const starts = buttons(blocksOf(post!.args));
    expect(starts.map((b) => b.value).sort()).toEqual([...h.content.playbooks.keys()].sort());
    expect(h.handled).toHaveLength(0);
  });

  it('turns a choice button into an engine action with its step, and marks the choice on the message', async () => {
    await h.postEvent('event-message-im.json');
    await h.api.waitFor('chat.postMessage');
    const messageTs = h.api.channels.get('D0RESEARCH')?.[0]?.ts ?? '';
    const res = await h.postPayload('block-actions-choice.json', {
      MESSAGE_TS: messageTs,
      ACTION_ID: 'rsa_choice:0',
      BLOCK_ID: 'b-yes',
      LABEL: 'Yes',
      VALUE: jsonInner(JSON.stringify({ v: 'yes', s: 'ask-partner' })),
    });
    expect(res.status).toBe(200);
    await h.api.waitFor('chat.postMessage', 2);
    expect(h.handled[1]?.input).toEqual({ type: 'action', value: 'yes', step: 'ask-partner' });
    expect(h.handled[1]?.conversationKey).toBe(h.handled[0]?.conversationKey);
    const [update] = await h.api.waitFor('chat.update');
    expect(update?.args['ts']).toBe(messageTs);
    expect(JSON.stringify(update?.args['blocks'])).toContain('→ *Yes*');
    // The outcome: risk, flags, screening, steps and sources, then the confirm menu.
    const outcome = JSON.stringify(h.api.callsTo('chat.postMessage')[1]?.args['blocks']);
    for (const part of ['Risk: High risk', 'Seven Sons university', 'Harbin Institute of Technology', 'vlir-reporting', 'Yes, send it']) {
      expect(outcome).toContain(part);
    }
  });

  it('ignores a choice button whose value was tampered with', async () => {
    await h.postPayload('block-actions-choice.json', {
      MESSAGE_TS: '1741600000.000900',
      ACTION_ID: 'rsa_choice:0',
      BLOCK_ID: 'b1',
      LABEL: 'Yes',
      VALUE: 'not json',
    });
    await h.settle();
    expect(h.handled).toHaveLength(0);
  });

  it('opens the details modal and feeds its submission to the conversation as text', async () => {
    await h.postPayload('block-actions-choice.json', {
      MESSAGE_TS: '1741600000.000900',
      ACTION_ID: 'rsa_form',
      BLOCK_ID: 'b1',
      LABEL: 'Enter the details',
      VALUE: jsonInner(JSON.stringify({ s: 'ask-partner', f: 'partnerDetails', l: "The partner's details" })),
    });
    const [open] = await h.api.waitFor('views.open');
    const view = open?.args['view'] as { callback_id: string; private_metadata: string; blocks: Blocks };
    expect(view.callback_id).toBe('rsa_view_form');
    expect(JSON.stringify(view.blocks)).toContain("The partner's details");
    await h.postPayload('view-submission.json', {
      USER: 'U0RESEARCH',
      CALLBACK: 'rsa_view_form',
      META: jsonInner(view.private_metadata),
      TEXT: 'Harbin Institute of Technology, China',
    });
    await h.api.waitFor('chat.postMessage');
    expect(h.handled[0]?.input).toEqual({ type: 'text', text: 'Harbin Institute of Technology, China' });
    expect(h.handled[0]?.conversationKey).toBe('slack:T0RSA:D0RESEARCH:U0RESEARCH');
  });

  it('starts a playbook from the App Home in the user\'s DM', async () => {
    await h.postPayload('block-actions-home-start.json', { PLAYBOOK: 'sensitive-tech-partner' });
    const [post] = await h.api.waitFor('chat.postMessage');
    expect(h.api.callsTo('conversations.open')[0]?.args['users']).toBe('U0RESEARCH');
    expect(post?.args['channel']).toBe('D0RESEARCH');
    expect(h.handled[0]?.input).toEqual({ type: 'start', playbook: 'sensitive-tech-partner' });
  });

  it('publishes the App Home with a start button per playbook and the user\'s own cases', async () => {
    await h.postEvent('event-message-im-reply.json', { EVENT_ID: 'Ev0CONFIRM', TEXT: 'confirm' });
    await h.api.waitFor('chat.postMessage');
    const [created] = await h.store.listCases({ researcherId: 'U0RESEARCH' });
    expect(created).toBeDefined();
    await h.postEvent('event-app-home-opened.json', { EVENT_ID: 'Ev0HOME01' });
    const [publish] = await h.api.waitFor('views.publish');
    expect(publish?.args['user_id']).toBe('U0RESEARCH');
    const view = publish?.args['view'] as { type: string; blocks: Blocks };
    expect(view.type).toBe('home');
    const starts = view.blocks.flatMap((b) => (b['accessory'] ? [b['accessory'] as { value: string }] : []));
    expect(starts.map((s) => s.value).sort()).toEqual([...h.content.playbooks.keys()].sort());
    const text = JSON.stringify(view.blocks);
    for (const p of h.content.playbooks.values()) expect(text).toContain(p.title.en.replace(/&/g, '&amp;'));
    expect(text).toContain(created!.ref);
    expect(text).toContain('open');
  });
});
