// Typed answers read as mechanisms: a summing-up "so yes" before a short closing remark, bare TRL levels placed on the
// scale ("op 4", "to 6-7"), a bare "no" that lists a sign after an opening yes ("no real website"), signs and reports
// named without a yes (arrests, dismissals, "3x what a partner pays"), risk factors that describe the traveller, materials
// and fields outside the three intra-EU items, several funders at once, and a name typed where ties are asked.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/engine/text.js';
import { namesFieldOutsideAreas } from '../../src/engine/areas.js';
import type { PlaybookId } from '../../src/engine/ids.js';
import { testEngine } from '../helpers/engine.js';
import { at, texts, typed } from './typed-helpers.js';

type Case = [PlaybookId, string, string, string];

const cases: Case[] = [
  // A bare intensity is the answer that names it; a denied one is not; "ja" on how sensitive says sensitive.
  ['fieldwork-abroad', 'ask-subject', 'very. conflict-related sexual violence, and blocked aid', 'sensitive'],
  ['fieldwork-abroad', 'ask-subject', 'ja... Xinjiang, fabrieken, gezondheid. als ik het zo opschrijf wel ja', 'sensitive'],
  ['fieldwork-abroad', 'ask-subject', 'not very', 'neutral'],
  ['fieldwork-abroad', 'ask-subject', 'very, the 2023 act criminalises it and there are reports of arrests', 'repressed'],
  // Been there before, normal travel advice: no trouble expected.
  ['fieldwork-abroad', 'ask-researcher-safety', 'ik ben er al twee keer geweest, het reisadvies is gewoon normaal voor die regio', 'no'],
  // Others recruit or select the respondents.
  ['foreign-government-commission', 'ask-respondents', "they'd recruit the respondents themselves through schools run by the ministry", 'no'],
  ['foreign-government-commission', 'ask-respondents', 'we recruit them ourselves', 'yes'],
  // Everything stays within the project.
  ['hire-military-background', 'ask-take-abroad', 'alles blijft binnen het project, niets naar buiten behalve publicaties', 'no'],
  // Could be called up for reserve duty: still connected; no longer: not.
  ['hire-military-background', 'ask-still-connected', 'he could in theory be called up for reserve duty', 'yes'],
  // A ministry's scholarship is their government's.
  ['visiting-researcher', 'ask-funding', 'scholarship from the Iranian Ministry of Science, it covers everything', 'csc'],
  // A summing-up "so yes" / "dus ja" before a short remark that says no answer of its own.
  ['fieldwork-abroad', 'ask-researcher-safety', 'it is a tense region, so yes, I guess', 'yes'],
  ['fieldwork-abroad', 'ask-researcher-safety', 'het is een gespannen regio. Dus ja, da is wel een punt', 'yes'],
  ['foreign-government-commission', 'ask-safety', "als jongeren iets zeggen en dat komt bij de ambassade terecht... Dus ja, da's wel een punt", 'respondents'],
  // Bare levels placed on the scale, in a contrast: the levels named are read; a duration is no level.
  ['partner-check', 'ask-trl', 'wij zitten op 4, zij willen naar 6-7', 'applied'],
  ['partner-check', 'ask-trl', 'we are at 4, they want to go to 6-7', 'applied'],
  ['partner-check', 'ask-trl', 'we zijn er over 2 jaar', 'again'],
  // After an opening yes, a bare "no" that goes with the words after it lists a sign.
  ['opaque-company', 'ask-funding-signals', 'yes, all of them I think: high amount, no real website, no corporate email', 'yes'],
  ['opaque-company', 'ask-funding-signals', 'no, normal terms, no advance payment', 'no'],
  // Warning signs listed without a yes.
  ['opaque-company', 'ask-funding-signals', 'they offer roughly 3x what an industrial partner normally pays and want to start asap', 'yes'],
  ['opaque-company', 'ask-funding-signals', 'Het bedrag is wel erg hoog voor wat ze vragen.', 'yes'],
  // Reports of arrests and dismissals are such reports.
  ['partner-check', 'ask-human-rights', 'well, students were arrested after the protests and some professors were dismissed', 'yes'],
  ['partner-check', 'ask-human-rights', 'er zijn NGO-rapporten over het gebruik van hun drones', 'yes'],
  ['sensitive-tech-partner', 'ask-human-rights', 'na 2016 zijn daar academici ontslagen', 'yes'],
  // The traveller described with a risk factor: alone, with the normal laptop, a second nationality.
  ['fieldwork-abroad', 'ask-researcher-safety', 'ze gaat alleen, zes weken, met haar gewone laptop en gsm', 'yes'],
  ['fieldwork-abroad', 'ask-researcher-safety', 'she would travel alone, with her normal laptop', 'yes'],
  ['fieldwork-abroad', 'ask-researcher-safety', 'Ze is Belgische, maar via haar vader heeft ze ook de Egyptische nationaliteit.', 'yes'],
  // Materials that absorb no radiation are none of the three.
  ['export-control', 'ask-intra-eu', 'composietmaterialen, koolstofvezel met een biobased hars', 'no'],
  ['export-control', 'ask-intra-eu', 'carbon fibre composites', 'no'],
  ['export-control', 'ask-intra-eu', 'radar absorbing composites', 'again'],
  // "Concreet" (specifically) is no material: the cryptanalysis it goes with is named.
  ['export-control', 'ask-intra-eu', 'cryptanalyse, concreet het breken van lichtgewicht cijfers', 'yes'],
  // Several funders: all are read, a foreign state's scholarship first.
  ['visiting-researcher', 'ask-funding', 'CSC voor de beurs, ons deel uit BOF-werkingsmiddelen', 'csc'],
  ['visiting-researcher', 'ask-funding', 'a CSC grant, and we top it up from BOF', 'csc'],
];

describe('typed answers: summing-up, levels, listed signs, reports, risk factors, materials, funders', () => {
  it.each(cases)('%s / %s: "%s" → %s', (playbook, step, text, value) => {
    expect(typed(playbook, step, text)).toBe(value);
  });
});

describe('fields outside the areas', () => {
  const lexicon = testEngine().content.lexicon;
  it.each(['traffic flow simulation for city planning', 'verkeerssimulatie voor ruimtelijke planning'])('"%s" is outside the areas', (text) => {
    expect(namesFieldOutsideAreas(normalize(text), lexicon)).toBe(true);
  });
});

describe('a name typed where the home institution ties are asked', () => {
  it.each([
    ['en', 'Sharif University of Technology, aerospace engineering I believe, or mechanical, the email signature says both'],
    ['nl', "een technische universiteit in Ankara, haar labo heet iets met 'Akıllı Görü', slimme visie"],
    ['nl', 'een technische staatsuniversiteit in Moskou, de naam stuur ik liever per mail'],
    ['nl', 'Nanjing University, School of Electronic Science and Engineering. Niet de Nanjing University of Aeronautics and Astronautics.'],
  ] as const)('%s: "%s" is not sure, and the conversation goes on', (lang, text) => {
    const c = at('visiting-researcher', 'ask-home-ties', lang);
    const r = c.say(text);
    expect(texts(r.replies)).toMatch(/(Understood: I'm not sure|Begrepen: Ik weet het niet zeker)/);
    expect(c.state?.step).not.toBe('ask-home-ties');
  });
  it('keeps every funder named, the most cautious first', () => {
    const c = at('visiting-researcher', 'ask-funding', 'nl');
    c.say('CSC voor de beurs, ons deel uit BOF-werkingsmiddelen');
    expect(c.state?.facts.funders).toEqual(['csc', 'ours']);
  });
});

describe('what is shared, typed where the question asks whether it goes outside the EU', () => {
  const reach = (facts: Record<string, string[]>, text: string): string => {
    const c = at('defence-funding', 'ask-sharing', 'en');
    if (c.state) Object.assign(c.state.facts, facts);
    const r = c.say(text);
    return texts(r.replies).match(/Understood: [^\n]*/)?.[0] ?? 'again';
  };
  it('all partners inside the EU: no', () => {
    expect(reach({ countries: ['BE'] }, 'drafts of text by email')).toBe('Understood: No, only within the EU');
  });
  it('a paying defence body outside the EU: yes', () => {
    expect(reach({ countries: ['SA'], defenceFunders: ['SA'] }, 'They want quarterly code deliveries and the trained controllers.')).toBe('Understood: Yes');
  });
  it('a country outside the EU that may be only the topic: not sure', () => {
    expect(reach({ countries: ['BE', 'RW'] }, 'drafts of text by email')).toBe("Understood: I'm not sure");
  });
  it('nothing known of the partners: asked again', () => {
    expect(reach({}, 'drafts of text by email')).toBe('again');
  });
});
