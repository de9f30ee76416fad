// What a researcher and a contact point do in Teams, as Teams sends it: typed messages in the personal chat,
// Action.Submit clicks (a message activity whose value is the button's data, merged with the card's inputs
// when the button takes them), and Action.Execute invokes on the case card in the contact-point channel.
// Every activity goes through CloudAdapter with a signed channel token.
import { expect } from 'vitest';
import type { CaseRecord } from '../../../src/store/types.js';
import { CONTACT_CHANNEL_ID, CONTACT_TEAM_ID, type Harness } from './harness.js';

export const PERSONAL_CONVERSATION = 'a:1personal-conversation-with-rita';
export const RESEARCHER_AAD = '6c0b1f3e-1111-4d2a-9a7e-000000000001';
export const CONTACT_AAD = '6c0b1f3e-3333-4d2a-9a7e-000000000003';
export const CONTACT_TEAMS_ID = '29:1CoNtAcTpOiNt-carla';
const DRONE_QUESTION = 'I want to collaborate on drone technology with a university in China. Is that possible?';
export const PARTNER = 'Beihang University';

type Json = Record<string, unknown>;
export interface Card extends Json {
  type: 'AdaptiveCard';
  version: string;
  body: Json[];
  actions?: Json[];
}

export interface SentCard {
  conversationId: string;
  method: string;
  card: Card;
}

let sequence = 0;

function cardsOf(body: unknown): Card[] {
  const attachments = (body as { attachments?: Array<{ contentType: string; content: Card }> } | undefined)?.attachments ?? [];
  return attachments.filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content);
}

/** Every card the bot sent or replaced, in order, with the conversation it went to. */
export function sentCards(h: Harness): SentCard[] {
  const out: SentCard[] = [];
  for (const call of h.cloud.connectorCalls()) {
    if (call.path === '/teams/v3/conversations' && call.method === 'POST') {
      const params = call.body as { channelData?: { channel?: { id?: string } }; activity?: unknown };
      for (const card of cardsOf(params.activity)) out.push({ conversationId: params.channelData?.channel?.id ?? '', method: 'CREATE', card });
      continue;
    }
    const m = /^\/teams\/v3\/conversations\/([^/]+)\/activities/.exec(call.path);
    if (!m || (call.method !== 'POST' && call.method !== 'PUT')) continue;
    for (const card of cardsOf(call.body)) out.push({ conversationId: m[1] ?? '', method: call.method, card });
  }
  return out;
}

/** The text a user reads on the cards sent to a conversation (all of it, as one string). */
export function cardText(cards: SentCard[]): string {
  return JSON.stringify(cards.map((c) => c.card));
}

export function personalCards(h: Harness): SentCard[] {
  return sentCards(h).filter((c) => c.conversationId === PERSONAL_CONVERSATION);
}

function walk(value: unknown, visit: (node: Json) => void): void {
  if (Array.isArray(value)) value.forEach((v) => walk(v, visit));
  else if (value && typeof value === 'object') {
    visit(value as Json);
    Object.values(value).forEach((v) => walk(v, visit));
  }
}

/** The actions of a card (also those inside Action.ShowCard), in document order. */
export function actionsOf(card: Card): Json[] {
  const found: Json[] = [];
  walk(card, (node) => {
    if (typeof node['type'] === 'string' && String(node['type']).startsWith('Action.')) found.push(node);
  });
  return found;
}

function personalActivity(h: Harness, extra: Json): Json {
  sequence += 1;
  const base = h.fixture('personal-message');
  delete base['text'];
  return { ...base, id: `17420000${String(sequence).padStart(5, '0')}`, timestamp: new Date().toISOString(), ...extra };
}

async function send(h: Harness, activity: Json): Promise<void> {
  const turns = h.conversations.results.length;
  const res = await h.post(activity);
  expect(res.status).toBe(200);
  // CloudAdapter answers after the bot's turn, so its replies have been sent by now.
  expect(h.conversations.results.length).toBe(turns + 1);
}

/** The researcher types a message in the personal chat. */
export async function say(h: Harness, text: string): Promise<void> {
  await send(h, personalActivity(h, { text, textFormat: 'plain' }));
}

/** The researcher clicks the Action.Submit button with this title on the newest card that has it. */
export async function click(h: Harness, title: string): Promise<void> {
  for (const sent of [...personalCards(h)].reverse()) {
    const action = actionsOf(sent.card).find((a) => a['type'] === 'Action.Submit' && a['title'] === title);
    if (!action) continue;
    // associatedInputs "none": Teams sends the button's data alone.
    expect(action['associatedInputs']).toBe('none');
    await send(h, personalActivity(h, { value: action['data'], replyToId: '1741000000099' }));
    return;
  }
  const offered = personalCards(h)
    .slice(-3)
    .flatMap((c) => actionsOf(c.card).map((a) => a['title']));
  throw new Error(`no button "${title}"; the newest cards offer ${JSON.stringify(offered)}`);
}

/** The researcher types into the answer field of the newest question card and presses its Send button. */
async function typeIntoCard(h: Harness, text: string): Promise<void> {
  for (const sent of [...personalCards(h)].reverse()) {
    let field: string | undefined;
    walk(sent.card, (node) => {
      if (node['type'] === 'Input.Text' && typeof node['id'] === 'string') field = node['id'];
    });
    const action = actionsOf(sent.card).find((a) => a['type'] === 'Action.Submit' && (a['data'] as Json | undefined)?.['typed'] === true);
    if (!field || !action) continue;
    await send(h, personalActivity(h, { value: { ...(action['data'] as Json), [field]: text }, replyToId: '1741000000098' }));
    return;
  }
  throw new Error('no card with an answer field');
}

/** The researcher's whole conversation: the drone question, typed and clicked answers, institution, confirm. */
export async function escalateDroneCase(h: Harness): Promise<CaseRecord> {
  await say(h, DRONE_QUESTION);
  await typeIntoCard(h, PARTNER); // the partner's name, in the card's field
  await click(h, 'Yes, listed items are involved');
  await say(h, 'applied research'); // typed as a chat message
  await click(h, 'No, not as far as I can find');
  await click(h, 'Data, software, designs or know-how');
  // A Seven Sons partner: whether an agreement is signed and who funds it decide the Seven Sons rules.
  await click(h, 'No, only between researchers');
  await click(h, 'Another funder, or our own budget');
  await click(h, 'Send to my contact point');
  await click(h, 'UHasselt');
  await click(h, 'Yes, send it');
  const [item] = await h.store.listCases({ researcherId: RESEARCHER_AAD });
  if (!item) throw new Error(`no case; the last cards were ${cardText(personalCards(h).slice(-2))}`);
  const c = await h.store.getCase(item.id);
  if (!c) throw new Error('case vanished');
  return c;
}

/** Runs the outbox worker until nothing is due; returns how many jobs it handled. */
export async function deliverAll(h: Harness): Promise<number> {
  let total = 0;
  for (let round = 0; round < 10; round++) {
    const handled = await h.worker.runOnce();
    total += handled;
    if (handled === 0) break;
  }
  return total;
}

/** The case card as it now stands in the contact-point channel (the newest version: created or replaced). */
export function currentCaseCard(h: Harness): SentCard | undefined {
  return sentCards(h)
    .filter((c) => c.conversationId.startsWith(CONTACT_CHANNEL_ID) && (c.method === 'CREATE' || c.method === 'PUT'))
    .at(-1);
}

export interface InvokeResult {
  status: number;
  type?: string;
  card?: Card;
  message?: string;
}

/**
 * A contact point presses a case button (Action.Execute) on the card in the channel: Teams sends an
 * adaptiveCard/action invoke with the action's data merged with the inputs of its (show-)card.
 */
export async function execute(
  h: Harness,
  title: string,
  inputs: Json = {},
  who: { id: string; aad: string; name: string } = { id: CONTACT_TEAMS_ID, aad: CONTACT_AAD, name: 'Carla Contact' },
  card: Card | undefined = currentCaseCard(h)?.card,
): Promise<InvokeResult> {
  if (!card) throw new Error('no case card in the channel');
  const action = actionsOf(card).find((a) => a['type'] === 'Action.Execute' && a['title'] === title);
  if (!action) throw new Error(`no Action.Execute "${title}" on the card: ${JSON.stringify(actionsOf(card).map((a) => [a['type'], a['title']]))}`);
  const jobs = await h.store.listJobs();
  const result = jobs.find((j) => j.kind === 'case-card' && j.status === 'done')?.result as { threadConversationId?: string; activityId?: string } | undefined;
  if (!result?.threadConversationId || !result.activityId) throw new Error('the card was not delivered');
  sequence += 1;
  const activity = h.fixture('case-action-invoke');
  activity['id'] = `f:17420000${String(sequence).padStart(5, '0')}`;
  activity['from'] = { id: who.id, name: who.name, aadObjectId: who.aad };
  activity['conversation'] = { ...(activity['conversation'] as Json), id: result.threadConversationId };
  activity['replyToId'] = result.activityId;
  activity['channelData'] = { ...(activity['channelData'] as Json), channel: { id: CONTACT_CHANNEL_ID }, team: { id: CONTACT_TEAM_ID } };
  activity['value'] = {
    action: { type: 'Action.Execute', title, verb: action['verb'], data: { ...(action['data'] as Json), ...inputs } },
    trigger: 'manual',
  };
  const res = await h.post(activity);
  const body = res.body as { statusCode?: number; type?: string; value?: unknown } | undefined;
  const out: InvokeResult = { status: res.status };
  if (body?.type) out.type = body.type;
  if (body?.type === 'application/vnd.microsoft.card.adaptive') out.card = body.value as Card;
  if (body?.type === 'application/vnd.microsoft.activity.message') out.message = String(body.value);
  return out;
}

/** Escalates and delivers: the card is in the contact-point channel; the team and that channel have Carla as a member. */
export async function escalateAndDeliver(h: Harness, options: { channelMembers?: string[] } = {}): Promise<CaseRecord> {
  h.cloud.teams.set(CONTACT_TEAM_ID, [CONTACT_TEAMS_ID]);
  // A standard channel's roster is its team's; a private or shared channel has its own.
  h.cloud.teams.set(CONTACT_CHANNEL_ID, options.channelMembers ?? [CONTACT_TEAMS_ID]);
  const c = await escalateDroneCase(h);
  await deliverAll(h);
  if (!currentCaseCard(h)) throw new Error('the case card was not posted');
  return c;
}
