// Typed answers that set apart what they name ("…, she wouldn't be on that", "…, not his lab"), answers that name
// several things one of which includes the others through what it includes, conditions on publishing, hedged fears,
// participants everywhere, and fields of modelling no critical technology area covers.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/engine/text.js';
import { namesFieldOutsideAreas } from '../../src/engine/areas.js';
import type { PlaybookId } from '../../src/engine/ids.js';
import { testEngine } from '../helpers/engine.js';
import { at, texts, typed } from './typed-helpers.js';

type Case = [PlaybookId, string, string, string];

const cases: Case[] = [
  // The person kept out of what was named: no access (lexicon `notInvolved`).
  ['hire-military-background', 'ask-access', "our lab also runs a small project with a defence company on sonar, he wouldn't be on that", 'no'],
  ['hire-military-background', 'ask-access', "one colleague has a defence project, but she won't work on it", 'no'],
  ['visiting-researcher', 'ask-access', 'er loopt een industrieproject met vertrouwelijke data, daar komt hij niet aan', 'no'],
  ['hire-military-background', 'ask-access', 'we hebben een defensieproject, maar daar werkt ze niet aan', 'no'],
  // Access itself still says yes.
  ['hire-military-background', 'ask-access', 'she would have full access to the lab data', 'yes'],
  // Another unit than the one asked about (lexicon `elsewhere`): not sure.
  ['partner-check', 'ask-military-ties', 'the university has a faculty that works with the navy. Not his lab.', 'unsure'],
  ['partner-check', 'ask-military-ties', 'De universiteit heeft een faculteit die voor defensie werkt, niet zijn groep.', 'unsure'],
  ['partner-check', 'ask-military-ties', 'yes, the university works with the navy, not only his lab', 'yes'],
  // Several named, one including the others through what it includes: photos include interviews, which include no-people data.
  ['fieldwork-abroad', 'ask-collection', 'audio recordings of interviews, photos of squares and buildings, field notes', 'photo-video'],
  ['fieldwork-abroad', 'ask-collection', "metingen van de luchtkwaliteit, dronefoto's van de terreinen en een paar interviews", 'photo-video'],
  // A condition on publishing restricts it; consultation is a say before publishing.
  ['foreign-government-commission', 'ask-publication', 'only with their prior written consent, and not before three years', 'approve-block'],
  ['foreign-government-commission', 'ask-publication', 'enkel met hun voorafgaande schriftelijke toestemming', 'approve-block'],
  ['foreign-government-commission', 'ask-publication', 'publiceren mag in overleg', 'review-comment'],
  ['foreign-government-commission', 'ask-publication', 'we publish in consultation with the ministry', 'review-comment'],
  // Hedged fears and not having thought about it: not sure.
  ['foreign-government-commission', 'ask-safety', "hadn't thought about that", 'unsure'],
  ['foreign-government-commission', 'ask-safety', 'Als de overheid weet wie meedoet... tja. Daar lig ik wel wakker van.', 'unsure'],
  ['foreign-government-commission', 'ask-safety', 'if the agency learns who took part... that worries me', 'unsure'],
  // Participants everywhere are outside the EU too.
  ['export-control', 'ask-outside-eu', "All over, it's on Zoom", 'yes'],
  ['export-control', 'ask-outside-eu', 'van overal, het is online', 'yes'],
];

describe('typed answers: set apart, included, conditions, fears, everywhere', () => {
  it.each(cases)('%s / %s: "%s" → %s', (playbook, step, text, value) => {
    expect(typed(playbook, step, text)).toBe(value);
  });
});

describe('modelling in a field no critical area covers', () => {
  const lexicon = testEngine().content.lexicon;
  it.each([
    'epidemiologie, statistische modellen voor diabetesrisico',
    'physical oceanography, turbulence and mixing, numerical modelling',
    'physiological modelling of heat stress',
  ])('"%s" is outside the areas', (text) => {
    expect(namesFieldOutsideAreas(normalize(text), lexicon)).toBe(true);
  });
  it.each(['machine learning models for speech', 'computational models of radar signatures'])('"%s" is not', (text) => {
    expect(namesFieldOutsideAreas(normalize(text), lexicon)).toBe(false);
  });
});

describe('what the user sees', () => {
  it('echoes the no read from a person kept out of a project', () => {
    const c = at('hire-military-background', 'ask-access', 'en');
    const r = c.say("our group also has a small project with a defence company, she wouldn't be on that");
    expect(texts(r.replies)).toMatch(/Understood: No, nothing sensitive/);
  });
});
