// Typed answers whose denial comes after the words it denies, whose verb is negated, that end in a question of
// their own, or that name a weaker word beside the answer meant.
import { describe, expect, it } from 'vitest';
import { typed } from './typed-helpers.js';

describe('a denial after the words it denies', () => {
  it('reads "van X is geen sprake" and "X is out of the question" as not X', () => {
    expect(typed('defence-funding', 'ask-classified', "De bijlagen zijn 'restricted'. Van geheim of hoger is geen sprake.")).toBe('restricted');
    expect(typed('defence-funding', 'ask-classified', 'Some annexes are EU restricted. Secret material is out of the question for us.')).toBe('restricted');
    expect(typed('defence-funding', 'ask-classified', 'Een machtiging is volgens de coördinator niet nodig.')).toBe('again');
  });
});

describe('a negated verb', () => {
  it('denies the words of its phrase', () => {
    expect(typed('foreign-government-commission', 'ask-respondents', "The ministry sends us the names. We don't pick anyone ourselves.")).toBe('no');
    expect(typed('foreign-government-commission', 'ask-respondents', 'We pick them ourselves.')).toBe('yes');
  });
});

describe('an answer that ends in a question of its own', () => {
  it('is read without the question', () => {
    expect(typed('hire-military-background', 'ask-cv-gaps', 'There is a blank year in 2019 on her CV. Maybe she was travelling?')).toBe('yes');
    expect(typed('hire-military-background', 'ask-cv-gaps', 'Er staat een gat van een jaar in. Misschien een sabbat?')).toBe('yes');
  });
  it('stays no answer when it is only a question', () => {
    expect(typed('hire-military-background', 'ask-cv-gaps', 'What counts as a gap in a CV for you?')).toBe('again');
  });
});

describe('a weaker word beside the answer meant', () => {
  it('takes the conscription of a conscript who served as a soldier', () => {
    expect(typed('hire-military-background', 'ask-background', 'Verplichte legerdienst in Zuid-Korea, als soldaat bij de logistiek.')).toBe('conscription');
    expect(typed('hire-military-background', 'ask-background', 'Mandatory service, two years as a soldier in a transport unit.')).toBe('conscription');
    expect(typed('hire-military-background', 'ask-background', 'He served as a soldier for eight years.')).toBe('career-military');
  });
  it('reads engineering work there as defence research on a topic not named', () => {
    expect(typed('hire-military-background', 'ask-background', 'Not only the draft: afterwards she stayed on as an engineer on their radios.')).toBe(
      'defence-research-other',
    );
    expect(typed('hire-military-background', 'ask-background', 'Na zijn dienstplicht bleef hij er nog drie jaar als ingenieur werken.')).toBe(
      'defence-research-other',
    );
  });
});

describe('a bare level after a word of approximation', () => {
  it('reads "ergens 4 à 5" and "around 2" as levels, and leaves other numbers alone', () => {
    expect(typed('sensitive-tech-partner', 'ask-trl', 'ergens 4 à 5, we testen op een proefveld')).toBe('applied');
    expect(typed('sensitive-tech-partner', 'ask-trl', "around 2 I'd say")).toBe('fundamental');
    expect(typed('sensitive-tech-partner', 'ask-trl', 'about 20 people')).toBe('again');
  });
});

describe('what was looked at, and then the finding', () => {
  it('reads the clause after "I skimmed the list" as the answer', () => {
    expect(typed('export-control', 'ask-listed', "I skimmed the dual-use list, didn't see anything on acoustics. It is long though.")).toBe('no');
    expect(typed('export-control', 'ask-listed', 'I glanced through Annex I, nothing on hydrology.')).toBe('no');
    expect(typed('export-control', 'ask-listed', 'ik heb de dual-uselijst doorgebladerd, niets gezien over bodemkunde')).toBe('no');
    expect(typed('export-control', 'ask-listed', 'I skimmed the dual-use list, and yes, category 6 lasers are on it')).toBe('yes');
  });
});

describe('denials that reach over a list or a subject', () => {
  it('denies an item followed by "of hoger" / "or above" and a denial', () => {
    expect(typed('defence-funding', 'ask-classified', "Sommige stukken worden 'Restricted'. Over Confidential of hoger staat niks.")).toBe('restricted');
    expect(typed('defence-funding', 'ask-classified', "Parts may be marked restricted. Secret or above isn't.")).toBe('restricted');
    expect(typed('defence-funding', 'ask-classified', 'Some deliverables will be Confidential.')).toBe('confidential-plus');
  });
  it('reads "nothing goes abroad" and "niets gaat naar" as a no', () => {
    expect(typed('defence-funding', 'ask-sharing', 'Niets gaat naar het buitenland.')).toBe('no');
    expect(typed('defence-funding', 'ask-sharing', 'nothing goes to partners abroad, as far as I know')).toBe('no');
    expect(typed('defence-funding', 'ask-sharing', 'some code goes abroad, to a partner in the US')).toBe('yes');
  });
  it('reads "avoid faces" and "those defence universities" as denied', () => {
    expect(typed('fieldwork-abroad', 'ask-identifiable', 'No names. I photograph buildings and try to avoid faces.')).toBe('no');
    expect(typed('fieldwork-abroad', 'ask-identifiable', 'we vermijden gezichten en noteren geen namen')).toBe('no');
    expect(typed('visiting-researcher', 'ask-home-ties', 'A provincial teachers college. Not one of those defence universities.')).toBe('no');
  });
  it('reads "less sensitive" as not sensitive, beside the part that is criminalised', () => {
    expect(typed('foreign-government-commission', 'ask-subject', 'Partly: the LGBT part is criminalised there. The rest is less sensitive.')).toBe(
      'repressive',
    );
    expect(typed('foreign-government-commission', 'ask-subject', 'homoseksualiteit is daar strafbaar, de rest is minder gevoelig')).toBe('repressive');
  });
});

describe('a doubt with nothing named', () => {
  it('is not sure when a later clause doubts and no answer is named or denied', () => {
    expect(typed('partner-check', 'ask-human-rights', "Several universities there expelled protesting students, I don't know about this one.")).toBe('unsure');
    expect(typed('partner-check', 'ask-human-rights', 'Er waren zuiveringen aan andere universiteiten, over deze weet ik het niet zeker.')).toBe('unsure');
  });
});

describe('a generic comment beside the term it comments on', () => {
  it('takes the term, and "vague" alone as nothing agreed', () => {
    expect(typed('foreign-government-commission', 'ask-publication', 'only with their permission. Rather vague.')).toBe('approve-block');
    expect(typed('foreign-government-commission', 'ask-publication', 'publicatie enkel na goedkeuring van het ministerie, heel vaag')).toBe('approve-block');
    expect(typed('foreign-government-commission', 'ask-publication', 'vaag')).toBe('not-agreed');
    expect(typed('foreign-government-commission', 'ask-publication', 'the contract is vague about it')).toBe('not-agreed');
  });
});
