// Answers researchers typed in played conversations that were not understood, or understood wrongly,
// before the matcher and the synonyms were improved. Each asserts the value the engine records. (How a typed
// answer shows on the case is in dialogs/tests/typed-answers.yaml.)
import { describe, expect, it } from 'vitest';
import type { PlaybookId } from '../../src/engine/ids.js';
import { typed } from './typed-helpers.js';

type Case = [PlaybookId, string, string, string];

const english: Case[] = [
  ['partner-check', 'ask-partner-kind', "no, it's a company, not a university", 'company'],
  ['partner-check', 'ask-collaboration', 'we only publish papers together', 'co-authorship'],
  ['partner-check', 'ask-collaboration', 'both a project and a joint paper', 'again'],
  ['partner-check', 'ask-sanctions', "didn't find anything", 'no'],
  ['partner-check', 'ask-sanctions', 'probably not', 'no'],
  ['partner-check', 'ask-sanctions', 'not on any list I checked', 'no'],
  ['partner-check', 'ask-military-ties', 'not that I know of', 'no'],
  ['partner-check', 'ask-military-ties', "it's a military hospital actually", 'yes'],
  ['partner-check', 'ask-human-rights', 'there were some news reports about profiling of uyghurs', 'yes'],
  ['partner-check', 'ask-human-rights', 'I doubt it', 'no'],
  ['partner-check', 'ask-human-rights', 'nope, clean as far as i can tell', 'no'],
  ['sensitive-tech-partner', 'ask-partner-kind', 'not a university, a government lab', 'again'],
  ['sensitive-tech-partner', 'ask-trl', "we're at TRL 4", 'applied'],
  ['sensitive-tech-partner', 'ask-trl', 'TRL 6', 'applied'],
  ['sensitive-tech-partner', 'ask-trl', 'trl3', 'applied'],
  ['sensitive-tech-partner', 'ask-trl', 'TRL 2-3', 'again'],
  ['sensitive-tech-partner', 'ask-trl', 'pretty fundamental, mostly theory', 'fundamental'],
  ['sensitive-tech-partner', 'ask-sharing', "we'd ship them some prototype cells", 'goods-equipment'],
  ['sensitive-tech-partner', 'ask-dual-use', "not that I'm aware of", 'no'],
  ['visiting-researcher', 'ask-stay', 'a phd student from china coming for a year', 'visiting'],
  ['visiting-researcher', 'ask-funding', 'her university pays', 'home-institution'],
  ['visiting-researcher', 'ask-funding', 'we pay from my ERC grant', 'ours'],
  ['visiting-researcher', 'ask-military-cv', 'there are some indications', 'yes'],
  ['export-control', 'ask-item', 'lecture slides on crypto algorithms', 'technology'],
  ['export-control', 'ask-item', 'code and data', 'again'],
  ['export-control', 'ask-channel', 'a talk at a conference', 'again'],
  ['export-control', 'ask-outside-eu', 'obviously', 'yes'],
  ['fieldwork-abroad', 'ask-subject', 'the government bans it', 'repressed'],
  ['fieldwork-abroad', 'ask-collection', 'video interviews', 'photo-video'], // the photo answer says "with or without interviews",
  ['fieldwork-abroad', 'ask-travel-advice', 'they advise against all travel', 'conflict'],
  ['fieldwork-abroad', 'ask-travel-advice', 'all good', 'normal'],
  ['fieldwork-abroad', 'ask-researcher-safety', 'definitely', 'yes'],
  ['foreign-government-commission', 'ask-subject', 'they crack down on it', 'repressive'],
  ['foreign-government-commission', 'ask-publication', "we haven't agreed anything yet", 'not-agreed'],
  ['foreign-government-commission', 'ask-publication', 'they can veto it', 'restricted'],
  ['foreign-government-commission', 'ask-client-kind', 'a government-funded foundation', 'again'],
  ['foreign-government-commission', 'ask-safety', 'not at all', 'none'],
  ['hire-military-background', 'ask-still-connected', 'not anymore', 'no'],
  ['hire-military-background', 'ask-background', 'she worked for the FSB', 'security-service'],
  ['opaque-company', 'ask-sanctions-check', "haven't checked yet", 'not-checked'],
  ['opaque-company', 'ask-information', 'they have a website but no address', 'little'],
  ['opaque-company', 'ask-owners', 'a british family', 'known'],
  ['opaque-company', 'ask-funding-signals', 'nothing weird', 'no'],
  ['opaque-company', 'ask-funding-signals', 'they offer way more money than usual', 'yes'],
  ['defence-funding', 'ask-programme', 'a Chinese defence company', 'non-allied'],
  ['defence-funding', 'ask-programme', 'belgian defence research, DEFRA', 'again'],
  ['defence-funding', 'ask-classified', 'unclassified', 'none'],
  ['defence-funding', 'ask-sharing', 'only within the EU', 'no'],
  ['defence-funding', 'ask-dual-use', 'no, I checked Annex I and it is not in there', 'no'],
  ['defence-funding', 'ask-dual-use', 'yes, annex i category 5', 'yes'],
  ['sensitive-tech-partner', 'ask-trl', '5-6, we do flight tests', 'applied'],
  ['sensitive-tech-partner', 'ask-trl', '2, still pen and paper', 'fundamental'],
  ['partner-check', 'ask-funders', 'our own budget plus an FWO project', 'fwo'],
];

const dutch: Case[] = [
  ['partner-check', 'ask-partner-kind', 'geen universiteit, een bedrijf', 'company'],
  ['partner-check', 'ask-partner-kind', 'het is geen unief maar een firma', 'company'],
  ['partner-check', 'ask-military-ties', 'denk het niet', 'no'],
  ['partner-check', 'ask-military-ties', 'ik vermoed van wel', 'yes'],
  ['partner-check', 'ask-human-rights', 'weet ik eigenlijk niet', 'unsure'],
  ['partner-check', 'ask-human-rights', 'eigenlijk wel', 'yes'],
  ['sensitive-tech-partner', 'ask-partner-kind', 'geen bedrijf', 'again'],
  ['sensitive-tech-partner', 'ask-dual-use', 'denk het niet', 'no'],
  ['sensitive-tech-partner', 'ask-trl', 'TRL 6', 'applied'],
  ['sensitive-tech-partner', 'ask-trl', 'fundamenteel onderzoek, TRL 2', 'fundamental'],
  ['sensitive-tech-partner', 'ask-military-ties', 'ik denk van niet', 'no'],
  ['visiting-researcher', 'ask-funding', 'een beurs van de Chinese overheid', 'csc'],
  ['visiting-researcher', 'ask-funding', 'de Vlaamse overheid', 'ours'],
  ['visiting-researcher', 'ask-military-cv', 'denk het wel', 'yes'],
  ['export-control', 'ask-outside-eu', 'jazeker', 'yes'],
  ['export-control', 'ask-end-use', 'ik vermoed van wel', 'yes'],
  ['export-control', 'ask-end-use', 'ik vermoed van niet', 'no'],
  ['export-control', 'ask-listed', 'ik denk het niet', 'no'],
  ['fieldwork-abroad', 'ask-devices', 'kan wel', 'yes'],
  ['fieldwork-abroad', 'ask-devices', 'nee dat gaat niet', 'no'],
  ['fieldwork-abroad', 'ask-identifiable', 'denk het wel', 'yes'],
  ['fieldwork-abroad', 'ask-collection', 'filmopnames van betogingen', 'photo-video'],
  ['fieldwork-abroad', 'ask-collection', "foto's van gebouwen", 'again'],
  ['fieldwork-abroad', 'ask-devices', 'weet ik nog niet', 'unsure'],
  ['foreign-government-commission', 'ask-safety', 'ik denk het niet', 'none'],
  ['hire-military-background', 'ask-background', 'hij was beroepsofficier', 'career-military'],
  ['hire-military-background', 'ask-cv-gaps', 'klopt allemaal', 'no'],
  ['hire-military-background', 'ask-cv-gaps', 'klopt niet helemaal', 'yes'],
  ['hire-military-background', 'ask-access', 'denk het niet', 'no'],
  ['opaque-company', 'ask-information', 'ze hebben een website maar geen adres', 'little'],
  ['defence-funding', 'ask-classified', 'weet ik nog niet', 'unsure'],
  ['defence-funding', 'ask-programme', 'een Amerikaans defensiebedrijf', 'allied'],
  ['defence-funding', 'ask-dual-use', 'nee, ik heb bijlage I nagekeken en het valt er niet onder', 'no'],
  ['defence-funding', 'ask-dual-use', 'geen flauw idee, waarschijnlijk wel iets van radar?', 'unsure'],
  ['sensitive-tech-partner', 'ask-trl', '3 denk ik', 'applied'],
  ['partner-check', 'ask-funders', 'eigen middelen en een FWO-project', 'fwo'],
  ['partner-check', 'ask-funders', 'FWO en Horizon Europe', 'again'],
];

describe('typed answers found in played conversations', () => {
  it.each(english)('EN %s / %s: "%s" → %s', (playbook, step, text, value) => {
    expect(typed(playbook, step, text)).toBe(value);
  });

  it.each(dutch)('NL %s / %s: "%s" → %s', (playbook, step, text, value) => {
    expect(typed(playbook, step, text)).toBe(value);
  });
});
