// A contact point's question (issue 13 item 2): a message is the answer only after a clear reply — the Reply
// button, or a confirmed "Send this as your answer to case RS-…?" — and "Answer later" really frees the chat.
import { describe, expect, it } from 'vitest';
import { parseState } from '../../src/engine/state.js';
import { Conversation } from '../helpers/engine.js';

function withQuestion(lang: 'en' | 'nl'): Conversation {
  const c = new Conversation();
  if (lang === 'nl') c.send({ type: 'set-lang', lang: 'nl' });
  c.send({ type: 'case-question', caseId: 'case-7', caseRef: 'RS-CASE7', text: 'Who funds the visit?' });
  return c;
}

const values = (c: Conversation) => (c.last?.replies ?? []).flatMap((r) => ('choices' in r ? r.choices.map((x) => x.value) : []));
const labels = (c: Conversation) => (c.last?.replies ?? []).flatMap((r) => ('choices' in r ? r.choices.map((x) => x.label) : []));

describe.each(['en', 'nl'] as const)('answering a contact point (%s)', (lang) => {
  it('offers a Reply button that carries the case id, and Answer later', () => {
    const c = withQuestion(lang);
    expect(values(c)).toEqual(['case-reply:case-7', 'case-answer:later']);
    expect(labels(c)[0]).toBe(lang === 'en' ? 'Reply' : 'Antwoorden');
  });

  it('Reply, then the next message is the answer', () => {
    const c = withQuestion(lang);
    c.click('case-reply:case-7');
    const r = c.say('The CSC pays for it.');
    expect(r.effects).toEqual([{ type: 'case-answer', caseId: 'case-7', caseRef: 'RS-CASE7', text: 'The CSC pays for it.' }]);
    expect(c.state?.pendingCaseQuestion).toBeUndefined();
  });

  it('a message typed without Reply is sent only after the researcher confirms it', () => {
    const c = withQuestion(lang);
    const typed = c.say('The CSC pays for it.');
    expect(typed.effects).toEqual([]);
    expect(JSON.stringify(typed.replies)).toContain('RS-CASE7');
    expect(values(c)).toEqual(['case-send:case-7', 'case-new:case-7']);
    expect(labels(c)[1]).toBe(lang === 'en' ? "No, it's a new question" : 'Nee, het is een nieuwe vraag');
    const sent = c.click('case-send:case-7');
    expect(sent.effects).toEqual([{ type: 'case-answer', caseId: 'case-7', caseRef: 'RS-CASE7', text: 'The CSC pays for it.' }]);
  });

  it('"No, it\'s a new question" handles the message as a question and keeps the contact point\'s question open', () => {
    const c = withQuestion(lang);
    c.say(
      lang === 'en'
        ? 'We want to hire a candidate from Iran with a military background'
        : 'Wij willen een kandidaat uit Iran met een militaire achtergrond aanwerven',
    );
    const r = c.click('case-new:case-7');
    expect(r.effects).toEqual([]);
    expect(c.state?.playbook?.id).toBe('hire-military-background');
    expect(c.state?.pendingCaseQuestion).toMatchObject({ caseId: 'case-7', mode: 'later' });
  });

  it('a typed yes confirms, a typed no makes it a new question', () => {
    const c = withQuestion(lang);
    c.say('The CSC pays for it.');
    expect(c.say(lang === 'en' ? 'yes' : 'ja').effects).toHaveLength(1);
    const d = withQuestion(lang);
    d.say('what is the status of my case?');
    expect(d.say(lang === 'en' ? 'no' : 'nee').effects).toEqual([]);
    expect(d.state?.pendingCaseQuestion?.mode).toBe('later');
  });

  it('"Answer later" frees the chat: the next message is a new question, and Reply still works afterwards', () => {
    const c = withQuestion(lang);
    const later = c.click('case-answer:later');
    expect(later.replies.flatMap((r) => ('choices' in r ? r.choices.map((x) => x.value) : []))).toContain('case-reply:case-7');
    const q = c.say(
      lang === 'en'
        ? 'Another question: we want to work with a company in Malta whose owners we cannot find'
        : 'Andere vraag: we willen samenwerken met een bedrijf in Malta waarvan we de eigenaars niet vinden',
    );
    expect(q.effects).toEqual([]);
    expect(JSON.stringify(q.replies)).not.toContain('RS-CASE7');
    expect(c.state?.phase === 'asking' || c.state?.phase === 'clarifying').toBe(true);
    c.send({ type: 'action', value: 'case-reply:case-7' });
    const answer = c.say('The CSC pays for it.');
    expect(answer.effects).toEqual([{ type: 'case-answer', caseId: 'case-7', caseRef: 'RS-CASE7', text: 'The CSC pays for it.' }]);
  });

  it('a Reply for a question that is no longer open sends nothing', () => {
    const c = withQuestion(lang);
    c.send({ type: 'case-status', caseRef: 'RS-CASE7', status: 'closed' });
    c.send({ type: 'action', value: 'case-reply:case-7' });
    expect(c.say('late answer').effects).toEqual([]);
  });
});

it('a stored state from before (a pending question without mode) still loads and asks before sending', () => {
  const c = new Conversation();
  c.say('hello');
  const old = { ...c.state, pendingCaseQuestion: { caseId: 'case-1', caseRef: 'RS-OLD1' } };
  expect(parseState(old)).not.toBeNull();
  c.state = parseState(old);
  expect(c.say('some text').effects).toEqual([]);
  expect(JSON.stringify(c.last?.replies)).toContain('RS-OLD1');
});
