// State is versioned JSON; old or damaged state never crashes a conversation.
import { describe, expect, it } from 'vitest';
import { freshState } from '../../src/engine/state.js';
import { STATE_VERSION } from '../../src/engine/types.js';
import { Conversation, meta, testEngine } from '../helpers/engine.js';

describe('conversation state', () => {
  it('is plain JSON with a version', () => {
    const c = new Conversation();
    c.say('I want to collaborate on drone technology with a university in China');
    expect(JSON.parse(JSON.stringify(c.state))).toEqual(c.state);
    expect(c.state?.v).toBe(STATE_VERSION);
  });

  it('restarts politely when the playbook changed since the state was stored', () => {
    const c = new Conversation();
    c.say('I want to collaborate on drone technology with a university in China');
    const stored = structuredClone(c.state);
    if (!stored?.playbook) throw new Error('no playbook');
    stored.playbook.rev = 'an-old-revision';
    const result = testEngine().step(stored, { type: 'text', text: 'yes' }, meta());
    expect(result.replies[0]).toMatchObject({ kind: 'text' });
    expect(result.state.playbook?.rev).toBe(testEngine().content.playbooks.get('sensitive-tech-partner')?.rev);
    // The facts the user gave are kept, so the first questions are not asked again.
    expect(result.state.facts.countries).toEqual(['CN']);
    expect(result.replies.some((r) => r.kind === 'question')).toBe(true);
  });

  it('starts fresh, with a word of explanation, when stored state is damaged or from an unknown version', () => {
    for (const bad of [{ v: 99 }, 'nonsense', { ...freshState(), phase: 'flying' }]) {
      const result = testEngine().step(bad, { type: 'text', text: 'hello' }, meta());
      expect(result.state.v).toBe(STATE_VERSION);
      expect(result.replies.length).toBeGreaterThan(1);
    }
  });

  it('forgets the user on "vergeet mij"', () => {
    const c = new Conversation();
    c.say('Ik wil samenwerken rond drones met een Chinese universiteit');
    const result = c.say('vergeet mij');
    expect(result.effects).toEqual([{ type: 'forget-user' }]);
    expect(c.state?.facts).toEqual({});
    expect(c.state?.phase).toBe('idle');
  });

  it('says what stays with the institution after "forget me": the cases already sent, by reference', () => {
    const nothingSent = new Conversation().say('forget me');
    expect(nothingSent.replies).toEqual([{ kind: 'text', text: expect.stringContaining('You had sent no case to a contact point') }]);
    const stored = { ...freshState('nl'), cases: ['RS-2026-0015'] };
    // The service adds the cases sent from the user's other conversations; each is named once.
    const result = testEngine().step(stored, { type: 'text', text: 'vergeet mij' }, { ...meta(), sentCases: ['RS-2026-0012', 'RS-2026-0015'] });
    expect(result.replies).toEqual([
      {
        kind: 'text',
        text: 'Ik heb ons gesprek gewist. Dossiers die je al stuurde, blijven bij je instelling, volgens haar bewaarregels: RS-2026-0012, RS-2026-0015.',
      },
    ]);
    expect(result.state.cases).toEqual([]);
    expect(result.effects).toEqual([{ type: 'forget-user' }]);
  });

  it('never changes the state it was given', () => {
    const c = new Conversation();
    c.say('I want to collaborate on drone technology with a university in China');
    const given = c.state;
    const snapshot = JSON.stringify(given);
    for (const text of ['Tsinghua University', 'yes', 'applied', 'no', 'no', 'data and software']) {
      testEngine().step(given, { type: 'text', text }, meta());
      c.say(text);
    }
    expect(JSON.stringify(given)).toBe(snapshot);
    const outcomeState = c.state;
    const outcomeSnapshot = JSON.stringify(outcomeState);
    testEngine().step(outcomeState, { type: 'action', value: 'escalate:yes' }, meta());
    expect(JSON.stringify(outcomeState)).toBe(outcomeSnapshot);
  });

  it('is deterministic: the same state and input give the same result', () => {
    const engine = testEngine();
    const m = meta();
    const a = engine.step(null, { type: 'text', text: 'Can I work on drones with a university in China?' }, m);
    const b = engine.step(null, { type: 'text', text: 'Can I work on drones with a university in China?' }, m);
    expect(a).toEqual(b);
  });
});
