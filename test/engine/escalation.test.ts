// From outcome to a case: the researcher confirms, and only then one escalation effect is emitted, carrying the
// full case; a contact point's question and the typed answer are relayed. These check what the engine hands to
// the channels and the case service (the effects and their payload); a cancelled escalation, and the
// conversations around sending, are in dialogs/tests/dead-ends.yaml.
import { describe, expect, it } from 'vitest';
import { Conversation } from '../helpers/engine.js';

function toOutcome(c: Conversation): void {
  c.say('I want to collaborate on drone technology with a university in China. Is that possible?');
  c.say('Tsinghua University');
  c.say('yes');
  c.say('applied');
  c.say('no');
  c.say('no');
  c.say('data and software');
}

describe('escalation', () => {
  it('asks the institution, confirms, and emits exactly one escalation with the full case', () => {
    const c = new Conversation();
    toOutcome(c);
    expect(c.outcome()?.outcome.escalate).toBe(true);
    expect(c.click('escalate:yes').effects).toEqual([]);
    expect(c.state?.phase).toBe('choosing-institution');
    const typed = c.say('I work at KU Leuven');
    expect(typed.effects).toEqual([]);
    expect(c.state?.phase).toBe('confirming');
    const confirm = c.last?.replies.find((r) => r.kind === 'menu');
    expect(confirm && 'text' in confirm ? confirm.text : '').toContain('kennisveiligheid@kuleuven.be');
    const sent = c.click('confirm:yes');
    expect(sent.effects).toHaveLength(1);
    const effect = sent.effects[0];
    if (effect?.type !== 'escalate') throw new Error('expected an escalation');
    expect(effect.case.institution).toBe('kuleuven');
    expect(effect.case.playbook).toBe('sensitive-tech-partner');
    expect(effect.case.outcome.risk).toBe('high');
    expect(effect.case.answers.length).toBeGreaterThanOrEqual(7);
    expect(effect.case.summaryMarkdown).toContain('kennisveiligheid@kuleuven.be');
    const created = sent.replies.find((r) => r.kind === 'case-created');
    expect(created && 'caseRef' in created ? created.caseRef : '').toBe(effect.case.ref);
    // A second click on the same button does not escalate twice.
    expect(c.send({ type: 'action', value: 'confirm:yes' }).effects).toEqual([]);
  });

  it('relays a contact point question and the researcher typed answer', () => {
    const c = new Conversation();
    toOutcome(c);
    c.click('escalate:yes');
    c.click('inst:uhasselt');
    c.click('confirm:yes');
    const ref = c.state?.cases[0] ?? '';
    c.send({ type: 'case-question', caseId: 'case-1', caseRef: ref, text: 'Which drone components?' });
    expect(c.last?.replies[0]).toMatchObject({ kind: 'menu' });
    // A message is the answer only after a clear reply: here, the Reply button (issue 13 item 2).
    c.click('case-reply:case-1');
    const answer = c.say('Only the flight controller firmware.');
    expect(answer.effects).toEqual([{ type: 'case-answer', caseId: 'case-1', caseRef: ref, text: 'Only the flight controller firmware.' }]);
    c.send({ type: 'case-status', caseRef: ref, status: 'closed', advice: 'Apply for a licence first.' });
    expect(c.last?.replies[0]).toMatchObject({ kind: 'text' });
    expect(JSON.stringify(c.last?.replies)).toContain('Apply for a licence first.');
  });
});
