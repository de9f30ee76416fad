// From the personal chat with the real engine to the contact point's card in a Teams channel and back, all
// through CloudAdapter with signed tokens: clicks and typed answers, confirm, the outbox posts the card
// (proactive create-conversation), a team member takes / asks / closes with Action.Execute, the researcher
// gets the question and the advice, and their typed answer lands in the card's thread.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTACT_CHANNEL_ID, TENANT, startHarness, type Harness } from './harness.js';
import {
  PARTNER,
  PERSONAL_CONVERSATION,
  RESEARCHER_AAD,
  actionsOf,
  cardText,
  currentCaseCard,
  deliverAll,
  escalateAndDeliver,
  escalateDroneCase,
  execute,
  personalCards,
  say,
  sentCards,
  type Card,
} from './people.js';

let h: Harness;
beforeEach(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  h = await startHarness();
});
afterEach(async () => {
  expect(h.logs.filter((l) => Number(l['level']) >= 50)).toEqual([]);
  await h.close();
  vi.restoreAllMocks();
});

/** Every text on a card, in order: TextBlock texts and RichTextBlock runs. */
function texts(card: Card | undefined): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n['type'] === 'TextBlock' && typeof n['text'] === 'string') out.push(n['text']);
    if (n['type'] === 'RichTextBlock') out.push((n['inlines'] as Array<{ text: string }>).map((r) => r.text).join(''));
    if (n['type'] !== 'Action.ShowCard') Object.values(n).forEach(visit);
  };
  visit(card?.body);
  return out;
}

function threadTexts(h: Harness): string[] {
  return sentCards(h)
    .filter((c) => c.conversationId.startsWith(`${CONTACT_CHANNEL_ID};messageid=`) && c.method === 'POST')
    .flatMap((c) => texts(c.card));
}

describe('Teams escalation with the real engine', () => {
  it('asks the drone question by clicks and typing; the outbox posts the full case card to the contact-point channel', async () => {
    const c = await escalateDroneCase(h);
    const inputs = h.conversations.turns.map((t) => t.input.type);
    expect(inputs).toEqual(['text', 'text', 'action', 'text', 'action', 'action', 'action', 'action', 'action', 'action', 'action']);
    expect(h.conversations.turns[2]?.input).toEqual({ type: 'action', value: 'answer:yes', step: 'ask-dual-use' });
    expect(h.conversations.turns.every((t) => t.conversationKey === `teams:${TENANT}:${PERSONAL_CONVERSATION}:${RESEARCHER_AAD}`)).toBe(true);
    // Every reply of every turn arrived in the personal chat as a 1.5 card.
    const replies = h.conversations.results.reduce((n, r) => n + r.replies.length, 0);
    expect(personalCards(h)).toHaveLength(replies);
    for (const sent of personalCards(h)) expect(sent.card.version).toBe('1.5');
    const chat = cardText(personalCards(h));
    expect(chat).toContain("What is the partner's name?");
    expect(chat).toContain(c.ref);

    expect(c).toMatchObject({ status: 'open', institution: 'uhasselt', playbook: 'sensitive-tech-partner', risk: 'high' });
    expect(c.researcher).toMatchObject({ channel: 'teams', id: RESEARCHER_AAD, name: 'Rita Researcher' });
    expect(sentCards(h).filter((s) => s.method === 'CREATE')).toHaveLength(0); // nothing before the worker runs

    expect(await deliverAll(h)).toBe(1);
    const create = h.cloud.connectorCalls().find((x) => x.path === '/teams/v3/conversations' && x.method === 'POST');
    const params = create?.body as { isGroup: boolean; channelData: { channel: { id: string }; tenant: { id: string } } };
    expect(params.isGroup).toBe(true);
    expect(params.channelData).toMatchObject({ channel: { id: CONTACT_CHANNEL_ID }, tenant: { id: TENANT } });
    expect(create?.authorization).toMatch(/^Bearer outbound-/);
    const card = currentCaseCard(h)?.card;
    expect(card?.version).toBe('1.5');
    const shown = texts(card);
    const all = shown.join('\n');
    const outcome = c.draft.outcome;
    expect(all).toContain(c.ref);
    expect(shown).toContain('• Researcher: Rita Researcher');
    expect(shown).toContain(`teams · ${RESEARCHER_AAD}`);
    expect(all).toContain(outcome.playbookTitle);
    expect(shown).toContain(`• Partner: ${PARTNER}`);
    expect(all).toContain('China (CN)');
    expect(c.draft.answers.length).toBeGreaterThanOrEqual(8);
    for (const a of c.draft.answers) {
      expect(shown).toContain(`• ${a.question}`);
      expect(shown).toContain(`→ ${a.label}`);
    }
    expect(shown).toContain(`→ ${PARTNER}`);
    expect(shown).toContain('typed by the researcher');
    expect(outcome.flags.map((f) => f.id)).toEqual(expect.arrayContaining(['seven-sons', 'dual-use', 'higher-risk-country']));
    // The contact point's view keeps the flags' ids and severities.
    for (const f of outcome.flags.filter((x) => x.severity !== 'info')) expect(shown.some((t) => t.includes(`${f.id} · ${f.severity}`))).toBe(true);
    for (const hit of outcome.screening.filter((x) => x.match)) expect(shown).toContain(`• ${hit.name}: on the list`);
    expect(all).toContain('Risk: High');
    for (const cite of outcome.citations) {
      expect(shown).toContain(`• ${cite.title}`);
      expect(shown).toContain(cite.section);
    }
    for (const step of outcome.steps) expect(shown.some((t) => t.endsWith(step.text))).toBe(true);
    expect(
      actionsOf(card!)
        .filter((a) => a['type'] === 'Action.Execute')
        .map((a) => a['title']),
    ).toEqual(['Take case', 'Send question', 'Close case']);
    // Delivered once.
    expect(await deliverAll(h)).toBe(0);
  });

  it('take, ask, the researcher answers by typing, close with advice: each side hears the other', async () => {
    const c = await escalateAndDeliver(h);
    const chatBefore = personalCards(h).length;

    // Take: the invoke answers with the refreshed card; the thread and the researcher are told.
    const taken = await execute(h, 'Take case');
    expect(taken.status).toBe(200);
    expect(texts(taken.card).join('\n')).toContain('Status: taken');
    expect(
      actionsOf(taken.card!)
        .filter((a) => a['type'] === 'Action.Execute')
        .map((a) => a['title']),
    ).toEqual(['Send question', 'Close case']);
    expect(await h.cases.get(c.id)).toMatchObject({
      status: 'taken',
      assignee: { channel: 'teams', id: '6c0b1f3e-3333-4d2a-9a7e-000000000003', name: 'Carla Contact' },
    });
    await deliverAll(h);
    expect(threadTexts(h)).toContain('Carla Contact took the case');
    expect(cardText(personalCards(h).slice(chatBefore))).toContain(`Case ${c.ref} was taken by your contact point.`);

    // Ask: typed into the show-card's field; the question reaches the researcher's chat.
    const asked = await execute(h, 'Send question', { caseQuestion: 'Which drone components, **exactly**?' });
    expect(texts(asked.card).join('\n')).toContain('Which drone components, **exactly**?');
    expect((await h.cases.get(c.id))?.status).toBe('awaiting-info');
    const beforeQuestion = personalCards(h).length;
    await deliverAll(h);
    const question = personalCards(h).slice(beforeQuestion);
    expect(texts(question[0]?.card).join('\n')).toContain(`Your contact point has a question about case ${c.ref}:\n\nWhich drone components, **exactly**?`);
    expect(threadTexts(h)).toContain('Carla Contact asked the researcher:\nWhich drone components, **exactly**?');

    // The researcher types the answer in the chat; it lands in the card's thread.
    // Typed without Reply, it is confirmed first: it is taken as the answer only on "yes".
    await say(h, 'Only the flight-controller firmware.');
    expect(cardText(personalCards(h).slice(beforeQuestion))).toContain(`Send this as your answer to case ${c.ref}?`);
    await say(h, 'yes');
    expect(cardText(personalCards(h).slice(beforeQuestion))).toContain(`Thanks, I passed your answer on for case ${c.ref}.`);
    expect((await h.cases.get(c.id))?.status).toBe('taken');
    await deliverAll(h);
    expect(threadTexts(h)).toContain('Rita Researcher answered:\nOnly the flight-controller firmware.');
    expect(texts(currentCaseCard(h)?.card).join('\n')).toContain('Only the flight-controller firmware.');

    // Close with advice: the card loses its buttons, the researcher gets the advice.
    const closed = await execute(h, 'Close case', { caseAdvice: 'Apply for an export licence before sharing the firmware.' });
    expect(closed.card?.actions ?? []).toEqual([]);
    expect(texts(closed.card).join('\n')).toContain('Apply for an export licence before sharing the firmware.');
    const beforeAdvice = personalCards(h).length;
    await deliverAll(h);
    expect(texts(personalCards(h).slice(beforeAdvice)[0]?.card).join('\n')).toContain(
      `Case ${c.ref} is closed. Advice from your contact point:\n\nApply for an export licence before sharing the firmware.`,
    );
    expect(threadTexts(h)).toContain('Carla Contact closed the case with advice:\nApply for an export licence before sharing the firmware.');
    expect((await h.cases.get(c.id))?.history.map((e) => e.action)).toEqual(['created', 'delivered', 'taken', 'asked', 'answered', 'closed']);
    expect(await h.store.listJobs({ status: 'dead' })).toEqual([]);
    expect(await h.store.listJobs({ status: 'pending' })).toEqual([]);
  });

  it('tells a second contact point with an old card that the case moved on, and changes nothing', async () => {
    const c = await escalateAndDeliver(h);
    const card = currentCaseCard(h)?.card;
    await execute(h, 'Close case', { caseAdvice: 'No concerns.' });
    // Someone else still has the old card and presses "Take case".
    const late = await execute(h, 'Take case', {}, undefined, card);
    expect(late.message).toContain(`Case ${c.ref} has changed in the meantime`);
    expect(await h.cases.get(c.id)).toMatchObject({ status: 'closed', advice: 'No concerns.' });
  });
});
