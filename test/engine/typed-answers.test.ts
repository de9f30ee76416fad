// People type their answers instead of clicking, in English and Dutch.
import { describe, expect, it } from 'vitest';
import { Conversation } from '../helpers/engine.js';

function startDrone(c: Conversation, text = 'I want to collaborate on drone technology with a university in China. Is that possible?') {
  c.say(text);
  c.say('Tsinghua University'); // partner name
}

describe('typed answers', () => {
  it('understands yes, nope and "not sure" in English', () => {
    const c = new Conversation();
    startDrone(c);
    expect(c.question()?.step).toBe('ask-dual-use');
    c.say('yes');
    expect(c.state?.facts.dualUse).toBe('yes');
    c.say('applied, we build a prototype');
    expect(c.state?.facts.trl).toBe('applied');
    c.say('nope');
    expect(c.state?.facts.partnerMilitaryTies).toBe('no');
    c.say("I don't know");
    expect(c.state?.facts.partnerHumanRights).toBe('unsure');
    expect(c.state?.flags).toContain('unsure-partnerHumanRights');
  });

  it('understands ja, nee and weet niet in Dutch, and answers in Dutch', () => {
    const c = new Conversation();
    startDrone(c, 'Ik wil samenwerken rond dronetechnologie met een universiteit in China. Kan dat?');
    expect(c.state?.lang).toBe('nl');
    expect(c.question()?.text).toMatch(/dual-use/);
    expect(c.question()?.choices.map((x) => x.label)).toContain('Ik weet het niet zeker');
    c.say('ja');
    expect(c.state?.facts.dualUse).toBe('yes');
    c.say('fundamenteel');
    expect(c.state?.facts.trl).toBe('fundamental');
    c.say('nee hoor');
    expect(c.state?.facts.partnerMilitaryTies).toBe('no');
    c.say('weet niet');
    expect(c.state?.facts.partnerHumanRights).toBe('unsure');
  });

  it('takes "a university" and a country name typed at the prompt', () => {
    const c = new Conversation();
    c.send({ type: 'start', playbook: 'sensitive-tech-partner' });
    c.say('drones');
    expect(c.state?.facts.domains).toEqual(['robotics']);
    c.say('a university');
    expect(c.state?.facts.partnerKind).toBe('university');
    c.say('Iran');
    expect(c.state?.facts.countries).toEqual(['IR']);
    expect(c.state?.flags).toContain('higher-risk-country');
  });

  it('takes a technology area named in its own words, and asks again when two areas fit', () => {
    for (const [typed, area] of [['materials', 'materials'], ['energie', 'energy'], ['nuclear physics', 'energy'], ['ruimtevaart', 'space'], ['gene editing', 'biotech']] as const) {
      const c = new Conversation();
      c.send({ type: 'start', playbook: 'sensitive-tech-partner' });
      c.say(typed);
      expect(c.state?.facts.domains, typed).toEqual([area]);
    }
    const c = new Conversation();
    c.send({ type: 'start', playbook: 'sensitive-tech-partner' });
    c.say('technologies');
    expect(c.state?.facts.domains).toBeUndefined();
    expect(c.question()?.step).toBe('ask-domain');
  });

  it('does not ask again what the first message said', () => {
    const c = new Conversation();
    startDrone(c);
    const asked = c.asked().join('\n');
    expect(asked).not.toMatch(/technology area/);
    expect(asked).not.toMatch(/kind of organisation/);
    expect(asked).not.toMatch(/which country/i);
    // …but the card still shows them, marked as taken from what was said.
    expect(c.state?.answers.filter((a) => a.inferred).map((a) => a.fact)).toEqual(expect.arrayContaining(['domains', 'partnerKind', 'countries']));
  });

  it('asks again, kindly, when a typed answer is not understood, and loses nothing', () => {
    const c = new Conversation();
    startDrone(c);
    const before = structuredClone(c.state);
    c.say('purple elephants');
    expect(c.last?.replies[0]).toMatchObject({ kind: 'text' });
    expect(c.question()?.step).toBe('ask-dual-use');
    expect(c.state?.facts).toEqual(before?.facts);
  });

  it('ignores a click on a button of an earlier question', () => {
    const c = new Conversation();
    startDrone(c);
    c.say('yes');
    c.send({ type: 'action', value: 'answer:no', step: 'ask-dual-use' });
    expect(c.state?.facts.dualUse).toBe('yes');
    expect(c.question()?.step).toBe('ask-trl');
  });

  it('offers to switch when the user asks something else entirely', () => {
    const c = new Conversation();
    startDrone(c);
    c.say('Actually, do I need an export licence to give an online lecture on dual-use technology to students outside the EU?');
    const menu = c.last?.replies.find((r) => r.kind === 'menu');
    expect(menu && 'choices' in menu ? menu.choices.map((x) => x.value) : []).toEqual(expect.arrayContaining(['switch:export-control', 'continue']));
  });
});
