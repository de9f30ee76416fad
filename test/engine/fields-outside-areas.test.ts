// "Which technology area?" answered with a field that none of the critical technology areas covers
// ("codicologie, Perzische literatuur") answers "none of these"; a technical field never does.
import { describe, expect, it } from 'vitest';
import { areasNamedIn, namesFieldOutsideAreas } from '../../src/engine/areas.js';
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

  // Generic words of the area names ("military", "onderzoek", "technology") name no area; a field of more than one
  // word ("military history", "supply chain") is that field; a denied word ("no technology") names nothing.
  const areas = (text: string) => areasNamedIn(text, testEngine().content.reference.techAreas, testEngine().content.lexicon);
  it.each([
    'contemporary military history',
    'militaire geschiedenis van de twintigste eeuw',
    'operationeel onderzoek, supply chain',
    'supply chain management',
    'social science, no technology',
    'sociale wetenschappen, geen technologie',
    'survey experiments and content analysis, no technology development',
  ])('"%s" names no area and is outside them', (text) => {
    expect(areas(text)).toEqual([]);
    expect(outside(text)).toBe(true);
  });

  it.each([
    ['military drones', 'robotics'],
    ['quantum sensing', 'quantum'],
    ['kwantumcomputing', 'quantum'],
  ])('"%s" still names %s', (text, area) => {
    expect(areas(text)).toContain(area);
  });
});
