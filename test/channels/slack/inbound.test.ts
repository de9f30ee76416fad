// Every inbound kind through Bolt's real event path, answered by the real engine: DM, mention, slash command,
// buttons, the details modal, App Home.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE, createHarness, type Harness } from './harness.js';
import { DM, DRONE_QUESTION, RESEARCHER, click, escalateDroneCase, messagesIn, submitModal, typeDm } from './researcher.js';

type Blocks = Array<Record<string, unknown>>;
type Button = { action_id: string; value: string; text: { text: string } };

function blocksOf(args: Record<string, unknown> | undefined): Blocks {
  return (args?.['blocks'] ?? []) as Blocks;
}

function buttons(blocks: Blocks): Button[] {
  return blocks.filter((b) => b['type'] === 'actions').flatMap((b) => b['elements'] as Button[]);
}

describe('Slack inbound', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    expect(h.problems()).toEqual([]);
    await h.close();
  });

  it('answers a DM with Block Kit: the question, its choices, the form button and the typing hint', async () => {
    await typeDm(h, DRONE_QUESTION);
    const turn = h.handled[0];
    expect(turn?.conversationKey).toBe('slack:T0RSA:D0RESEARCH:U0RESEARCH');
    expect(turn?.address).toMatchObject({ team: 'T0RSA', channel: DM, user: RESEARCHER });
    expect(turn?.input).toEqual({ type: 'text', text: DRONE_QUESTION });
    const [post] = h.api.callsTo('chat.postMessage');
    expect(post?.args['channel']).toBe(DM);
    expect(post?.args['thread_ts']).toBeUndefined();
    const blocks = blocksOf(post?.args);
    const text = JSON.stringify(blocks);
    // The engine asks for the partner's name: a free-text question with a form and an "I'm not sure" choice.
    const question = h.results[0]?.replies.find((r) => r.kind === 'question');
    if (question?.kind !== 'question') throw new Error('the engine asked no question');
    expect(question.step).toBe('ask-partner-name');
    expect(text).toContain(`*${question.text}*`);
    const all = buttons(blocks);
    expect(all.map((b) => b.text.text)).toEqual(['Enter the details', ...question.choices.map((c) => c.label)]);
    expect(all.slice(1).map((b) => JSON.parse(b.value) as unknown)).toEqual(question.choices.map((c) => ({ v: c.value, s: 'ask-partner-name' })));
    expect(JSON.parse(all[0]!.value)).toMatchObject({ s: 'ask-partner-name', f: 'partnerName' });
    expect(text).toContain(`You can also type your answer: ${question.typeHint ?? '?'}.`);
  });

  it('decodes Slack entities for the engine and escapes everything it sends back, so <!channel> never pings', async () => {
    await h.postEvent('event-message-im.json');
    await h.waitForTurns(1);
    // The engine gets plain text: Slack's entities decoded.
    expect(h.handled[0]?.input).toEqual({ type: 'text', text: `We want to work with HIT ${HOSTILE}` });
    await typeDm(h, `Harbin Institute of Technology ${HOSTILE}`);
    const sent = JSON.stringify(h.api.callsTo('chat.postMessage').map((c) => c.args));
    expect(sent).not.toContain('<!channel>');
    expect(sent).not.toContain('<@U0BOSS>');
    // Whatever the engine echoed of it arrives escaped.
    const echoed = JSON.stringify(h.results.map((r) => r.replies)).includes('<!channel>');
    if (echoed) expect(sent).toContain('&lt;!channel&gt; &amp; &lt;@U0BOSS&gt;');
  });

  it("ignores the bot's own messages and other subtypes", async () => {
    await h.postEvent('event-message-bot.json');
    await h.settle();
    expect(h.handled).toHaveLength(0);
  });

  it('answers an @mention in the thread of the mention', async () => {
    await h.postEvent('event-app-mention.json');
    await h.waitForTurns(1);
    const [post] = h.api.callsTo('chat.postMessage');
    expect(post?.args['channel']).toBe('C0GENERAL');
    expect(post?.args['thread_ts']).toBe('1741600100.000400');
    expect(h.handled[0]?.conversationKey).toBe('slack:T0RSA:C0GENERAL:1741600100.000400');
    expect(h.handled[0]?.input).toEqual({ type: 'text', text: 'we host a visiting researcher from HIT' });
    // The engine's answer went to that thread.
    expect(h.results[0]?.replies.length).toBeGreaterThan(0);
    expect(h.api.callsTo('chat.postMessage').every((c) => c.args['thread_ts'] === '1741600100.000400')).toBe(true);
  });

  it('runs /research-security with text in the DM and tells the user so, ephemerally', async () => {
    const res = await h.postCommand('command-research-security.json', { TEXT: 'visiting researcher from HIT' });
    expect(res.status).toBe(200);
    await h.waitForTurns(1);
    const [post] = h.api.callsTo('chat.postMessage');
    expect(post?.args['channel']).toBe(DM);
    expect(h.handled[0]?.input).toEqual({ type: 'text', text: 'visiting researcher from HIT' });
    await h.settle();
    expect(h.api.responses[0]?.body).toMatchObject({ response_type: 'ephemeral', text: "I've answered you in our direct messages." });
  });

  it('shows the playbook menu for /research-security without text', async () => {
    await h.postCommand('command-research-security.json', { TEXT: '' });
    const [post] = await h.api.waitFor('chat.postMessage');
    const starts = buttons(blocksOf(post?.args));
    expect(starts.map((b) => b.value).sort()).toEqual([...h.content.playbooks.keys()].sort());
    expect(h.handled).toHaveLength(0);
  });

  it('turns a choice button into an engine action with its step, marks the choice, and asks the next question', async () => {
    await typeDm(h, DRONE_QUESTION);
    await typeDm(h, 'Harbin Institute of Technology');
    const clicked = await click(h, DM, 'Yes, listed items are involved');
    expect(h.handled.at(-1)?.input).toEqual({ type: 'action', value: 'answer:yes', step: 'ask-dual-use' });
    expect(h.handled.at(-1)?.conversationKey).toBe(h.handled[0]?.conversationKey);
    const update = h.api.callsTo('chat.update').at(-1);
    expect(update?.args['ts']).toBe(clicked.ts);
    const marked = JSON.stringify(update?.args['blocks']);
    expect(marked).toContain('→ *Yes, listed items are involved*');
    expect(marked).not.toContain('"type":"actions"'); // the row is gone: the same question cannot be answered twice
    expect(JSON.stringify(messagesIn(h, DM).at(-1))).toContain('How far from application is the work?');
  });

  it('ignores a click on an answer of a question that was already answered', async () => {
    await typeDm(h, DRONE_QUESTION);
    await typeDm(h, 'Harbin Institute of Technology');
    const question = structuredClone(messagesIn(h, DM).at(-1));
    await click(h, DM, 'Yes, listed items are involved');
    const state = h.results.at(-1)?.state;
    await click(h, DM, 'No, nothing listed', RESEARCHER, { message: question });
    expect(h.results.at(-1)?.state.facts['dualUse']).toBe('yes');
    expect(h.results.at(-1)?.state.step).toBe(state?.step);
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

  it("opens the details modal and feeds its submission to the conversation as the partner's name", async () => {
    await typeDm(h, DRONE_QUESTION);
    await click(h, DM, 'Enter the details', RESEARCHER, { turn: false });
    const [open] = h.api.callsTo('views.open');
    const view = open?.args['view'] as { callback_id: string; blocks: Blocks };
    expect(view.callback_id).toBe('rsa_view_form');
    expect(JSON.stringify(view.blocks)).toContain("Partner's name");
    // Nobody else can submit it for the researcher.
    await submitModal(h, 'U0SOMEONE', 'Some other name');
    expect(h.handled).toHaveLength(1);
    const before = h.turnsAnswered();
    await submitModal(h, RESEARCHER, 'Harbin Institute of Technology');
    await h.waitForTurns(before + 1);
    expect(h.handled.at(-1)?.input).toEqual({ type: 'text', text: 'Harbin Institute of Technology' });
    expect(h.handled.at(-1)?.conversationKey).toBe('slack:T0RSA:D0RESEARCH:U0RESEARCH');
    const state = h.results.at(-1)?.state;
    expect(state?.facts['partnerName']).toBe('Harbin Institute of Technology');
    expect(state?.screening.map((s) => s.list)).toContain('seven-sons');
  });

  it("starts a playbook from the App Home in the user's DM", async () => {
    await h.postPayload('block-actions-home-start.json', { PLAYBOOK: 'sensitive-tech-partner' });
    await h.waitForTurns(1);
    const [post] = h.api.callsTo('chat.postMessage');
    expect(h.api.callsTo('conversations.open')[0]?.args['users']).toBe(RESEARCHER);
    expect(post?.args['channel']).toBe(DM);
    expect(h.handled[0]?.input).toEqual({ type: 'start', playbook: 'sensitive-tech-partner' });
    expect(h.results[0]?.state.playbook?.id).toBe('sensitive-tech-partner');
    expect(buttons(blocksOf(post?.args)).length).toBeGreaterThan(0);
  });

  it("publishes the App Home with a start button per playbook and the user's own cases", async () => {
    const created = await escalateDroneCase(h);
    await h.postEvent('event-app-home-opened.json', { EVENT_ID: 'Ev0HOME01' });
    const [publish] = await h.api.waitFor('views.publish');
    expect(publish?.args['user_id']).toBe(RESEARCHER);
    const view = publish?.args['view'] as { type: string; blocks: Blocks };
    expect(view.type).toBe('home');
    const starts = view.blocks.flatMap((b) => (b['accessory'] ? [b['accessory'] as { value: string }] : []));
    expect(starts.map((s) => s.value).sort()).toEqual([...h.content.playbooks.keys()].sort());
    const text = JSON.stringify(view.blocks);
    for (const p of h.content.playbooks.values()) expect(text).toContain(p.title.en.replace(/&/g, '&amp;'));
    expect(text).toContain(created.ref);
    expect(text).toContain('open');
  });
});
