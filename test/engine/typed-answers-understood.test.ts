// Typed answers (issue 12, "Facts" and "What to build" 4–5): negation and doubt read as a person means them,
// the bot says in one line how it read a typed answer (never for a click), and a partner name is only taken
// as a name when it looks like one.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/engine/types.js';
import { Conversation } from '../helpers/engine.js';
import { typed } from './typed-helpers.js';

const texts = (replies: readonly Reply[] | undefined): string[] => (replies ?? []).filter((r) => r.kind === 'text').map((r) => ('text' in r ? r.text : ''));

describe('negation and doubt in typed answers', () => {
  it.each([
    ['None of it is on the dual-use list', 'no'],
    ['none of the parts we use are listed', 'no'],
    ["I don't know whether it falls under the dual-use list", 'unsure'],
    ["it's not listed as far as I know", 'no'],
    ['I checked: it is not in Annex I', 'no'],
    ['I wonder if the software is dual use', 'unsure'],
    ['niets ervan staat op de dual-uselijst', 'no'],
    ['ik weet niet of het op de lijst staat', 'unsure'],
    ['geen idee of het onder bijlage I valt', 'unsure'],
    ['ik twijfel of onze code eronder valt', 'unsure'],
  ])('dual-use question: "%s" → %s', (text, value) => {
    expect(typed('sensitive-tech-partner', 'ask-dual-use', text)).toBe(value);
  });

  it('a denied yes-answer is a no for a yes/no question ("not everyone", "niet iedereen")', () => {
    expect(typed('defence-funding', 'ask-nationality', 'not everyone on the team is from the EU')).toBe('no');
    expect(typed('fieldwork-abroad', 'ask-identifiable', 'they are not anonymous')).toBe('yes');
  });

  it('"wil niet zeggen" / "they won\'t say" is withheld, not the researcher\'s own "not sure" and not "no"', () => {
    expect(typed('opaque-company', 'ask-owners', 'ze willen het niet zeggen')).toBe('unknown');
    expect(typed('opaque-company', 'ask-owners', "they won't say")).toBe('unknown');
    expect(typed('partner-check', 'ask-military-ties', 'ze willen het niet zeggen')).not.toBe('no');
    expect(typed('partner-check', 'ask-military-ties', 'ze willen het niet zeggen')).not.toBe('unsure');
  });

  it('an answer that says "I don\'t know who owns it" beats a bare "not sure"', () => {
    expect(typed('opaque-company', 'ask-owners', 'no idea who owns it')).toBe('unknown');
    expect(typed('opaque-company', 'ask-owners', 'geen idee wie de eigenaar is')).toBe('unknown');
    expect(typed('opaque-company', 'ask-owners', 'not sure')).toBe('unsure');
  });
});

function toDualUse(c: Conversation, lang: 'en' | 'nl'): void {
  c.say(lang === 'en'
    ? 'I want to collaborate on drone technology with a university in China. Is that possible?'
    : 'Wij willen met een universiteit in China samenwerken rond drones. Kan dat?');
  c.say('Tsinghua University');
  expect(c.state?.step).toBe('ask-dual-use');
}

describe.each([
  { lang: 'en' as const, text: 'None of it is on the dual-use list', line: 'Understood: No, nothing listed' },
  { lang: 'nl' as const, text: 'niets ervan staat op de dual-uselijst', line: 'Begrepen: ' },
])('repeating back a typed answer ($lang)', ({ lang, text, line }) => {
  it('says in one line how a typed answer was understood, with the answer\'s label', () => {
    const c = new Conversation();
    toDualUse(c, lang);
    c.say(text);
    const said = texts(c.last?.replies);
    expect(said.some((t) => t.startsWith(line))).toBe(true);
    expect(c.state?.facts.dualUse).toBe('no');
    const echo = said.find((t) => t.startsWith(line)) ?? '';
    const label = c.state?.answers.find((a) => a.fact === 'dualUse')?.label ?? '?';
    expect(echo).toContain(label);
    expect(echo.split('\n')).toHaveLength(1);
  });

  it('says nothing of the kind for a clicked button', () => {
    const c = new Conversation();
    toDualUse(c, lang);
    c.click('answer:no');
    expect(texts(c.last?.replies).some((t) => /^(Understood|Begrepen):/.test(t))).toBe(false);
  });

  it('repeats back "not sure" and a typed country too', () => {
    const c = new Conversation();
    c.say(lang === 'en' ? 'We want to start fieldwork abroad with interviews' : 'We willen veldwerk in het buitenland doen met interviews');
    expect(c.state?.step).toBe('ask-country');
    c.say(lang === 'en' ? 'in Kenya' : 'in Kenia');
    expect(texts(c.last?.replies).join('\n')).toMatch(/(Understood|Begrepen): Ken[iy]a/);
    c.say(lang === 'en' ? "I don't know whether it is sensitive there" : 'ik weet niet of het daar gevoelig ligt');
    expect(texts(c.last?.replies).join('\n')).toMatch(lang === 'en' ? /Understood: I'm not sure/ : /Begrepen: Ik weet het niet zeker/);
  });
});

describe.each([
  { lang: 'en' as const, start: 'I want to collaborate on drone technology with a university in China. Is that possible?', sentence: 'they want the test data', ask: "Is 'they want the test data' the organisation's name?" },
  { lang: 'nl' as const, start: 'Wij willen met een universiteit in China samenwerken rond drones. Kan dat?', sentence: 'ze willen de testdata', ask: "Is 'ze willen de testdata' de naam van de organisatie?" },
])('partner names ($lang)', ({ start, sentence, ask }) => {
  it('asks before taking a sentence as a name, and screens nothing', () => {
    const c = new Conversation();
    c.say(start);
    expect(c.state?.step).toBe('ask-partner-name');
    const r = c.say(sentence);
    expect(JSON.stringify(r.replies)).toContain(ask);
    expect(JSON.stringify(r.replies)).not.toMatch(/No hits|Geen treffers|Lists checked|Gecontroleerde lijsten/);
    expect(c.state?.facts.partnerName).toBeUndefined();
    expect(c.state?.screened).toBeUndefined();
  });

  it('No asks for the name again; then a real name is taken and screened', () => {
    const c = new Conversation();
    c.say(start);
    c.say(sentence);
    c.click('name:no');
    expect(c.state?.step).toBe('ask-partner-name');
    expect(c.question()?.step).toBe('ask-partner-name');
    c.say('Northwestern Polytechnical University');
    expect(c.state?.facts.partnerName).toBe('Northwestern Polytechnical University');
    expect(c.state?.screened?.names).toContain('Northwestern Polytechnical University');
  });

  it('Yes takes the text as the name after all', () => {
    const c = new Conversation();
    c.say(start);
    c.say(sentence);
    c.say('yes');
    expect(c.state?.facts.partnerName).toBe(sentence);
    expect(c.state?.step).not.toBe('ask-partner-name');
  });

  it.each(['Tsinghua University', 'NUDT', 'Harbin Engineering University', 'sharif university of technology', 'Huawei Technologies Co., Ltd.'])(
    'takes "%s" as a name without asking',
    (name) => {
      const c = new Conversation();
      c.say(start);
      c.say(name);
      expect(c.state?.facts.partnerName).toBe(name);
      expect(c.state?.phase).not.toBe('confirming-name');
    },
  );
});
