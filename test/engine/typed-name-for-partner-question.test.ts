// A name typed for a yes/no question about the partner ("Is the home institution known for defence research?"):
// not an answer, and no dead end either. The ties become a point to check, the name goes to the screening.
import { describe, expect, it } from 'vitest';
import { at, texts } from './typed-helpers.js';

describe('a name typed for a question about the partner', () => {
  it('EN: records "not sure", says so, and moves on', () => {
    const c = at('visiting-researcher', 'ask-home-ties', 'en');
    const r = c.say('Sharif University of Technology, the physics department');
    expect(texts(r.replies)).toContain('Understood: ');
    expect(c.state?.facts.homeTies).toBe('unsure');
    expect(c.state?.step).not.toBe('ask-home-ties');
  });

  it('NL: the same, in Dutch', () => {
    const c = at('visiting-researcher', 'ask-home-ties', 'nl');
    const r = c.say('Universiteit van Teheran, faculteit letteren');
    expect(texts(r.replies)).toContain('Begrepen: ');
    expect(c.state?.facts.homeTies).toBe('unsure');
  });

  it('a sentence that is no name is still asked again', () => {
    const c = at('visiting-researcher', 'ask-home-ties', 'en');
    c.say('we have met twice at conferences');
    expect(c.state?.step).toBe('ask-home-ties');
  });
});

describe('a university named in its own language', () => {
  it('is a name: Universidad, Università, Universität', () => {
    const c = at('visiting-researcher', 'ask-home-ties', 'nl');
    c.say('Universidad de Granada, faculteit Letteren');
    expect(c.state?.facts.homeTies).toBe('unsure');
    const d = at('visiting-researcher', 'ask-home-ties', 'en');
    d.say('Università di Bologna, the history department');
    expect(d.state?.facts.homeTies).toBe('unsure');
  });
});
