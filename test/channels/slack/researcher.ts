// What a researcher and a contact point do in Slack, as Slack would send it: DMs as message.im events, button
// clicks as block_actions built from the blocks the app actually posted (Slack echoes the message and the
// clicked element), modal submissions as view_submission. Every step waits until the app has answered.
import { expect } from 'vitest';
import type { CaseRecord } from '../../../src/store/types.js';
import type { StoredMessage } from './fake-slack-api.js';
import { CONTACT_CHANNEL, TEAM, fixture, type Harness } from './harness.js';

export const RESEARCHER = 'U0RESEARCH';
export const DM = 'D0RESEARCH';
export const DRONE_QUESTION = 'I want to collaborate on drone technology with a university in China. Is that possible?';
/** A Seven Sons university, with text that would ping the whole channel if it reached Slack unescaped. */
export const HOSTILE_PARTNER = 'Beihang University (<!channel> & <@U0BOSS>)';
export const HOSTILE_PARTNER_ESCAPED = 'Beihang University (&lt;!channel&gt; &amp; &lt;@U0BOSS&gt;)';

interface Button {
  type: string;
  action_id: string;
  value: string;
  text: { type: string; text: string };
}

let sequence = 0;

/** How Slack puts typed text into a message event: &, < and > as entities. */
function slackEncoded(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function buttonsOf(message: StoredMessage): Array<{ blockId: string; button: Button }> {
  const blocks = (message.blocks ?? []) as Array<{ type: string; block_id?: string; elements?: Button[] }>;
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => (b.elements ?? []).map((button) => ({ blockId: b.block_id ?? '', button })));
}

export function messagesIn(h: Harness, channel: string): StoredMessage[] {
  return h.api.channels.get(channel) ?? [];
}

/** Everything posted to a channel after the first `from` messages, as one JSON text. */
export function textSince(h: Harness, channel: string, from: number): string {
  return JSON.stringify(messagesIn(h, channel).slice(from));
}

/** The researcher types a direct message. */
export async function typeDm(h: Harness, text: string): Promise<void> {
  sequence += 1;
  const event = JSON.parse(fixture('event-message-im.json', { TEAM, EVENT_ID: `Ev0TYPED${sequence}` })) as {
    event: { text: string; ts: string; event_ts: string; client_msg_id: string; blocks: Array<{ elements: Array<{ elements: Array<{ text: string }> }> }> };
  };
  const ts = `1741700000.${String(sequence).padStart(6, '0')}`;
  event.event.text = slackEncoded(text);
  event.event.ts = ts;
  event.event.event_ts = ts;
  event.event.client_msg_id = `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
  const section = event.event.blocks[0]?.elements[0]?.elements[0];
  if (section) section.text = text;
  const before = h.turnsAnswered();
  const res = await h.post(JSON.stringify(event), 'application/json');
  expect(res.status).toBe(200);
  await h.waitForTurns(before + 1);
}

/**
 * Clicks the button with this label in the newest message of `channel` that has one, as `user`.
 * Returns after the app has handled the click (a researcher's click answers with a turn).
 */
export async function click(
  h: Harness,
  channel: string,
  label: string,
  user = RESEARCHER,
  options: { turn?: boolean; message?: StoredMessage | undefined } = {},
): Promise<StoredMessage> {
  // `message`: a copy of a message as someone saw it before it changed (a stale card).
  const messages = options.message ? [options.message] : [...messagesIn(h, channel)].reverse();
  const message = messages.find((m) => buttonsOf(m).some((b) => b.button.text.text === label));
  const found = message ? buttonsOf(message).find((b) => b.button.text.text === label) : undefined;
  if (!message || !found) {
    const offered = messages.slice(0, 3).flatMap((m) => buttonsOf(m).map((b) => b.button.text.text));
    throw new Error(`no button "${label}" in ${channel}; the newest offer ${JSON.stringify(offered)}`);
  }
  sequence += 1;
  const payload = JSON.parse(
    fixture('block-actions-choice.json', {
      MESSAGE_TS: message.ts,
      ACTION_ID: 'x',
      BLOCK_ID: 'x',
      LABEL: 'x',
      VALUE: 'x',
      RESPONSE_URL: `${h.api.url}/response/${sequence}`,
    }),
  ) as Record<string, unknown> & { user: Record<string, unknown>; channel: Record<string, unknown>; container: Record<string, unknown> };
  payload.user = { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM };
  payload.channel = { id: channel, name: channel.startsWith('D') ? 'directmessage' : 'research-security' };
  payload.container = { type: 'message', message_ts: message.ts, channel_id: channel, is_ephemeral: false };
  payload.trigger_id = `trigger-${sequence}`;
  payload.message = {
    user: 'U0BOT',
    type: 'message',
    ts: message.ts,
    bot_id: 'B0BOT',
    text: message.text,
    blocks: message.blocks,
    ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
  };
  payload.actions = [{ ...found.button, block_id: found.blockId, action_ts: `1741700400.${String(sequence).padStart(6, '0')}` }];
  const turn = options.turn ?? channel === DM;
  const before = h.turnsAnswered();
  const res = await h.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
  expect(res.status).toBe(200);
  if (turn) await h.waitForTurns(before + 1);
  else await h.settle(100);
  return message;
}

/** Submits the newest modal the app opened, typing `text` into it, as `user`. */
export async function submitModal(h: Harness, user: string, text: string): Promise<Response> {
  const open = h.api.callsTo('views.open').at(-1);
  const view = open?.args['view'] as { callback_id: string; private_metadata: string } | undefined;
  if (!view) throw new Error('no modal was opened');
  const payload = JSON.parse(fixture('view-submission.json', { USER: user, CALLBACK: view.callback_id, META: 'x', TEXT: 'x' })) as {
    view: { private_metadata: string; state: { values: { rsa_input: { rsa_text: { value: string } } } } };
  };
  payload.view.private_metadata = view.private_metadata;
  payload.view.state.values.rsa_input.rsa_text.value = text;
  const res = await h.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
  await h.settle(100);
  return res;
}

/** Runs the outbox worker until nothing is due; returns how many jobs it delivered. */
export async function deliverAll(h: Harness): Promise<number> {
  let total = 0;
  for (let round = 0; round < 10; round++) {
    const handled = await h.worker.runOnce();
    total += handled;
    if (handled === 0) break;
  }
  return total;
}

/**
 * The drone question from the first DM to a sent case: typed and clicked answers, the institution, the
 * confirmation. Returns the case as stored; nothing is delivered yet.
 */
export async function escalateDroneCase(h: Harness): Promise<CaseRecord> {
  await typeDm(h, DRONE_QUESTION);
  await typeDm(h, HOSTILE_PARTNER); // the partner's name, typed
  await click(h, DM, 'Yes, listed items are involved');
  await typeDm(h, 'applied research'); // TRL, typed
  await click(h, DM, 'No, not as far as I can find'); // human rights
  await click(h, DM, 'Data, software, designs or know-how');
  // A Seven Sons partner: whether an agreement is signed and who funds it decide the Seven Sons rules.
  await click(h, DM, 'No, only between researchers');
  await click(h, DM, 'Another funder, or our own budget');
  await click(h, DM, 'Send to my contact point');
  await click(h, DM, 'UHasselt');
  await click(h, DM, 'Yes, send it');
  const [item] = await h.store.listCases({ researcherId: RESEARCHER });
  if (!item) throw new Error(`no case was created; the DM shows ${textSince(h, DM, -2)}`);
  const c = await h.store.getCase(item.id);
  if (!c) throw new Error('case vanished');
  return c;
}

/** Escalates and delivers: the card is in the contact-point channel. */
export async function escalateAndDeliver(h: Harness): Promise<{ c: CaseRecord; cardTs: string }> {
  const c = await escalateDroneCase(h);
  await deliverAll(h);
  const card = messagesIn(h, CONTACT_CHANNEL).find((m) => !m.thread_ts);
  if (!card) throw new Error('the card was not posted');
  return { c, cardTs: card.ts };
}
