// Facts a good advisor hears in a question: countries, technology areas, institutions, funders,
// the kind of partner, the user's own institution and the situation.
import { describe, expect, it } from 'vitest';
import { createUnderstander } from '../../src/understand/index.js';

const u = createUnderstander();

describe('countries', () => {
  it.each([
    ['a collaboration with Tsinghua', 'CN'],
    ['a visiting professor from Beihang', 'CN'],
    ['a partner in Tehran', 'IR'],
    ['a PhD student with a CSC scholarship', 'CN'],
    ['fieldwork in Xinjiang', 'CN'],
    ['interviews in Tibet', 'CN'],
    ['een project op de Krim', 'UA'],
    ['een Chinese universiteit', 'CN'],
    ['een Iraanse partner', 'IR'],
    ['de Russische academie', 'RU'],
    ['een Wit-Russische onderzoeker', 'BY'],
    ['samenwerken met Saoedi-Arabië', 'SA'],
    ['een Israëlisch bedrijf', 'IL'],
    ['een israelisch bedrijf', 'IL'],
    ['someone from the IRGC', 'IR'],
    ['an engineer at Aselsan', 'TR'],
    ['researchers at KAUST', 'SA'],
    ['a lab in Pyongyang', 'KP'],
    ['a startup in Abu Dhabi', 'AE'],
  ])('%s → %s', (text, code) => {
    expect(u.extract(text).countries).toContain(code);
  });

  it('does not read ordinary words as countries', () => {
    expect(u.extract('can you help us with this, it is a bit urgent').countries).toEqual([]);
    expect(u.extract('I want to polish the English text of my paper').countries).toEqual([]);
    expect(u.extract('a partner in Latin America').countries).toEqual([]);
  });

  it.each([
    ['a grant from the Al-Noor Foundation', []],
    ['Noor is een goede collega van mij', []],
    ['Koptische families in Egypte', ['EG']],
    ['a visiting student from Georgia Tech', ['US']],
  ])('does not mistake names for countries: %s', (text, codes) => {
    expect(u.extract(text).countries).toEqual(codes);
  });

  it('still reads a Norwegian in Dutch', () => {
    expect(u.extract('er werkt een Noor in ons team').countries).toEqual(['NO']);
    expect(u.extract('twee Noren en een Noorse partner').countries).toEqual(['NO']);
  });

  it('lists the foreign country first and Belgium last', () => {
    expect(u.extract('Your Belgian doctoral student wants to do research in China').countries).toEqual(['CN', 'BE']);
  });
});

describe('technology areas', () => {
  it.each([
    ['UAV swarms', 'robotics'],
    ['een onbemand luchtvaartuig', 'robotics'],
    ['onbemande luchtvaartuigen', 'robotics'],
    ['dronetechnologie', 'robotics'],
    ['lidar for cars', 'sensing'],
    ['radar signal processing', 'sensing'],
    ['warmtebeeldcamera', 'sensing'],
    ['encryption software', 'connectivity'],
    ['versleuteling', 'connectivity'],
    ['hypersonic propulsion', 'space'],
    ['satellite imagery', 'space'],
    ['satellietnavigatie', 'space'],
    ['battery chemistry', 'energy'],
    ['batterijtechnologie', 'energy'],
    ['quantum sensing', 'quantum'],
    ['halfgeleiders', 'semiconductors'],
    ['gene editing with CRISPR', 'biotech'],
    ['facial recognition', 'ai'],
    ['additive manufacturing', 'materials'],
    ['gezichtsherkenning', 'ai'],
    ["zelfrijdende auto's", 'robotics'],
    ['autonomous driving', 'robotics'],
    ['onderwaterdrones', 'robotics'],
    ['een onderzoeksdrone', 'robotics'],
    ['chipontwerp', 'semiconductors'],
    ['onze chiptechnologie', 'semiconductors'],
    ['halfgeleidrs', 'semiconductors'],
    ['waterstofopslag', 'energy'],
    ['CRISPR', 'biotech'],
    ['gene synthesis', 'biotech'],
    ['satellietbeelden', 'space'],
    ['warmtebeeldcamera', 'sensing'],
    ['post-quantum crypto', 'quantum'],
    ['an LLM for Arabic', 'ai'],
    ['exoskeletten', 'robotics'],
    ['autonome landbouwrobots', 'robotics'],
    ['kwantumsensoronderzoek', 'sensing'],
    ['kwantumsensoronderzoek', 'quantum'],
    ['materialen voor kernfusiereactoren', 'materials'],
    ['materials for hypersonic flight', 'materials'],
    ['a webinar on our cryptanalysis toolkit', 'connectivity'],
    ['een nieuwe legering', 'materials'],
    // Sub-technologies of the EU list, in words the area names do not use.
    ['a counter-UAS sensor suite', 'sensing'],
    ['antidronesystemen rond de luchthaven', 'sensing'],
    ['smart cameras that recognise faces', 'sensing'],
    ['EEG headsets for stress research', 'sensing'],
    ['looppatroonherkenning in bewakingsbeelden', 'ai'],
    ['nummerplaatherkenning', 'ai'],
    ['licence plate recognition at the border', 'ai'],
    ['semantic segmentation of road scenes', 'ai'],
    // Words of the ten areas that the area names do not use; a Dutch compound joined with s.
    ['bedrijf uit Hongkong wil een licentie op onze beeldherkenningssoftware', 'ai'],
    ['lidar point cloud segmentation', 'ai'],
    ['GaN power transistors for chargers', 'semiconductors'],
    ['radiation-hardened microcontrollers for cubesats', 'semiconductors'],
    ['NV-centre magnetometry', 'quantum'],
    ['recycling li-ion black mass', 'energy'],
    ['perovskite absorber powder', 'energy'],
    ['a Dutch BV wants a licence on our thermal barrier coatings', 'materials'],
    ['releasing the model weights', 'ai'],
    ['de getrainde gewichten delen', 'ai'],
    ['een GPU-cluster huren', 'ai'],
    ['booking time in the cleanroom', 'semiconductors'],
    ['MEMS fabrication', 'semiconductors'],
    ['hoogvermogenlasers', 'semiconductors'],
    ['plasmiden en cellijnen', 'biotech'],
    ['predicting protein structures', 'biotech'],
    ['viral vectors for gene therapy', 'biotech'],
    ['GNSS anti-jamming antennas', 'connectivity'],
    ['spoofing detection for GPS', 'connectivity'],
    ['onderwaterakoestische lokalisatie', 'connectivity'],
    ['acoustic localization of AUVs', 'connectivity'],
    ['QKD between two cities', 'connectivity'],
    ['intrusiedetectie in computernetwerken', 'connectivity'],
    ['collision avoidance for unmanned ships', 'robotics'],
    ['collision avoidance for unmanned ships', 'ai'],
    ['botsingsvermijding voor onbemande vaartuigen', 'robotics'],
    ['CubeSat star trackers', 'space'],
    ['small modular reactors', 'energy'],
    ['cell lines', 'biotech'],
    ['2D materials', 'materials'],
    ['sensordata uit een windturbine', 'sensing'],
    ['high-power fibre lasers', 'semiconductors'],
    ['het ontwerp van GaN-hoogfrequentversterkers', 'semiconductors'],
    ['6G-antennes op chipniveau', 'semiconductors'],
    ['computationele taalkunde', 'ai'],
    ['machine translation between minority languages', 'ai'],
    ['ze willen ons model verder trainen op hun data', 'ai'],
    ['the next batch of antibody sequences', 'biotech'],
    ['genetically engineered yeast', 'biotech'],
    ['an underwater acoustic modem', 'connectivity'],
    ['drones met laserscanners', 'sensing'],
    ['SAR ship detection', 'sensing'],
    ['bacteriën die zeldzame metalen uit mijnafval halen', 'materials'],
    ['recycling battery cathodes', 'materials'],
    ['uranium hexafluoride conversion', 'energy'],
    ['cybersecurity van slimme meters', 'energy'],
  ])('%s → %s', (text, domain) => {
    expect(u.extract(text).domains).toContain(domain);
  });

  it('reads a compound on -herkenning as recognition technology, but not "herkenning" alone', () => {
    expect(u.extract('emotieherkenning op basis van spraak').domains).toContain('ai');
    expect(u.extract('er was veel herkenning bij de collega’s').domains).toEqual([]);
    expect(u.extract('recognition of my foreign diploma').domains).toEqual([]);
  });

  it('does not turn ordinary words into technology by a typo fix', () => {
    expect(u.extract('water samples from a lake').domains).toEqual([]);
    expect(u.extract('a template for the vision statement').domains).toEqual([]);
    expect(u.extract('a clear place to start').domains).toEqual([]);
    expect(u.extract('we co-organise a workshop on youth movements').domains).toEqual([]);
    expect(u.extract('the freezers stay in the university incubator').domains).toEqual([]);
  });
});

describe('words the vocabulary does not list as such', () => {
  it('reads a Dutch diminutive as its word: een bedrijfje is a company', () => {
    expect(u.extract('een bedrijfje uit Servië').partnerKind).toBe('company');
  });

  it('does not read an alloy as the army, nor a guest lecture as a guest', () => {
    expect(u.route('een legering testen').facts.why.join(' ')).not.toMatch(/leger\b/);
    expect(u.extract('ik geef een gastcollege in Turkije').signals).not.toContain('visiting');
    expect(u.extract('we hire internationally').signals).not.toContain('visiting');
  });
});

describe('institutions, funders and partners', () => {
  it('recognises the Seven Sons by name and abbreviation, with the signal', () => {
    const facts = u.extract('co-authors from Harbin Engineering University and NUAA');
    expect(facts.institutions.map((i) => i.id)).toEqual(expect.arrayContaining(['heu', 'nuaa']));
    expect(facts.signals).toContain('seven-sons');
  });

  it('only reads HIT as Harbin when written in capitals', () => {
    expect(u.extract('a professor from HIT').institutions.map((i) => i.id)).toContain('hit');
    expect(u.extract('that hit me hard').institutions).toEqual([]);
  });

  it.each([
    ['a CSC scholarship', 'csc'],
    ['the European Defence Fund', 'edf'],
    ['het Europees Defensiefonds', 'edf'],
    ['a DEFRA call', 'defra'],
    ['a Horizon Europe project', 'horizon-europe'],
    ['my FWO application', 'fwo'],
    ['funded by BELSPO', 'belspo'],
  ])('%s → funder %s', (text, funder) => {
    expect(u.extract(text).funders).toContain(funder);
  });

  it.each([
    ['can i collab w/ a uni in iran', 'university'],
    ['een bedrijf uit Malta', 'company'],
    ['a foreign government agency', 'government'],
    ['een onderzoeker in een ziekenhuis met banden met het leger', 'hospital'],
    ['a researcher who worked for the army', 'military'],
  ])('%s → partner kind %s', (text, kind) => {
    expect(u.extract(text).partnerKind).toBe(kind);
  });

  it('tells the home institution from a Flemish partner', () => {
    expect(u.extract("I'm at KU Leuven and want to work with a Chinese company").homeInstitution).toBe('kuleuven');
    expect(u.extract('ik werk aan de UGent').homeInstitution).toBe('ugent');
    const partner = u.extract('we want to collaborate with VUB on batteries');
    expect(partner.homeInstitution).toBeUndefined();
    expect(partner.institutions.map((i) => i.id)).toContain('vub');
  });

  it('recognises situations and says why', () => {
    // Issue 17: "little is known" is about the information, "the owners are unclear" about the owners.
    const facts = u.extract('Little is known about this company and the owners are unclear');
    expect(facts.signals).toContain('little-information');
    expect(facts.signals).toContain('unknown-owners');
    expect(facts.why.some((w) => w.includes('unknown-owners'))).toBe(true);
    expect(u.extract('an online lecture on dual-use technology').signals).toEqual(expect.arrayContaining(['online-lecture', 'dual-use']));
    expect(u.extract('co-supervisor at a university on the sanctions list').signals).toEqual(expect.arrayContaining(['sanctions', 'co-supervision']));
  });
});
