// From a DM conversation to the contact point's card and back: take, ask (the question reaches the
// researcher, the answer the card's thread), close with advice. Real store, services and outbox worker.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTACT_CHANNEL, HOSTILE, createHarness, type Harness } from './harness.js';
import type { ApiCall } from './fake-slack-api.js';

const MEMBER = 'U0CONTACT';
const STRANGER = 'U0STRANGER';

function jsonInner(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

function text(call: ApiCall | undefined): string {
  return JSON.stringify(call?.args ?? {});
}

function actionIds(call: ApiCall | undefined): string[] {
  const blocks = (call?.args['blocks'] ?? []) as Array<{ type: string; elements?: Array<{ action_id?: string }> }>;
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => (b.elements ?? []).map((e) => e.action_id ?? ''));
}

async function escalate(h: Harness): Promise<{ caseId: string; ref: string; cardTs: string }> {
  await h.postEvent('event-message-im.json', { EVENT_ID: 'Ev0START' });
  await h.api.waitFor('chat.postMessage', 1);
  await h.postPayload('block-actions-choice.json', {
    MESSAGE_TS: '1741600000.000900',
    ACTION_ID: 'rsa_choice:0',
    BLOCK_ID: 'b1',
    LABEL: 'Yes',
    VALUE: jsonInner(JSON.stringify({ v: 'yes', s: 'ask-partner' })),
  });
  await h.api.waitFor('chat.postMessage', 2);
  await h.postPayload('block-actions-choice.json', {
    MESSAGE_TS: '1741600000.000901',
    ACTION_ID: 'rsa_choice:0',
    BLOCK_ID: 'b2',
    LABEL: 'Yes, send it',
    VALUE: jsonInner(JSON.stringify({ v: 'confirm' })),
  });
  await h.api.waitFor('chat.postMessage', 3);
  const [item] = await h.store.listCases({ researcherId: 'U0RESEARCH' });
  if (!item) throw new Error('no case was created');
  await h.settle();
  const before = h.api.callsTo('chat.postMessage').length;
  await h.worker.runOnce();
  const card = h.api.callsTo('chat.postMessage')[before];
  const cardTs = h.api.channels.get(CONTACT_CHANNEL)?.[0]?.ts ?? '';
  expect(card?.args['channel']).toBe(CONTACT_CHANNEL);
  return { caseId: item.id, ref: item.ref, cardTs };
}

async function clickCase(h: Harness, user: string, actionId: string, caseId: string, cardTs: string): Promise<void> {
  const res = await h.postPayload('block-actions-case.json', { USER: user, ACTION_ID: actionId, CASE_ID: caseId, CARD_TS: cardTs });
  expect(res.status).toBe(200);
  await h.settle();
}

async function submitModal(h: Harness, user: string, openCall: ApiCall | undefined, answer: string): Promise<Response> {
  const view = openCall?.args['view'] as { callback_id: string; private_metadata: string };
  const res = await h.postPayload('view-submission.json', {
    USER: user,
    CALLBACK: view.callback_id,
    META: jsonInner(view.private_metadata),
    TEXT: answer,
  });
  await h.settle();
  return res;
}

describe('Slack escalation', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    h.api.members.set(CONTACT_CHANNEL, [MEMBER, 'U0OTHERCP']);
  });
  afterEach(async () => {
    await h.close();
  });

  it('posts the full case card to the contact-point channel and gives the researcher a case number', async () => {
    const { ref } = await escalate(h);
    const created = h.api.callsTo('chat.postMessage').find((c) => c.args['channel'] === 'D0RESEARCH' && text(c).includes(ref));
    expect(text(created)).toContain(`Your case number: ${ref}`);

    const card = h.api.callsTo('chat.postMessage').find((c) => c.args['channel'] === CONTACT_CHANNEL);
    const body = text(card);
    for (const part of [
      ref,
      '<@U0RESEARCH>', // the researcher, as a mention Slack renders as their name
      'Partner in a sensitive technology', // the playbook
      'partnerName', // the facts
      'Is the partner a university?', // every question …
      '→ Yes', // … and answer
      'Seven Sons university (serious)', // flags
      'Harbin Institute of Technology (match', // screening hits
      'High risk', // the risk
      'vlir-reporting: Reporting', // cited guideline sections
      'Contact your research-security contact point before signing.', // next steps
    ]) {
      expect(body).toContain(part);
    }
    // What the researcher typed is on the card, escaped.
    expect(body).toContain('&lt;!channel&gt; &amp; &lt;@U0BOSS&gt;');
    expect(body).not.toContain(HOSTILE);
    expect(actionIds(card)).toEqual(['rsa_case_take', 'rsa_case_ask', 'rsa_case_close']);
    expect(card?.args['metadata']).toMatchObject({ event_type: 'rsa_delivery', event_payload: { key: expect.stringContaining('case-card:') } });
  });

  it('refuses a non-member politely and changes nothing', async () => {
    const { caseId, cardTs } = await escalate(h);
    const updatesBefore = h.api.callsTo('chat.update').length;
    await clickCase(h, STRANGER, 'rsa_case_take', caseId, cardTs);
    const [refusal] = h.api.callsTo('chat.postEphemeral');
    expect(refusal?.args).toMatchObject({ channel: CONTACT_CHANNEL, user: STRANGER });
    expect(String(refusal?.args['text'])).toContain('only the contact point');
    expect((await h.cases.get(caseId))?.status).toBe('open');
    expect(h.api.callsTo('chat.update')).toHaveLength(updatesBefore);
    // Nor can they open the ask or close modals.
    await clickCase(h, STRANGER, 'rsa_case_close', caseId, cardTs);
    expect(h.api.callsTo('views.open')).toHaveLength(0);
  });

  it('lets a member take the case; the card shows it and the researcher is told', async () => {
    const { caseId, ref, cardTs } = await escalate(h);
    await clickCase(h, MEMBER, 'rsa_case_take', caseId, cardTs);
    expect((await h.cases.get(caseId))?.status).toBe('taken');
    const update = h.api.callsTo('chat.update').find((c) => c.args['ts'] === cardTs);
    expect(text(update)).toContain('taken');
    expect(actionIds(update)).toEqual(['rsa_case_ask', 'rsa_case_close']);

    const posts = h.api.callsTo('chat.postMessage').length;
    await h.worker.runOnce();
    const after = h.api.callsTo('chat.postMessage').slice(posts);
    const thread = after.find((c) => c.args['channel'] === CONTACT_CHANNEL);
    expect(thread?.args['thread_ts']).toBe(cardTs);
    expect(text(thread)).toContain(`<@${MEMBER}> took this case.`);
    const notice = after.find((c) => c.args['channel'] === 'D0RESEARCH');
    expect(text(notice)).toContain(`Case ${ref} is now taken.`);
  });

  it('asks for more information in a modal: the question reaches the researcher, the reply the card thread', async () => {
    const { caseId, ref, cardTs } = await escalate(h);
    await clickCase(h, MEMBER, 'rsa_case_ask', caseId, cardTs);
    const [open] = h.api.callsTo('views.open');
    expect((open?.args['view'] as { callback_id: string }).callback_id).toBe('rsa_view_ask');

    // Someone outside the channel cannot submit it either.
    const refused = await submitModal(h, STRANGER, open, 'Who pays?');
    expect(await refused.json()).toMatchObject({ response_action: 'errors' });
    expect((await h.cases.get(caseId))?.status).toBe('open');

    const ok = await submitModal(h, MEMBER, open, 'Who funds the <!here> project?');
    expect(ok.status).toBe(200);
    expect((await h.cases.get(caseId))?.status).toBe('awaiting-info');
    let posts = h.api.callsTo('chat.postMessage').length;
    await h.worker.runOnce();
    let after = h.api.callsTo('chat.postMessage').slice(posts);
    // Asking about an open case takes it first: the researcher hears both.
    expect(after.some((c) => c.args['channel'] === 'D0RESEARCH' && text(c).includes(`Case ${ref} is now taken.`))).toBe(true);
    const question = after.find((c) => c.args['channel'] === 'D0RESEARCH' && text(c).includes('asks about'));
    expect(text(question)).toContain(`The contact point asks about ${ref}: Who funds the &lt;!here&gt; project?`);
    const asked = after.filter((c) => c.args['channel'] === CONTACT_CHANNEL).map(text);
    expect(asked.some((t) => t.includes(`<@${MEMBER}> asked the researcher:`) && t.includes('Who funds the &lt;!here&gt; project?'))).toBe(true);

    await h.postEvent('event-message-im-reply.json', { EVENT_ID: 'Ev0ANSWER', TEXT: 'The FWO &amp; a company' });
    await h.settle();
    posts = h.api.callsTo('chat.postMessage').length;
    await h.worker.runOnce();
    after = h.api.callsTo('chat.postMessage').slice(posts);
    const answer = after.find((c) => c.args['channel'] === CONTACT_CHANNEL);
    expect(answer?.args['thread_ts']).toBe(cardTs);
    expect(text(answer)).toContain('The researcher answered:');
    expect(text(answer)).toContain('answered:\\n>The FWO &amp; a company');
  });

  it('closes with advice: the advice reaches the researcher and the card loses its buttons', async () => {
    const { caseId, ref, cardTs } = await escalate(h);
    await clickCase(h, MEMBER, 'rsa_case_close', caseId, cardTs);
    const [open] = h.api.callsTo('views.open');
    expect((open?.args['view'] as { callback_id: string }).callback_id).toBe('rsa_view_close');
    await submitModal(h, MEMBER, open, 'Sign only with an export-control check.');
    const closed = await h.cases.get(caseId);
    expect(closed?.status).toBe('closed');
    const update = h.api.callsTo('chat.update').filter((c) => c.args['ts'] === cardTs).pop();
    expect(actionIds(update)).toEqual([]);
    expect(text(update)).toContain('Sign only with an export-control check.');
    const posts = h.api.callsTo('chat.postMessage').length;
    await h.worker.runOnce();
    const notice = h.api.callsTo('chat.postMessage').slice(posts).find((c) => c.args['channel'] === 'D0RESEARCH');
    expect(text(notice)).toContain(`Case ${ref} is now closed. Advice: Sign only with an export-control check.`);
  });

  it('tells the second contact point when a case was already taken', async () => {
    const { caseId, cardTs } = await escalate(h);
    await clickCase(h, MEMBER, 'rsa_case_take', caseId, cardTs);
    await clickCase(h, 'U0OTHERCP', 'rsa_case_take', caseId, cardTs);
    const ephemeral = h.api.callsTo('chat.postEphemeral').pop();
    expect(ephemeral?.args['user']).toBe('U0OTHERCP');
    expect(String(ephemeral?.args['text'])).toContain('already moved on');
    expect((await h.cases.get(caseId))?.assignee?.id).toBe(MEMBER);
  });
});

describe('Slack escalation with configured contact-point users', () => {
  it('lets a user in SLACK_CONTACT_POINT_USERS act without being a channel member', async () => {
    const h = await createHarness({ SLACK_CONTACT_POINT_USERS: 'U0DELEGATE' });
    try {
      const { caseId, cardTs } = await escalate(h);
      await clickCase(h, 'U0DELEGATE', 'rsa_case_take', caseId, cardTs);
      expect((await h.cases.get(caseId))?.status).toBe('taken');
    } finally {
      await h.close();
    }
  });
});

describe('Slack escalation with an institution\'s own contact-point users', () => {
  it('lets that institution\'s listed user act, and nobody else\'s', async () => {
    const h = await createHarness({}, { institutionContactPoints: (institution) => (institution === 'uhasselt' ? ['U0UHASSELT'] : ['U0KULEUVEN']) });
    try {
      const { caseId, cardTs } = await escalate(h);
      await clickCase(h, 'U0KULEUVEN', 'rsa_case_take', caseId, cardTs);
      expect((await h.cases.get(caseId))?.status).toBe('open');
      await clickCase(h, 'U0UHASSELT', 'rsa_case_take', caseId, cardTs);
      expect((await h.cases.get(caseId))?.status).toBe('taken');
    } finally {
      await h.close();
    }
  });
});
