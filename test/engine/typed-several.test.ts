// Typed answers that name several answers at once, and answers that tell more than the question asked: a question
// that takes several (`several`) records the one the advice rests on and echoes all; an answer to "what would you
// share?" that says how it travels answers that too; a qualifier ("without people on them"), owners from outside the
// EU and its allies (`alliedOnly`), and a field that is none of what a yes/no question names (`fieldOutside`).
import { describe, expect, it } from 'vitest';
import type { PlaybookId } from '../../src/engine/ids.js';
import { at, texts, typed } from './typed-helpers.js';

type Case = [PlaybookId, string, string, string];

const english: Case[] = [
  ['export-control', 'ask-item', 'the prototype and its calibration software', 'software'],
  ['export-control', 'ask-item', 'VHDL design files and test scripts', 'software'],
  ['export-control', 'ask-item', 'not the samples, only the code', 'software'],
  ['export-control', 'ask-channel', 'samples by courier, the code via GitHub', 'electronic'],
  ['export-control', 'ask-channel', 'a workshop, and they download the files afterwards', 'lecture'],
  // What is shared, typed for how, implies it (`implied`): code and data files travel electronically, things are shipped.
  ['export-control', 'ask-channel', 'our simulation software and calibration datasets', 'electronic'],
  ['export-control', 'ask-channel', 'four physical detectors', 'shipment'],
  ['export-control', 'ask-channel', 'the samples, and I would hand them over during my visit', 'visit'],
  ['sensitive-tech-partner', 'ask-trl', 'TRL 2 to 4', 'applied'],
  ['sensitive-tech-partner', 'ask-trl', "TRL 2-3, it's fundamental propagation work", 'fundamental'],
  ['sensitive-tech-partner', 'ask-sharing', 'samples and measurement data, all for publication', 'data-software-knowhow'],
  ['partner-check', 'ask-collaboration', 'co-edited book, a workshop in Ghent and maybe one in Shanghai', 'other'],
  ['partner-check', 'ask-collaboration', 'a joint paper and co-supervising her PhD', 'supervision'],
  ['partner-check', 'ask-collaboration', 'one co-authored paper, we each analyse our own samples and the data go to a public repository', 'co-authorship'],
  ['opaque-company', 'ask-owner-ties', 'yes, a state group that also builds military engines', 'military'],
  ['fieldwork-abroad', 'ask-collection', 'archival notes and photos of 19th-century letters in the municipal archive', 'no-people'],
  ['fieldwork-abroad', 'ask-collection', 'interviews, and photos of the wells, without people on them', 'interviews'],
  ['fieldwork-abroad', 'ask-collection', 'photos of the market and a few interviews', 'photo-video'],
];

const dutch: Case[] = [
  ['export-control', 'ask-item', 'het prototype zelf en de kalibratiesoftware', 'software'],
  ['export-control', 'ask-item', 'vier fysieke detectoren plus de meetprotocollen', 'technology'],
  ['export-control', 'ask-channel', 'fysieke stalen per koerier, de code via een private GitHub-repo', 'electronic'],
  ['export-control', 'ask-channel', 'vier fysieke detectoren plus de meetprotocollen', 'shipment'],
  ['sensitive-tech-partner', 'ask-sharing', 'Enkel onze berekeningen en een gedeeld LaTeX-document. Geen labdata, geen hardware.', 'data-software-knowhow'],
  // The MoU is the tie that binds most; the exchanges it frames go with it (G:588-592).
  ['partner-check', 'ask-collaboration', 'Een MoU op universiteitsniveau, met uitwisseling van doctorandi en gezamenlijke publicaties', 'mou'],
  // A PhD student who works there for two months is a stay, not a joint PhD.
  ['partner-check', 'ask-collaboration', 'gezamenlijke publicaties en een doctorandus die twee maanden daar werkt', 'other'],
  ['opaque-company', 'ask-owner-ties', 'Ja, als het klopt is het een Russische staatsgroep die ook militaire vliegtuigmotoren bouwt.', 'military'],
  ['fieldwork-abroad', 'ask-collection', "Audio-opnames die ze hier transcribeert, en foto's van irrigatiesystemen, zonder mensen erop", 'interviews'],
  ['fieldwork-abroad', 'ask-collection', 'Leeftijdscategorie, nationaliteit, mening over vuilbakken. Geen namen.', 'anonymous-survey'],
  ['fieldwork-abroad', 'ask-researcher-safety', 'Gewoon de normale reisvoorzichtigheid.', 'no'],
  ['visiting-researcher', 'ask-access', 'Hij zou in het lab zitten waar ook ons project met de Marine loopt.', 'yes'],
  ['sensitive-tech-partner', 'ask-dual-use', 'ik heb bijlage I doorzocht en niets specifieks gevonden, maar ik ben geen jurist', 'unsure'],
];

describe('typed answers that name several answers', () => {
  it.each(english)('EN %s / %s: "%s" → %s', (playbook, step, text, value) => {
    expect(typed(playbook, step, text)).toBe(value);
  });
  it.each(dutch)('NL %s / %s: "%s" → %s', (playbook, step, text, value) => {
    expect(typed(playbook, step, text)).toBe(value);
  });
});

describe('what the user sees', () => {
  it('EN: "samples by courier, code via GitHub" is one complete answer: both are echoed, and how it travels is not asked again', () => {
    const c = at('export-control', 'ask-item', 'en');
    const r = c.say('the test samples by courier, the code via GitHub');
    expect(texts(r.replies)).toContain('Understood: Software or code (also: Goods: samples, materials, components, equipment)');
    expect(c.state?.step).not.toBe('ask-channel');
    // The channel question keeps every way named (keepsAll): the recorded one first, each with its own questions.
    expect(c.state?.facts.channel).toEqual(['electronic', 'shipment']);
    const card = c.state?.answers.find((a) => a.step === 'ask-channel');
    expect(card?.label).toContain('By e-mail, cloud, shared drive or video call');
    expect(card?.label).toContain('Shipped or carried abroad');
  });

  it('NL: "het prototype en de kalibratiesoftware" echoes both and still asks how it travels', () => {
    const c = at('export-control', 'ask-item', 'nl');
    const r = c.say('het prototype zelf en de kalibratiesoftware');
    expect(texts(r.replies)).toContain('Begrepen: Software of code (ook: Goederen: stalen, materiaal, componenten, apparatuur)');
    expect(c.state?.step).toBe('ask-channel');
  });

  it('NL: thermal imaging is none of nuclear, absorbing material or cryptanalysis; a field nobody recognises is asked again', () => {
    const c = at('export-control', 'ask-intra-eu', 'nl');
    expect(texts(c.say('thermische beeldvorming').replies)).toContain('Begrepen: Nee');
    const d = at('export-control', 'ask-intra-eu', 'en');
    d.say('soil ecology, microbial diversity');
    expect(d.state?.facts.intraEu).toBe('no');
    const e = at('export-control', 'ask-intra-eu', 'en');
    e.say('radar absorbing coatings for thermal cameras');
    expect(e.state?.facts.intraEu).toBe('yes');
  });

  it('EN: owners from the EU and from outside its allies are not EU-only owners; NL: Belgian owners are', () => {
    const c = at('opaque-company', 'ask-owners', 'en');
    expect(texts(c.say('two founders, one Estonian, the other I think is from Kazakhstan? not sure').replies)).toContain(
      'Understood: Known owners from another country',
    );
    const d = at('opaque-company', 'ask-owners', 'nl');
    d.say('twee Belgische oprichters, oud-studenten van ons');
    expect(d.state?.facts.owners).toBe('known');
  });

  it("NL: an owners' tie of both kinds records military and raises both flags", () => {
    const c = at('opaque-company', 'ask-owner-ties', 'nl', { 'ask-owners': 'foreign' });
    expect(texts(c.say('Ja, een staatsgroep die ook militaire vliegtuigmotoren bouwt.').replies)).toContain(
      'Begrepen: Ja, militaire activiteiten (ook: Ja, in handen van of dicht bij een overheid)',
    );
    expect(c.state?.flags).toEqual(expect.arrayContaining(['military-ties', 'government-ties']));
  });
});
