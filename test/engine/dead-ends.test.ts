// No dead ends (issue 12 "Dead ends", issue 13 item 3): at every step "this is not about X", "I meant Y",
// "send it after all", "not now" and "not sure" do what a person means, in English and Dutch.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/engine/types.js';
import { Conversation } from '../helpers/engine.js';

const texts = (replies: readonly Reply[] | undefined): string => JSON.stringify(replies ?? []);
const choiceValues = (c: Conversation): string[] =>
  (c.last?.replies ?? []).flatMap((r) => ('choices' in r ? r.choices.map((x) => x.value) : []));
const choiceLabels = (c: Conversation): string[] =>
  (c.last?.replies ?? []).flatMap((r) => ('choices' in r ? r.choices.map((x) => x.label) : []));

function droneOutcome(c: Conversation, lang: 'en' | 'nl'): void {
  if (lang === 'en') {
    c.say('I want to collaborate on drone technology with a university in China. Is that possible?');
    for (const a of ['Tsinghua University', 'yes', 'applied', 'no', 'no', 'data and software']) c.say(a);
  } else {
    c.say('Wij willen met een universiteit in China samenwerken rond drones. Kan dat?');
    for (const a of ['Tsinghua University', 'ja', 'toegepast', 'nee', 'nee', 'data en software']) c.say(a);
  }
  expect(c.state?.phase).toBe('outcome');
}

describe.each([
  { lang: 'en' as const, hire: 'We want to hire a candidate from Iran with a military background', notAbout: 'this is not about hiring', meant: 'I meant a visiting researcher from Iran' },
  { lang: 'nl' as const, hire: 'Wij willen een kandidaat uit Iran met een militaire achtergrond aanwerven', notAbout: 'dit gaat niet over aanwerving', meant: 'ik bedoelde een bezoekende onderzoeker uit Iran' },
])('changing playbook mid-way ($lang)', ({ lang, hire, notAbout, meant }) => {
  it('"not about hiring" offers other playbooks and "tell me more", never "didn\'t catch that"', () => {
    const c = new Conversation();
    c.say(hire);
    expect(c.state?.playbook?.id).toBe('hire-military-background');
    c.say(notAbout);
    expect(texts(c.last?.replies)).not.toMatch(/didn't catch|begreep ik niet/);
    expect(choiceValues(c)).toContain('more');
    expect(choiceValues(c).some((v) => v === 'switch:hire-military-background')).toBe(false);
  });

  it('"I meant a visiting researcher" switches playbook and keeps the country already given', () => {
    const c = new Conversation();
    c.say(hire);
    c.say(meant);
    expect(c.state?.playbook?.id).toBe('visiting-researcher');
    expect(c.state?.facts.countries).toEqual(['IR']);
    // The country is known, so the visiting playbook does not ask it again.
    expect(c.asked().some((q) => /country|land/i.test(q) && /visit|bezoek/i.test(q))).toBe(false);
  });

  it('"not about hiring, it is about …" in one message switches at once', () => {
    const c = new Conversation();
    c.say(hire);
    c.say(lang === 'en' ? 'this is not about hiring, a visiting PhD student from Iran comes for three months' : 'dit gaat niet over aanwerving, het gaat over een bezoekende doctoraatsstudent uit Iran');
    expect(c.state?.playbook?.id).toBe('visiting-researcher');
    expect(c.state?.facts.countries).toEqual(['IR']);
  });

  it('"None of these: tell me more" asks one more sentence and routes on it', () => {
    const c = new Conversation();
    c.say(hire);
    c.say(notAbout);
    c.click('more');
    expect(c.state?.phase).toBe('telling-more');
    c.say(lang === 'en' ? 'a guest researcher from Iran visits our lab for three months' : 'een gastonderzoeker uit Iran komt drie maanden op bezoek in ons labo');
    expect(c.state?.playbook?.id).toBe('visiting-researcher');
    expect(c.state?.facts.countries).toEqual(['IR']);
  });

  it('a topic named mid-way is offered as a switch that keeps the facts', () => {
    const c = new Conversation();
    c.say(hire);
    c.say(lang === 'en'
      ? 'Actually, do I need an export licence to send our sensor software to a partner in Iran?'
      : 'Eigenlijk: heb ik een uitvoervergunning nodig om onze sensorsoftware naar een partner in Iran te sturen?');
    expect(choiceValues(c)).toContain('switch:export-control');
    c.click('switch:export-control');
    expect(c.state?.playbook?.id).toBe('export-control');
    expect(c.state?.facts.countries).toContain('IR');
  });
});

describe.each(['en', 'nl'] as const)('the clarifying question (%s)', (lang) => {
  const vague = lang === 'en' ? 'something about partners maybe' : 'iets over partners misschien';
  it('always offers "None of these: tell me more"', () => {
    const c = new Conversation();
    c.say(vague);
    expect(c.state?.phase).toBe('clarifying');
    expect(choiceLabels(c)).toContain(lang === 'en' ? 'None of these: tell me more' : 'Geen van deze: ik vertel meer');
  });

  it('"not sure" asks for one more sentence instead of calling it off-topic', () => {
    const c = new Conversation();
    c.say(vague);
    c.say(lang === 'en' ? 'not sure' : 'weet niet');
    expect(c.state?.phase).toBe('telling-more');
    expect(texts(c.last?.replies)).not.toMatch(/I can only help|Ik kan alleen helpen/);
    c.say(lang === 'en' ? 'a company in Malta whose owners we cannot find wants to fund our project' : 'een bedrijf in Malta waarvan we de eigenaars niet vinden wil ons project financieren');
    // Routed on what was said: started, or offered first when the router is unsure.
    if (c.state?.phase === 'clarifying') {
      expect(choiceValues(c)[0]).toBe('start:opaque-company');
      c.click('start:opaque-company');
    }
    expect(c.state?.playbook?.id).toBe('opaque-company');
    expect(c.state?.facts.countries).toContain('MT');
  });
});

describe.each([
  { lang: 'en' as const, sendAfterAll: ['send it after all', 'please send it to my contact point anyway'], notNow: ['not now', 'no', 'no thanks, don\'t send it'] },
  { lang: 'nl' as const, sendAfterAll: ['toch doorsturen', 'stuur het toch maar door', 'toch wel doorsturen naar mijn contactpunt'], notNow: ['nu niet', 'nee', 'nee, niet doorsturen'] },
])('sending after all ($lang)', ({ lang, sendAfterAll, notNow }) => {
  it.each(sendAfterAll)('after Cancel, "%s" resumes the escalation instead of starting a playbook', (phrase) => {
    const c = new Conversation();
    droneOutcome(c, lang);
    c.click('escalate:yes');
    c.click('inst:ugent');
    c.click('confirm:no');
    // The outcome keeps its "Send to my contact point" action.
    expect(choiceValues(c)).toContain('escalate:yes');
    c.say(phrase);
    expect(c.state?.playbook?.id).toBe('sensitive-tech-partner');
    expect(c.state?.phase).toBe('confirming');
    const sent = c.click('confirm:yes');
    expect(sent.effects.map((e) => e.type)).toEqual(['escalate']);
  });

  it('after Cancel, the kept "Send to my contact point" button sends it', () => {
    const c = new Conversation();
    droneOutcome(c, lang);
    c.click('escalate:yes');
    c.click('inst:kuleuven');
    c.click('confirm:no');
    c.click('escalate:yes');
    expect(c.state?.phase).toBe('confirming');
    expect(c.click('confirm:yes').effects).toHaveLength(1);
  });

  it.each(notNow)('"%s" to "Shall I send this summary?" is "Not now"', (phrase) => {
    const c = new Conversation();
    droneOutcome(c, lang);
    const r = c.say(phrase);
    expect(r.effects).toEqual([]);
    expect(c.state?.phase).toBe('idle');
    expect(c.state?.playbook?.id).toBe('sensitive-tech-partner');
    expect(choiceValues(c)).toContain('escalate:yes');
  });

  it('after "not now", saying to send it after all still works', () => {
    const c = new Conversation();
    droneOutcome(c, lang);
    c.say(notNow[0] ?? '');
    c.say(sendAfterAll[0] ?? '');
    expect(c.state?.phase).toBe('choosing-institution');
  });

  it('once sent, "send it after all" says it was sent and sends nothing twice', () => {
    const c = new Conversation();
    droneOutcome(c, lang);
    c.click('escalate:yes');
    c.click('inst:ugent');
    c.click('confirm:yes');
    const again = c.say(sendAfterAll[0] ?? '');
    expect(again.effects).toEqual([]);
    expect(texts(again.replies)).toContain(c.state?.cases[0] ?? 'RS-');
  });
});

describe.each([
  { lang: 'en' as const, start: 'I want to collaborate on drone technology with a university in China. Is that possible?', meant: 'I meant Northwestern Polytechnical University', meantNo: 'I meant no', yes: 'yes' },
  { lang: 'nl' as const, start: 'Wij willen met een universiteit in China samenwerken rond drones. Kan dat?', meant: 'ik bedoelde Northwestern Polytechnical University', meantNo: 'ik bedoelde nee', yes: 'ja' },
])('correcting the previous answer ($lang)', ({ start, meant, meantNo, yes }) => {
  it('"I meant <another name>" replaces the partner and screens the new name', () => {
    const c = new Conversation();
    c.say(start);
    c.say('Tsinghua University');
    expect(c.state?.step).toBe('ask-dual-use');
    c.say(meant);
    expect(c.state?.playbook?.id).toBe('sensitive-tech-partner');
    expect(c.state?.facts.partnerName).toBe('Northwestern Polytechnical University');
    expect(c.state?.screening.some((h) => h.list === 'seven-sons')).toBe(true);
    expect(c.state?.step).toBe('ask-dual-use');
  });

  it('"I meant no" corrects the answer just given and keeps how the others were given', () => {
    const c = new Conversation();
    c.say(start);
    c.say('Tsinghua University');
    c.say(yes);
    expect(c.state?.facts.dualUse).toBe('yes');
    c.say(meantNo);
    expect(c.state?.facts.dualUse).toBe('no');
    expect(c.state?.step).toBe('ask-trl');
    expect(c.state?.answers.find((a) => a.step === 'ask-partner-name')).toMatchObject({ typed: true, inferred: false });
  });
});
