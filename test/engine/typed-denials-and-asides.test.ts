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
