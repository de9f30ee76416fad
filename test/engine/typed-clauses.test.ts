// Long typed answers where one clause answers the question: a hedge before the answer, a correction after "but",
// a possibility ("maybe"), a range settled by a word, what was checked rather than found, and answers that
// describe rather than name. Each asserts the value recorded; "again" is asked again, "unsure" is "not sure".
import { describe, expect, it } from 'vitest';
import type { PlaybookId } from '../../src/engine/ids.js';
import { typed } from './typed-helpers.js';

type Case = [PlaybookId, string, string, string];

const english: Case[] = [
  // A hedged affirmative is an affirmative; an explicit doubt stays a doubt.
  [
    'export-control',
    'ask-listed',
    'honestly I think parts of it are. Our group needed a licence two years ago, category 6 if I remember well. The intro lectures are textbook physics though',
    'yes',
  ],
  ['export-control', 'ask-listed', 'not sure, maybe', 'unsure'],
  ['export-control', 'ask-listed', 'yes, TTO said it is category 3', 'yes'],
  // What was looked at is no finding.
  ['sensitive-tech-partner', 'ask-dual-use', 'I went through Annex I', 'again'],
  ['partner-check', 'ask-sanctions', 'not on any list I checked', 'no'],
  // "…, but …": the later answer is meant.
  ['visiting-researcher', 'ask-military-cv', 'Nothing military on his CV. But his supervisor had projects with the navy', 'yes'],
  ['foreign-government-commission', 'ask-publication', 'we may publish freely, but they want to discuss the report first', 'review-comment'],
  // A possibility ("maybe") gives way to what is said without one.
  [
    'foreign-government-commission',
    'ask-subject',
    'not really. Language use at work. A bit political between the language regions maybe, but nobody gets into trouble',
    'neutral',
  ],
  ['foreign-government-commission', 'ask-respondents', "They'd give us the list of respondents via employers. Maybe we could add some ourselves", 'no'],
  ['fieldwork-abroad', 'ask-collection', 'co-edited book, a workshop in Ghent and maybe one in Shanghai', 'again'],
  // A range over two answers, settled by a clause naming one; the range alone reaches TRL 3, applied (G:366-367).
  ['sensitive-tech-partner', 'ask-trl', "TRL 2-3, it's fundamental propagation work", 'fundamental'],
  ['sensitive-tech-partner', 'ask-trl', 'TRL 2-3', 'applied'],
  // Negation over an adjective, and a denied word that is only part of the topic.
  [
    'hire-military-background',
    'ask-background',
    'not a soldier himself, he was a civilian engineer there working on airborne imaging payloads',
    'defence-research-other',
  ],
  [
    'hire-military-background',
    'ask-background',
    'he worked four years in a military research institute, on soldier performance and stress monitoring',
    'defence-research-other',
  ],
  ['hire-military-background', 'ask-background', 'no ordinary military service: he was an officer', 'career-military'],
  // Answers that describe rather than name.
  ['hire-military-background', 'ask-cv-gaps', "there's a year around 2020 with hardly any detail, he called it 'internal projects'", 'yes'],
  [
    'sensitive-tech-partner',
    'ask-military-ties',
    'Their lab gets a lot of money from the state defence conglomerate, EDGE I think, and a couple of their professors sit on advisory boards there.',
    'yes',
  ],
  [
    'opaque-company',
    'ask-information',
    'registered in Cyprus, a one-page website with stock photos, and the contact person writes from a gmail address',
    'little',
  ],
  ['opaque-company', 'ask-funding-signals', 'the gmail address, the big advance, and they want it signed within two weeks', 'yes'],
  ['fieldwork-abroad', 'ask-collection', 'a questionnaire on sexual behaviour, audio-recorded interviews, photos of community meetings', 'photo-video'],
  ['export-control', 'ask-channel', 'live lectures, the slides, and the exercise files that participants can download afterwards', 'lecture'],
  // "Not one of the Seven Sons" denies the tie (it was read as one), and so says "not as far as I can find".
  ['visiting-researcher', 'ask-home-ties', 'I checked: not one of the Seven Sons, nothing on opensanctions', 'no'],
  ['export-control', 'ask-end-use', 'Well, obviously it could be used for stealth. Our project is civil though.', 'again'],
];

const dutch: Case[] = [
  ['export-control', 'ask-listed', 'ik denk deels wel, een collega zei categorie 5 deel 2', 'yes'],
  ['export-control', 'ask-listed', 'geen idee, misschien', 'unsure'],
  ['export-control', 'ask-listed', 'nee, ik heb bijlage I nagekeken en het valt er niet onder', 'no'],
  ['sensitive-tech-partner', 'ask-dual-use', 'ik heb bijlage I doorzocht', 'again'],
  ['defence-funding', 'ask-dual-use', 'De software zelf waarschijnlijk niet, de radar misschien wel? Ik weet het echt niet.', 'unsure'],
  ['visiting-researcher', 'ask-military-cv', 'Op zijn cv staat niks militairs. Maar zijn promotor had projecten met de marine, dat vond ik via Google.', 'yes'],
  [
    'opaque-company',
    'ask-information',
    'De website is heel basic, maar ze staan gewoon in de KBO, hun jaarrekeningen zijn neergelegd bij de Nationale Bank',
    'enough',
  ],
  [
    'foreign-government-commission',
    'ask-publication',
    "in het contract staat dat we vrij mogen publiceren, maar ze willen het eindrapport eerst 'kunnen bespreken'",
    'review-comment',
  ],
  ['sensitive-tech-partner', 'ask-sharing', 'software voor de navigatie, testdata en misschien een prototype', 'data-software-knowhow'],
  ['sensitive-tech-partner', 'ask-trl', 'TRL 2 tot 3, het is fundamenteel', 'fundamental'],
  [
    'hire-military-background',
    'ask-background',
    "hij was officier, dus geen gewone dienstplicht; volgens zijn cv deed hij 'strategische communicatie'",
    'career-military',
  ],
  [
    'hire-military-background',
    'ask-background',
    'Hij werkte van 2019 tot 2023 als ingenieur bij een ontwerpbureau dat deel is van een staatsholding voor de defensie-industrie.',
    'defence-research-other',
  ],
  [
    'hire-military-background',
    'ask-background',
    "geen militaire dienst voor zover ik weet, maar dat bedrijf ontwikkelt UAV's, ook voor het leger",
    'defence-research-other',
  ],
  ['hire-military-background', 'ask-cv-gaps', 'Van midden 2023 tot nu staat er niks, toch een jaar of anderhalf', 'yes'],
  ['hire-military-background', 'ask-cv-gaps', 'er is een half jaar in 2024 dat ik niet kan plaatsen', 'yes'],
  ['hire-military-background', 'ask-access', 'hij zou toegang krijgen tot onze detectietools en de dataset met gelabelde accounts', 'yes'],
  ['fieldwork-abroad', 'ask-researcher-safety', 'ze is Belgische maar heeft Belarussische roots en nog familie daar', 'yes'],
  ['fieldwork-abroad', 'ask-researcher-safety', 'Ze spreekt Turks, is er al vaak geweest, het is een toeristische streek', 'no'],
  ['fieldwork-abroad', 'ask-collection', "foto's van archiefstukken, geen interviews", 'no-people'],
  ['partner-check', 'ask-collaboration', 'gezamenlijk project met uitwisseling van doctorandi', 'project'],
];

describe('long typed answers where one clause answers', () => {
  it.each(english)('EN %s / %s: "%s" → %s', (playbook, step, text, value) => {
    expect(typed(playbook, step, text)).toBe(value);
  });
  it.each(dutch)('NL %s / %s: "%s" → %s', (playbook, step, text, value) => {
    expect(typed(playbook, step, text)).toBe(value);
  });
});

// Answer words added for the blind T round (G:874-880 CV gaps and ties; G:981-985 researcher background; G:939-958 commission).
describe('answer words for what people report', () => {
  it.each([
    ['hire-military-background', 'ask-cv-gaps', "One year only says 'classified project'; he can't talk about it.", 'yes'],
    ['hire-military-background', 'ask-cv-gaps', 'Twee jaar bij een geheim project, hij mag er niet over praten.', 'yes'],
    ['fieldwork-abroad', 'ask-researcher-safety', 'He has both passports and would enter on the local one.', 'yes'],
    ['fieldwork-abroad', 'ask-researcher-safety', 'Ze heeft beide nationaliteiten.', 'yes'],
    ['fieldwork-abroad', 'ask-identifiable', 'They are local officials and some want to be named.', 'yes'],
    ['visiting-researcher', 'ask-funding', 'a TÜBİTAK grant, so the state pays', 'csc'],
    ['visiting-researcher', 'ask-access', 'we run a project with the police on their camera footage', 'yes'],
    ['visiting-researcher', 'ask-access', 'nee, geen politieproject, niets gevoeligs', 'no'],
    ['visiting-researcher', 'ask-rectors-statement', 'I think their rector is on the list', 'yes'],
    ['visiting-researcher', 'ask-rectors-statement', 'I went through it, their rector is not on the list', 'no'],
    ['foreign-government-commission', 'ask-safety', 'Normal care, as for any vulnerable group.', 'none'],
  ])('%s / %s: "%s" → %s', (playbook, step, text, value) => {
    expect(typed(playbook as never, step, text)).toBe(value);
  });
});

// Readings that were wrong, worse than asking again: a funder named only as a yardstick, a word said softly and taken
// back, a hedged no with a possibility and an unchecked list, a rough TRL range, an MoU, and a wish.
describe('yardsticks, words taken back, wishes and rough levels', () => {
  it.each<Case>([
    // A funder named after a comparison is a yardstick, not who pays (G:489-498).
    ['partner-check', 'ask-funders', 'The company pays for it, compared to FWO it is a lot', 'other'],
    ['partner-check', 'ask-funders', 'FWO, and it is more than a Horizon grant would give', 'fwo'],
    ['partner-check', 'ask-funders', 'Ze financieren het zelf, evenveel als een ERC-beurs', 'other'],
    ['partner-check', 'ask-funders', 'ERC, veel beter dan een BOF-mandaat', 'horizon-europe'],
    // Said softly and denied in a later clause, an answer is taken back (G:148-152).
    ['foreign-government-commission', 'ask-subject', "Migration is kind of political there. For the ministry it's about numbers, nothing sensitive", 'neutral'],
    [
      'foreign-government-commission',
      'ask-subject',
      'Taal is hier altijd een beetje politiek, haha. Voor hen gaat het om beleid, niets gevoeligs denk ik',
      'neutral',
    ],
    ['foreign-government-commission', 'ask-subject', 'It is politically sensitive there, though not repressive', 'sensitive'],
    // A hedged no, a possibility and a list never checked: not sure (G:349-350).
    ['sensitive-tech-partner', 'ask-dual-use', 'probably not, perhaps the antenna, never checked', 'unsure'],
    ['sensitive-tech-partner', 'ask-dual-use', 'denk het niet, misschien de sensoren, nooit nagekeken', 'unsure'],
    // A rough range of levels is still a range (G:366-367).
    ['sensitive-tech-partner', 'ask-trl', 'probably 5 or 6, field trials next spring', 'applied'],
    ['sensitive-tech-partner', 'ask-trl', 'misschien 4 à 5, we testen volgend jaar', 'applied'],
    ['sensitive-tech-partner', 'ask-trl', 'maybe TRL 2, it is all theory', 'fundamental'],
    // An MoU between the institutions, with the exchanges it frames (G:588-592).
    ['partner-check', 'ask-collaboration', 'an MoU between the faculties, and some exchanges of students', 'mou'],
    ['partner-check', 'ask-collaboration', 'een samenwerkingsakkoord voor uitwisseling van studenten', 'mou'],
    ['partner-check', 'ask-collaboration', 'a student exchange', 'other'],
    // A wish is not what happens: the client picks (G:955-956).
    ['foreign-government-commission', 'ask-respondents', "They hand us the list. I'd like to recruit some people myself, but they say there is no need", 'no'],
    ['foreign-government-commission', 'ask-respondents', 'Zij leveren de lijst; ik zou graag zelf ook mensen kiezen', 'no'],
  ])('%s / %s: "%s" → %s', (playbook, step, text, value) => {
    expect(typed(playbook, step, text)).toBe(value);
  });
});
