// "my cases" in Teams (issue 13 item 1), through CloudAdapter with signed tokens, the real engine, store and
// services: the researcher's cases with status, playbook and risk, the contact point's open question with a
// Reply button that works like the chat's own Reply, only for the researcher themselves, only in the personal chat.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTACT_CHANNEL_ID, startHarness, TENANT, type Harness } from './harness.js';
import {
  PERSONAL_CONVERSATION,
  RESEARCHER_AAD,
  actionsOf,
  cardText,
  click,
  deliverAll,
  escalateAndDeliver,
  execute,
  personalCards,
  say,
  sentCards,
  type Card,
} from './people.js';

let h: Harness;
let sequence = 0;
beforeEach(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  h = await startHarness();
});
afterEach(async () => {
  expect(h.logs.filter((l) => Number(l['level']) >= 50)).toEqual([]);
  await h.close();
  vi.restoreAllMocks();
});

type Json = Record<string, unknown>;

/** A typed message in someone's personal chat (Rita's by default), as Teams sends it. */
function personalMessage(text: string, changes: Json = {}): Json {
  sequence += 1;
  return { ...h.fixture('personal-message'), id: `17430000${String(sequence).padStart(5, '0')}`, text, ...changes };
}

/** Posts an activity that the channel answers itself: no engine turn, one new card. */
async function ask(activity: Json): Promise<Card | undefined> {
  const turns = h.conversations.turns.length;
  const before = sentCards(h).length;
  expect((await h.post(activity)).status).toBe(200);
  expect(h.conversations.turns).toHaveLength(turns);
  const added = sentCards(h).slice(before);
  expect(added).toHaveLength(1);
  return added[0]?.card;
}

/** The contact point takes the case and asks a question; the question reaches Rita's chat. */
async function caseWithQuestion(question: string) {
  const c = await escalateAndDeliver(h);
  await execute(h, 'Take case');
  await execute(h, 'Send question', { caseQuestion: question });
  await deliverAll(h);
  return c;
}

describe('"my cases" in the Teams personal chat', () => {
  it('lists the case with status, playbook and risk, and the open question with a Reply that sends the next message as the answer', async () => {
    const c = await caseWithQuestion('Which drone components, exactly?');
    const card = await ask(personalMessage('my cases'));
    const text = JSON.stringify(card);
    expect(text).toContain('Your cases');
    expect(text).toContain('Questions from your contact point');
    expect(text).toContain('Which drone components, exactly?');
    expect(text).toContain(c.ref);
    expect(text).toContain(c.draft.outcome.playbookTitle);
    expect(text).toContain('the contact point has a question for you');
    expect(text).toContain('Risk: High');
    const reply = actionsOf(card!).find((a) => a['title'] === 'Reply');
    expect(reply?.['data']).toEqual({ action: `case-reply:${c.id}` });

    // The card's Reply: the next message goes to the contact point without "Send this as your answer?".
    await click(h, 'Reply');
    expect(cardText(personalCards(h).slice(-1))).toContain(`Type your answer for case ${c.ref}`);
    await say(h, 'Only the flight-controller firmware.');
    expect(cardText(personalCards(h).slice(-1))).toContain(`Thanks, I passed your answer on for case ${c.ref}.`);
    expect((await h.cases.get(c.id))?.history.at(-1)).toMatchObject({ action: 'answered', text: 'Only the flight-controller firmware.' });
    await deliverAll(h);
    const thread = sentCards(h).filter((s) => s.conversationId.startsWith(`${CONTACT_CHANNEL_ID};messageid=`));
    expect(cardText(thread)).toContain('Only the flight-controller firmware.');

    // Answered: the question is gone from the card, the case is back with the contact point.
    const after = JSON.stringify(await ask(personalMessage('status')));
    expect(after).not.toContain('Which drone components');
    expect(after).toContain('a contact point is on it');
  });

  it('speaks Dutch for "mijn dossiers" from a Dutch Teams and shows another researcher none of Rita\'s cases', async () => {
    const c = await escalateAndDeliver(h);
    const peter = personalMessage('mijn dossiers', {
      from: { id: '29:1ZyXwVuTsRqPoNmLkJiHgFeDcBa-peter', name: 'Peter Professor', aadObjectId: '6c0b1f3e-2222-4d2a-9a7e-000000000002' },
      conversation: { conversationType: 'personal', tenantId: TENANT, id: 'a:1personal-conversation-with-peter' },
      locale: 'nl-BE',
    });
    const text = JSON.stringify(await ask(peter));
    expect(text).toContain('Je dossiers');
    expect(text).toContain('Je hebt nog geen dossier naar een contactpunt gestuurd.');
    expect(text).not.toContain(c.ref);
  });

  it("does not show Rita's cases to the same user id coming from another tenant", async () => {
    const c = await escalateAndDeliver(h);
    const other = '11111111-2222-3333-4444-555555555555';
    const text = JSON.stringify(
      await ask(
        personalMessage('my cases', {
          conversation: { conversationType: 'personal', tenantId: other, id: PERSONAL_CONVERSATION },
          channelData: { tenant: { id: other } },
        }),
      ),
    );
    expect(text).toContain('You have not sent a case to a contact point yet.');
    expect(text).not.toContain(c.ref);
  });

  it('in a team channel says it shows cases only in the personal chat, and lists nothing there', async () => {
    const c = await escalateAndDeliver(h);
    const mention = h.fixture('channel-mention');
    const from = { id: '29:1AbCdEfGhIjKlMnOpQrStUvWxYz-researcher', name: 'Rita Researcher', aadObjectId: RESEARCHER_AAD };
    const text = JSON.stringify(await ask({ ...mention, from, text: '<at>Research Security Advisor</at> my cases' }));
    expect(text).toContain('only in our personal chat');
    expect(text).not.toContain(c.ref);
  });

  it('shows the cases after the welcome when the app is installed again', async () => {
    const c = await escalateAndDeliver(h);
    const before = sentCards(h).length;
    expect((await h.post(h.fixture('install-personal'))).status).toBe(200);
    const [welcome, cases] = sentCards(h).slice(before);
    expect(JSON.stringify(welcome?.card)).toContain('"start":');
    // In the welcome's language (the install fixture's locale is Dutch).
    expect(JSON.stringify(cases?.card)).toContain('Je dossiers');
    expect(JSON.stringify(cases?.card)).toContain(c.ref);
  });

  it('sends only the welcome when a new researcher installs the app', async () => {
    expect((await h.post(h.fixture('install-personal'))).status).toBe(200);
    expect(sentCards(h)).toHaveLength(1);
  });

  it('"forget me" in the personal chat names the case that stays with the institution', async () => {
    const c = await escalateAndDeliver(h);
    await say(h, 'forget me');
    expect(cardText(personalCards(h).slice(-1))).toContain(`Cases already sent stay with your institution, as its retention rules say: ${c.ref}.`);
    expect(await h.store.getCase(c.id)).not.toBeNull();
  });
});
