// Typed answers that name reprisals against respondents, respondents chosen by someone else (recruitment agencies,
// supplied lists), a role during compulsory service, police work, a concluding doubt, specifications the research
// doesn't need, a likely listing said with a question mark, possible military uses named, a partner's other
// institutions set aside, and climate science as a field no critical technology area covers.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/engine/text.js';
import { namesFieldOutsideAreas } from '../../src/engine/areas.js';
import type { PlaybookId } from '../../src/engine/ids.js';
import { testEngine } from '../helpers/engine.js';
import { at, texts, typed } from './typed-helpers.js';

type Case = [PlaybookId, string, string, string];

const cases: Case[] = [
  // Reprisals named: arrest, losing a job or a residence permit (respondents at risk).
  ['foreign-government-commission', 'ask-safety', 'criticism can get you arrested there, so... not great?', 'respondents'],
  ['foreign-government-commission', 'ask-safety', "workers could lose their job or their residence permit if they're seen complaining", 'respondents'],
  ['foreign-government-commission', 'ask-safety', 'wie kritiek geeft kan daar opgepakt worden', 'respondents'],
  ['foreign-government-commission', 'ask-safety', 'ze kunnen hun verblijfsvergunning verliezen', 'respondents'],
  // Respondents supplied or selected by someone else.
  ['foreign-government-commission', 'ask-respondents', 'they would supply lists of households, via the recruitment agencies', 'no'],
  ['foreign-government-commission', 'ask-respondents', "the agencies would select them, we wouldn't really go in ourselves", 'no'],
  ['foreign-government-commission', 'ask-respondents', 'zij leveren de lijsten, via rekruteringsbureaus', 'no'],
  ['foreign-government-commission', 'ask-respondents', 'we choose ourselves', 'yes'],
  // A softening word doesn't stretch the negated verb's reach away: "wouldn't really go in ourselves" is still denied.
  ['foreign-government-commission', 'ask-respondents', "we wouldn't really go in ourselves", 'no'],
  // An officer or a corps during compulsory service is that service; a branch and its equipment alone a career.
  ['hire-military-background', 'ask-background', "compulsory service. her CV says 'mental health officer, IDF Medical Corps'", 'conscription'],
  ['hire-military-background', 'ask-background', 'verplichte legerdienst, als officier bij het medisch korps', 'conscription'],
  ['hire-military-background', 'ask-background', "avionics maintenance branch, 'mostly maintaining radar on aircraft'", 'career-military'],
  ['hire-military-background', 'ask-background', 'an officer in the navy for ten years', 'career-military'],
  // Police is a security service; a dataset built with the police is sensitive access.
  ['hire-military-background', 'ask-background', 'niet echt militair, het is politie/veiligheid', 'security-service'],
  ['hire-military-background', 'ask-background', 'she worked for the police in Shanghai', 'security-service'],
  ['hire-military-background', 'ask-access', 'ze zou werken aan een dataset die we samen met een Belgische politiedienst opbouwden', 'yes'],
  ['hire-military-background', 'ask-access', 'she would work on data we collected with the police', 'yes'],
  // A closing clause that concludes with a doubt leaves the text unsure, even after a listing was named.
  ['export-control', 'ask-listed', "maar een collega zei dat 'genetische elementen' ook op een lijst staan. ik weet het dus nie", 'unsure'],
  ['export-control', 'ask-listed', "but a colleague said genetic elements are on a list too. so I don't know", 'unsure'],
  ['export-control', 'ask-listed', 'een collega zei dat het op de lijst staat, dus ja', 'yes'],
  // Specifications the research doesn't need are a warning sign.
  ['opaque-company', 'ask-funding-signals', 'heel specifieke specs: werking bij -40 graden, wat wij niet nodig hebben', 'yes'],
  ['opaque-company', 'ask-funding-signals', "operation at -40 degrees, which we don't need for stationary storage", 'yes'],
  ['opaque-company', 'ask-funding-signals', 'nothing unusual', 'no'],
  // A likely listing said with a rising tone.
  ['defence-funding', 'ask-dual-use', 'zeer waarschijnlijk, radar staat toch op die lijst?', 'yes'],
  ['defence-funding', 'ask-dual-use', 'highly likely, radar is on that list, right?', 'yes'],
  // A possible military use named.
  ['export-control', 'ask-end-use', 'not intended. though I suppose single-photon detection is used in lidar', 'yes'],
  ['export-control', 'ask-end-use', 'vaccinonderzoek, maar CCHF staat op de bioterrorisme-lijsten', 'yes'],
  ['export-control', 'ask-end-use', 'purely civilian', 'no'],
  // The partner's institutions set aside.
  ['sensitive-tech-partner', 'ask-military-ties', 'not for the universities', 'no'],
  ['partner-check', 'ask-military-ties', 'niet voor de universiteiten', 'no'],
];

describe('typed answers: reprisals, agencies, service roles, police, concluding doubts, specs, lists', () => {
  it.each(cases)('%s / %s: "%s" → %s', (playbook, step, text, value) => {
    expect(typed(playbook, step, text)).toBe(value);
  });
});

describe('climate science is no critical technology area', () => {
  const lexicon = testEngine().content.lexicon;
  it.each(['klimaatwetenschap, permafrostbodems, methaanfluxen', 'climate science, permafrost soils and methane fluxes'])(
    '"%s" is outside the areas',
    (text) => {
      expect(namesFieldOutsideAreas(normalize(text), lexicon)).toBe(true);
    },
  );
  it('climate modelling with machine learning is not', () => {
    expect(namesFieldOutsideAreas(normalize('climate modelling with machine learning'), lexicon)).toBe(false);
  });
});

describe('what the user sees', () => {
  it('echoes the respondents at risk from a reprisal named', () => {
    const c = at('foreign-government-commission', 'ask-safety', 'en');
    const r = c.say("workers could lose their job or their residence permit if they're seen complaining");
    expect(texts(r.replies)).toMatch(/Understood:/);
  });
  it('echoes a no from respondents chosen by agencies', () => {
    const c = at('foreign-government-commission', 'ask-respondents', 'nl');
    const r = c.say('zij leveren de lijsten van huishoudens, via de rekruteringsbureaus');
    expect(texts(r.replies)).toMatch(/Begrepen:/);
  });
});
