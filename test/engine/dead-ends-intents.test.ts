// The meta-intent reader itself: content-driven phrases, clause by clause, cancelled by a negation.
import { describe, expect, it } from 'vitest';
import { metaIntent } from '../../src/engine/intents.js';
import { testEngine } from '../helpers/engine.js';

const kind = (text: string) => metaIntent(text, testEngine().content)?.kind;

describe('meta-intents', () => {
  it.each([
    ['send it after all', 'send'],
    ['toch doorsturen', 'send'],
    ['stuur het toch maar door', 'send'],
    ['ok, please send it to my contact point anyway', 'send'],
    ['not now', 'not-now'],
    ['nu niet', 'not-now'],
    ["no thanks, don't send it", 'not-now'],
    ['nee, stuur het niet door', undefined],
    ['this is not about hiring', 'not-about'],
    ['dit gaat niet over aanwerving', 'not-about'],
    ['I meant a visiting researcher', 'meant'],
    ['ik bedoelde een bezoekende onderzoeker', 'meant'],
  ])('"%s" → %s', (text, expected) => {
    expect(kind(text)).toBe(expected);
  });

  it('a negation cancels a phrase: "don\'t send it after all" is no "send"', () => {
    expect(kind("don't send it after all")).not.toBe('send');
    expect(kind('stuur het toch niet door')).not.toBe('send');
  });

  it('"not sure about" is no "not about", and "I mean" as a filler is no correction', () => {
    expect(kind("I'm not sure about the dual use list")).toBeUndefined();
    expect(kind('I mean they do have ties to the army')).toBeUndefined();
  });

  it('a long message that merely contains "later" is no "not now"', () => {
    expect(kind("I'll visit a university in China later this year with my PhD student")).toBeUndefined();
    expect(kind('we sturen de stalen later dit jaar naar een partner in China')).toBeUndefined();
  });

  it('clause-aware: what follows "not about X," is what it is about', () => {
    expect(metaIntent('this is not about hiring, a PhD student visits us', testEngine().content)).toEqual({
      kind: 'not-about',
      denied: 'hiring',
      rest: 'a PhD student visits us',
    });
  });
});
