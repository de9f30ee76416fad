// From a DM conversation with the real engine to the contact point's card and back: take, ask (the question
// reaches the researcher, the typed answer the card's thread), close with advice. Real engine, SQLite store,
// services and outbox worker; only slack.com is the in-process FakeSlackApi.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredMessage } from './fake-slack-api.js';
import { CONTACT_CHANNEL, createHarness, type Harness } from './harness.js';
import {
  DM,
  DRONE_QUESTION,
  HOSTILE_PARTNER,
  HOSTILE_PARTNER_ESCAPED,
  RESEARCHER,
  click,
  deliverAll,
  escalateAndDeliver,
  escalateDroneCase,
  messagesIn,
  submitModal,
  textSince,
  typeDm,
} from './researcher.js';

const MEMBER = 'U0CONTACT';
const INFERRED = 'taken from what the researcher said earlier';
const STRANGER = 'U0STRANGER';

function escaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function actionIds(message: StoredMessage | undefined): string[] {
  const blocks = (message?.blocks ?? []) as Array<{ type: string; elements?: Array<{ action_id?: string }> }>;
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => (b.elements ?? []).map((e) => e.action_id ?? ''));
}

function card(h: Harness): StoredMessage | undefined {
  return messagesIn(h, CONTACT_CHANNEL).find((m) => !m.thread_ts);
}

function threadOf(h: Harness, ts: string): StoredMessage[] {
  return messagesIn(h, CONTACT_CHANNEL).filter((m) => m.thread_ts === ts);
}

describe('Slack escalation with the real engine', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    h.api.members.set(CONTACT_CHANNEL, [MEMBER, 'U0OTHERCP']);
  });
  afterEach(async () => {
    expect(h.problems()).toEqual([]);
    await h.close();
  });

  it('asks the drone question by clicks and typing, and the case reaches the contact point with everything on it', async () => {
    const c = await escalateDroneCase(h);
    // The conversation: typed and clicked answers, each answered in the DM.
    expect(h.handled.map((t) => t.input.type)).toEqual([
      'text',
      'text',
      'action',
      'text',
      'action',
      'action',
      'action',
      'action',
      'action',
      'action',
      'action',
    ]);
    expect(h.handled[2]?.input).toEqual({ type: 'action', value: 'answer:yes', step: 'ask-dual-use' });
    const dm = JSON.stringify(messagesIn(h, DM));
    expect(dm).toContain("What is the partner's name?");
    expect(dm).toContain('Risk: High');
    expect(dm).toContain('→ *Yes, listed items are involved*'); // the clicked row is replaced by the choice
    expect(dm).toContain(`Your case number: ${c.ref}`);
    expect(dm).not.toContain('<!channel>');

    expect(c).toMatchObject({ status: 'open', institution: 'uhasselt', playbook: 'sensitive-tech-partner', risk: 'high' });
    expect(c.researcher).toMatchObject({ channel: 'slack', id: RESEARCHER, address: { channel: DM, user: RESEARCHER } });
    expect(messagesIn(h, CONTACT_CHANNEL)).toHaveLength(0); // nothing goes out before the worker runs

    expect(await deliverAll(h)).toBe(1);
    const posted = messagesIn(h, CONTACT_CHANNEL);
    expect(posted).toHaveLength(1);
    const body = JSON.stringify(posted[0]);
    const outcome = c.draft.outcome;
    expect(body).toContain(c.ref);
    expect(body).toContain(`<@${RESEARCHER}>`); // the researcher, as a mention Slack shows as their name
    expect(body).toContain(escaped(outcome.playbookTitle));
    expect(body).toContain('Sensitive technology with a partner abroad');
    // The case document: the facts, with what the researcher typed escaped.
    expect(body).toContain(`*Partner:* ${HOSTILE_PARTNER_ESCAPED}`);
    expect(body).toContain('China (CN)');
    // Every question and answer, the typed and the inferred ones marked.
    expect(c.draft.answers.length).toBeGreaterThanOrEqual(8);
    for (const a of c.draft.answers) {
      expect(body).toContain(JSON.stringify(`• ${escaped(a.question)}`).slice(1, -1));
      expect(body).toContain(JSON.stringify(`\n>${escaped(a.label)}`).slice(1, -1));
    }
    expect(body).toContain(JSON.stringify(`>${HOSTILE_PARTNER_ESCAPED}\n   _typed by the researcher_`).slice(1, -1));
    expect(body).toContain(JSON.stringify(`>China\n   _${INFERRED}_`).slice(1, -1));
    // Flags with their id and severity (the contact point's view keeps them), the screening hit, the risk.
    expect(outcome.flags.map((f) => f.id)).toEqual(expect.arrayContaining(['seven-sons', 'dual-use', 'higher-risk-country']));
    for (const f of outcome.flags.filter((x) => x.severity !== 'info')) expect(body).toContain(`${f.id} · ${f.severity}`);
    expect(outcome.screening.map((s) => s.list)).toContain('seven-sons');
    expect(body).toContain('Beihang University: on the list');
    expect(body).toContain('*Risk: High*');
    // Cited guideline sections, with their ids, and the next steps.
    expect(outcome.citations.length).toBeGreaterThan(0);
    for (const cite of outcome.citations) {
      expect(body).toContain(escaped(cite.title));
      expect(body).toContain(`_${escaped(cite.section)}_`);
    }
    for (const step of outcome.steps) expect(body).toContain(JSON.stringify(escaped(step.text)).slice(1, -1));
    // Nothing the researcher typed can ping anyone.
    expect(body).not.toContain('<!channel>');
    expect(body).not.toContain('<@U0BOSS>');
    expect(actionIds(posted[0])).toEqual(['rsa_case_take', 'rsa_case_ask', 'rsa_case_close']);
    expect(posted[0]?.metadata).toMatchObject({ event_type: 'rsa_delivery', event_payload: { key: `case-card:${c.id}:slack` } });
    // Delivered once: a second run finds nothing to do.
    expect(await deliverAll(h)).toBe(0);
    expect(messagesIn(h, CONTACT_CHANNEL)).toHaveLength(1);
  });

  it('take, ask in a modal, the researcher types the answer, close with advice: each reaches the other side', async () => {
    const { c, cardTs } = await escalateAndDeliver(h);
    const dmBefore = messagesIn(h, DM).length;

    // Take: the card changes in place, the thread says who, the researcher is told.
    await click(h, CONTACT_CHANNEL, 'Take case', MEMBER);
    expect((await h.cases.get(c.id))?.status).toBe('taken');
    expect(JSON.stringify(card(h))).toContain(`<@${MEMBER}>`);
    expect(actionIds(card(h))).toEqual(['rsa_case_ask', 'rsa_case_close']);
    await deliverAll(h);
    expect(JSON.stringify(threadOf(h, cardTs))).toContain(`<@${MEMBER}> took this case.`);
    expect(textSince(h, DM, dmBefore)).toContain(`Case ${c.ref} was taken by your contact point.`);

    // Ask: a modal; the question (with markup that must not ping) reaches the researcher's DM.
    await click(h, CONTACT_CHANNEL, 'Ask for more information', MEMBER);
    expect((h.api.callsTo('views.open').at(-1)?.args['view'] as { callback_id: string } | undefined)?.callback_id).toBe('rsa_view_ask');
    const ok = await submitModal(h, MEMBER, 'Which drone components? <!here>');
    expect(ok.status).toBe(200);
    expect((await h.cases.get(c.id))?.status).toBe('awaiting-info');
    const beforeQuestion = messagesIn(h, DM).length;
    await deliverAll(h);
    const question = textSince(h, DM, beforeQuestion);
    expect(question).toContain(`Your contact point has a question about case ${c.ref}:`);
    expect(question).toContain('Which drone components? &lt;!here&gt;');
    expect(question).not.toContain('<!here>');
    expect(JSON.stringify(threadOf(h, cardTs))).toContain(`<@${MEMBER}> asked the researcher:\\n>Which drone components? &lt;!here&gt;`);

    // The researcher types the answer in the DM; it lands in the card's thread, escaped.
    // It counts as the answer because the researcher clicks Reply first.
    const answer = 'Only the flight-controller firmware <!channel> & nothing else';
    await click(h, DM, 'Reply');
    await typeDm(h, answer);
    expect(textSince(h, DM, beforeQuestion)).toContain(`Thanks, I passed your answer on for case ${c.ref}.`);
    expect((await h.cases.get(c.id))?.status).toBe('taken');
    await deliverAll(h);
    const thread = JSON.stringify(threadOf(h, cardTs));
    expect(thread).toContain(`The researcher answered:\\n>${escaped(answer)}`);
    expect(thread).not.toContain('<!channel>');

    // Close with advice: the card loses its buttons and shows the advice; the researcher's DM gets it.
    await click(h, CONTACT_CHANNEL, 'Close with advice', MEMBER);
    expect((h.api.callsTo('views.open').at(-1)?.args['view'] as { callback_id: string } | undefined)?.callback_id).toBe('rsa_view_close');
    await submitModal(h, MEMBER, 'Apply for an export licence before sharing the firmware.');
    const closed = await h.cases.get(c.id);
    expect(closed).toMatchObject({ status: 'closed', advice: 'Apply for an export licence before sharing the firmware.', assignee: { id: MEMBER } });
    expect(actionIds(card(h))).toEqual([]);
    expect(JSON.stringify(card(h))).toContain('Apply for an export licence before sharing the firmware.');
    const beforeAdvice = messagesIn(h, DM).length;
    await deliverAll(h);
    expect(textSince(h, DM, beforeAdvice)).toContain(
      `Case ${c.ref} is closed. Advice from your contact point:\\n\\nApply for an export licence before sharing the firmware.`,
    );
    expect(JSON.stringify(threadOf(h, cardTs))).toContain(`<@${MEMBER}> closed this case with advice:`);
    // The audit trail has every step.
    expect(closed?.history.map((e) => e.action)).toEqual(['created', 'delivered', 'taken', 'asked', 'answered', 'closed']);
    expect(await h.store.listJobs({ status: 'dead' })).toEqual([]);
  });

  it('"vergeet mij" forgets the DM and names the case that stays with the institution', async () => {
    const c = await escalateDroneCase(h);
    const before = messagesIn(h, DM).length;
    await typeDm(h, 'vergeet mij');
    // The Dutch command is understood; the answer stays in the conversation's language.
    expect(textSince(h, DM, before)).toContain(
      `I have deleted our conversation. Cases already sent stay with your institution, as its retention rules say: ${c.ref}.`,
    );
    expect(await h.store.getCase(c.id)).not.toBeNull();
  });

  it('refuses a non-member politely and changes nothing', async () => {
    const { c } = await escalateAndDeliver(h);
    const before = JSON.stringify(card(h));
    await click(h, CONTACT_CHANNEL, 'Take case', STRANGER);
    const [refusal] = h.api.callsTo('chat.postEphemeral');
    expect(refusal?.args).toMatchObject({ channel: CONTACT_CHANNEL, user: STRANGER });
    expect(String(refusal?.args['text'])).toContain('only the contact point');
    expect((await h.cases.get(c.id))?.status).toBe('open');
    expect(JSON.stringify(card(h))).toBe(before);
    // Nor can they open the ask or close modals.
    await click(h, CONTACT_CHANNEL, 'Close with advice', STRANGER);
    expect(h.api.callsTo('views.open')).toHaveLength(0);
  });

  it('refuses a modal submitted by someone outside the channel', async () => {
    const { c } = await escalateAndDeliver(h);
    await click(h, CONTACT_CHANNEL, 'Ask for more information', MEMBER);
    const refused = await submitModal(h, STRANGER, 'Who pays?');
    expect(await refused.json()).toMatchObject({ response_action: 'errors' });
    expect((await h.cases.get(c.id))?.status).toBe('open');
  });

  it('asking about an open case takes it first, so the researcher hears both', async () => {
    const { c } = await escalateAndDeliver(h);
    await click(h, CONTACT_CHANNEL, 'Ask for more information', MEMBER);
    await submitModal(h, MEMBER, 'Who funds the project?');
    const before = messagesIn(h, DM).length;
    await deliverAll(h);
    const dm = textSince(h, DM, before);
    expect(dm).toContain(`Case ${c.ref} was taken by your contact point.`);
    expect(dm).toContain('Who funds the project?');
    expect((await h.cases.get(c.id))?.history.map((e) => e.action)).toEqual(['created', 'delivered', 'taken', 'asked']);
  });

  it('tells the second contact point when a case was already taken', async () => {
    const { c } = await escalateAndDeliver(h);
    // The second one still sees the card as it was, with its "Take case" button.
    const stale = structuredClone(card(h));
    await click(h, CONTACT_CHANNEL, 'Take case', MEMBER);
    await click(h, CONTACT_CHANNEL, 'Take case', 'U0OTHERCP', { message: stale });
    const ephemeral = h.api.callsTo('chat.postEphemeral').pop();
    expect(ephemeral?.args['user']).toBe('U0OTHERCP');
    expect(String(ephemeral?.args['text'])).toContain('already moved on');
    expect((await h.cases.get(c.id))?.assignee?.id).toBe(MEMBER);
  });

  it('keeps a typed <!channel> escaped in the DM replies too', async () => {
    await typeDm(h, DRONE_QUESTION);
    await typeDm(h, HOSTILE_PARTNER);
    const sent = JSON.stringify(h.api.callsTo('chat.postMessage').map((c) => c.args));
    expect(sent).not.toContain('<!channel>');
    expect(sent).not.toContain('<@U0BOSS>');
  });
});

describe('Slack escalation with configured contact-point users', () => {
  it('lets a user in SLACK_CONTACT_POINT_USERS act without being a channel member', async () => {
    const h = await createHarness({ SLACK_CONTACT_POINT_USERS: 'U0DELEGATE' });
    try {
      const { c } = await escalateAndDeliver(h);
      await click(h, CONTACT_CHANNEL, 'Take case', 'U0DELEGATE');
      expect((await h.cases.get(c.id))?.status).toBe('taken');
    } finally {
      await h.close();
    }
  });

  it("lets that institution's listed user act, and nobody else's", async () => {
    const h = await createHarness({}, { institutionContactPoints: (institution) => (institution === 'uhasselt' ? ['U0UHASSELT'] : ['U0KULEUVEN']) });
    try {
      const { c } = await escalateAndDeliver(h);
      await click(h, CONTACT_CHANNEL, 'Take case', 'U0KULEUVEN');
      expect((await h.cases.get(c.id))?.status).toBe('open');
      await click(h, CONTACT_CHANNEL, 'Take case', 'U0UHASSELT');
      expect((await h.cases.get(c.id))?.status).toBe('taken');
    } finally {
      await h.close();
    }
  });
});
