// Facts say what the user said, about whom (issue 12 item 4, issue 17 item 5): negation and doubt,
// owners and co-authors apart from the partner, demonyms in idioms, the partner's kind from its name.
import { describe, expect, it } from 'vitest';
import { createUnderstander } from '../../src/understand/index.js';

const u = createUnderstander();

describe('negation and doubt', () => {
  it.each([
    ['None of it is on the dual-use list.', 'dual-use'],
    ['Niets daarvan staat op de dual-uselijst.', 'dual-use'],
    ['it has no military application at all', 'dual-use'],
  ])('a denied fact is not a fact: "%s"', (text, signal) => {
    const f = u.extract(text);
    expect(f.signals).not.toContain(signal);
    expect(f.negatedSignals).toContain(signal);
  });

  it.each([
    ["I don't know whether it falls under the dual-use list", 'dual-use'],
    ['ik weet niet of dat onder dual use valt', 'dual-use'],
  ])('a fact left open is neither said nor denied: "%s"', (text, signal) => {
    const f = u.extract(text);
    expect(f.signals).not.toContain(signal);
    expect(f.negatedSignals ?? []).not.toContain(signal);
    expect(f.unsureSignals).toContain(signal);
  });

  it.each([
    ["It's clinical psychology: no tech, no sensors, no AI.", ['sensing', 'ai']],
    ['geen drones, geen AI, gewoon interviews', ['robotics', 'ai']],
    ['niks met drones of AI, gewoon interviews', ['robotics', 'ai']],
  ])('a technology ruled out is no domain of the question: "%s"', (text, ruledOut) => {
    const f = u.extract(text);
    for (const d of ruledOut) expect(f.domains).not.toContain(d);
  });

  it.each([
    ["we don't want to share our AI code with them", 'ai'],
    ['no, we build drones for farmers', 'robotics'],
    ['een EDF-call rond navigatie zonder GPS', 'space'],
  ])('a negation that does not deny the technology leaves it named: "%s"', (text, domain) => {
    expect(u.extract(text).domains).toContain(domain);
  });

  it('keeps "no idea who owns it" as unknown owners: there the doubt is the fact', () => {
    expect(u.extract('no idea who owns this company, really').signals).toContain('unknown-owners');
  });

  it('"geen bedrijf" drops the company and keeps the university', () => {
    const f = u.extract('het is geen bedrijf maar een universiteit in Shanghai');
    expect(f.partnerKind).toBe('university');
    expect(f.notPartnerKinds).toContain('company');
  });

  it('"wil niet zeggen" in "dat wil niet zeggen dat" (that does not mean) is not hidden owners', () => {
    expect(u.extract('dat wil niet zeggen dat het bedrijf onbetrouwbaar is').signals).not.toContain('unknown-owners');
    expect(u.extract('de firma wil niet zeggen wie de aandeelhouders zijn').signals).toContain('unknown-owners');
  });
});

describe('whom a fact is about', () => {
  it('records a Russian main shareholder as Russian owners, not unknown owners, and keeps Malta the partner country', () => {
    const f = u.extract(
      'I want to collaborate on reducing aircraft engine noise with a company based in Malta. Little is known about this company. The main shareholder is a Russian businessman.',
    );
    expect(f.countries).toEqual(['MT']);
    expect(f.ownerCountries).toEqual(['RU']);
    expect(f.signals).toContain('foreign-owners');
    expect(f.signals).toContain('risk-country-owners');
    expect(f.signals).not.toContain('unknown-owners');
    expect(f.signals).toContain('little-information');
  });

  it('"little is known about the company" says nothing about the owners', () => {
    const f = u.extract('Little is known about this company and its website is nearly empty.');
    expect(f.signals).toContain('little-information');
    expect(f.signals).not.toContain('unknown-owners');
  });

  it('Seven Sons co-authors beside a named European partner are facts about the co-authors', () => {
    const f = u.extract('Two co-authors from Harbin Institute of Technology are on our paper with TU Delft. Is that a problem?');
    expect(f.institutions.map((i) => i.id)).not.toContain('hit');
    expect(f.coAuthorInstitutions?.map((i) => i.id)).toEqual(['hit']);
    expect(f.countries).not.toContain('CN');
    expect(f.signals).not.toContain('seven-sons');
    expect(f.signals).toContain('co-author-risk');
  });

  it('co-authors are the subject when nothing else is named', () => {
    const f = u.extract('co-authors on my paper are from Harbin Institute of Technology, what now?');
    expect(f.institutions.map((i) => i.id)).toContain('hit');
    expect(f.signals).toContain('seven-sons');
  });

  it('a conference venue is not the case country when another country is named', () => {
    const f = u.extract('a professor I met at a conference in Singapore is now at Beihang and wants to write a proposal');
    expect(f.countries).toEqual(['CN']);
  });

  it('where someone studied or lives is in passing when another country is named, but a former employer is not', () => {
    expect(u.extract('an Iranian engineer who studied in Sweden applies for a postdoc in our lab').countries).toEqual(['IR']);
    expect(u.extract('een Wit-Russische postdoc die al jaren in Polen woont, solliciteert bij ons').countries).toEqual(['BY']);
    expect(u.extract('a candidate who studied in China wants to join our photonics lab').countries).toEqual(['CN']);
    expect(u.extract('he worked for a defence lab in Russia and has lived in Germany since 2020').countries).toEqual(['RU']);
  });

  it("where someone lives is kept as a fact of its own, never the partner's country; where they studied or met is not", () => {
    const lives = u.extract('he worked for a defence lab in Russia and has lived in Germany since 2020');
    expect(lives.incidentalCountries).toEqual(['DE']);
    expect(u.extract('een Wit-Russische postdoc die al jaren in Polen woont, solliciteert bij ons').incidentalCountries).toEqual(['PL']);
    expect(u.extract('an Iranian engineer who studied in Sweden applies for a postdoc in our lab').incidentalCountries).toBeUndefined();
    expect(u.extract('a professor I met at a conference in Singapore is now at Beihang').incidentalCountries).toBeUndefined();
  });

  it('a demonym before a registration or a foundation is a country; a language to learn is not', () => {
    expect(u.extract("a Swiss-registered 'research foundation' offers to fund our study").countries).toEqual(['CH']);
    expect(u.extract('ik wil tijdens mijn sabbatical Chinees leren').countries).toEqual([]);
    expect(u.extract('a monastery library in Sinai asked us to image their manuscripts').countries).toEqual(['EG']);
    expect(u.extract('a visiting fellow at Mount Sinai in New York').countries).toEqual(['US']);
  });

  it('a people points to its country only when no other country is named', () => {
    expect(u.extract('interviews with Uyghur refugees in Turkey').countries).toEqual(['TR']);
    expect(u.extract('interviews with Uyghur families about their daily life').countries).toEqual(['CN']);
    expect(u.extract('gesprekken met Rohingya-families in de kampen van Cox’s Bazar in Bangladesh').countries).toEqual(['BD']);
    expect(u.extract('photographing Crimean Tatars who fled to Poland').countries).toEqual(['PL']);
  });
});

describe("the researcher's own nationality", () => {
  it('"I\'m Italian myself" beside fieldwork in Turkey is not an Italian case; alone it is the case\'s country', () => {
    expect(u.extract("I'm Italian myself, but my supervisor says I should check before fieldwork with Kurdish communities in Turkey").countries).toEqual([
      'TR',
    ]);
    expect(u.extract('Ik ben Iraans maar doe veldwerk in Turkije').countries).toEqual(['TR']);
    expect(u.extract("I'm Iranian, can I join a drone project?").countries).toEqual(['IR']);
    expect(u.extract("I'm collaborating with a Chinese postdoc on a project in Germany").countries).toEqual(['CN', 'DE']);
  });
});

describe('a group named beside a partner', () => {
  it('"I read that a Nanjing is among the Seven Sons" does not make Nanjing University military: its name decides', () => {
    const f = u.extract("A PhD student from Nanjing University comes with a CSC grant. I read that a 'Nanjing' is among the Seven Sons. Is that excluded?");
    expect(f.institutions.map((i) => i.id)).toEqual(['nju']);
    expect(f.signals).not.toContain('military-ties');
  });

  it('said alone, the group still describes the partner', () => {
    expect(u.extract('Een universiteit van de Seven Sons wil een akkoord met ons').signals).toContain('military-ties');
    expect(u.extract('Harbin Engineering University is one of the Seven Sons').signals).toContain('military-ties');
  });
});

describe('demonyms that are ordinary words', () => {
  it.each([
    'Waar moet ik op letten bij een samenwerking met een bedrijf?',
    'Mijn collega Frans zoekt een parkeerkaart',
    "i've heard chinese whispers about our partner",
    'Export control rules are all Greek to me',
    'Die nieuwe aankoopsoftware is Chinees voor mij',
    'ik heb mijn onkostennota met de Franse slag ingevuld',
    'moeten we een Chinese muur optrekken tussen de twee teams?',
    'can you translate this into French?',
    'Wanneer zijn de lessen Chinees van het Talencentrum dit semester?',
    'We organiseren een Turkse avond voor de internationale studenten, wie betaalt de catering?',
    'Dat is voor mij allemaal Chinees, die sanctielijsten.',
    'Het voelt als Russische roulette met onze reputatie.',
    'Does an American list even apply to us?',
  ])('no country in "%s"', (text) => {
    expect(u.extract(text).countries).toEqual([]);
  });

  it.each([
    ['Our printer shows everything in Russian, how do I reset it?', 'RU'],
    ['heeft de bib een Engelse vertaling van die roman?', 'GB'],
    ['ik geef Spaans als taalvak aan de uitwisselingsstudenten', 'ES'],
    ['she speaks Chinese fluently', 'CN'],
    ['a survey of Russian-speaking families in Riga', 'RU'],
    ['the Chinese remainder theorem is on the exam', 'CN'],
    ['Ik lees Turks fruit voor het seminarie', 'TR'],
  ])('a demonym said as a language or in a fixed phrase is no country: "%s"', (text, code) => {
    expect(u.extract(text).countries).not.toContain(code);
  });

  it.each([
    ['een Frans bedrijf wil samenwerken rond batterijen', 'FR'],
    ['a Swiss company wants our sensor data', 'CH'],
    ['waar moet ik op letten bij een Chinese universiteit?', 'CN'],
    ['I teach Chinese students every autumn', 'CN'],
    ['they invest in Chinese companies', 'CN'],
    ['een Nederlands bedrijfje wil onze sensoren kopen', 'NL'],
    ['an industry contract from a Dutch BV to test composite panels', 'NL'],
    ['interviews in the camps around Cox’s Bazar', 'BD'],
  ])('the same words before a person or organisation are a country: "%s"', (text, code) => {
    expect(u.extract(text).countries).toEqual([code]);
  });
});

describe("the partner's kind", () => {
  it('the National University of Defense Technology is a (military) university, never a company', () => {
    expect(u.extract('We want to work with the National University of Defense Technology on AI').partnerKind).toBe('university');
  });

  it('an academy of the PLA (content/lists/chinese-military.yaml) is a Chinese military body', () => {
    const f = u.extract('the candidate spent three years at the Academy of Military Medical Sciences');
    expect(f.countries).toEqual(['CN']);
    expect(f.signals).toContain('military-ties');
    expect(f.partnerKind).toBe('military');
  });

  it('a defence body whose name says nothing more is the military', () => {
    expect(u.extract("the People's Liberation Army wants to fund our project").partnerKind).toBe('military');
  });

  it.each([
    ['We want to share test data with Hanseatic Photonics GmbH', 'company', 'Hanseatic Photonics GmbH'],
    ['Tehran Heart Hospital asked us for a joint study', 'hospital', 'Tehran Heart Hospital'],
    ['a group at the University of Novosibirsk wants to collaborate', 'university', 'University of Novosibirsk'],
  ])('reads the kind from an unlisted name: "%s"', (text, kind, name) => {
    const f = u.extract(text);
    expect(f.partnerKind).toBe(kind);
    expect(f.unlistedPartner?.name).toBe(name);
  });

  it('does not take a sentence for a name', () => {
    expect(u.extract('they want the test data by Friday').unlistedPartner).toBeUndefined();
  });
});
