// "Which technology area?" answered with a field that none of the critical technology areas covers
// ("codicologie, Perzische literatuur") answers "none of these"; a technical field never does.
import { describe, expect, it } from 'vitest';
import { namesFieldOutsideAreas } from '../../src/engine/areas.js';
import { testEngine } from '../helpers/engine.js';

const outside = (text: string) => namesFieldOutsideAreas(text, testEngine().content.lexicon);

describe('fields outside the critical technology areas', () => {
  it.each([
    'codicologie, Perzische literatuur',
    'dialectologie en corpuslinguïstiek',
    'medieval history',
    'Chinese philology',
    'kunstgeschiedenis',
    'taalkunde',
  ])('"%s" is outside them', (text) => {
    expect(outside(text)).toBe(true);
  });

  it.each([
    'computational linguistics',
    'computerlinguïstiek',
    'history of missile guidance',
    'digitale geschiedenis',
    'speech recognition for dialects',
    'underwater acoustics',
  ])('"%s" is not read as outside them', (text) => {
    expect(outside(text)).toBe(false);
  });
});
