// "Which technology area?" answered with a field that none of the critical technology areas covers
// ("codicologie, Perzische literatuur") answers "none of these"; a technical field never does.
import { describe, expect, it } from 'vitest';
import { areasNamedIn, namesFieldOutsideAreas, standardToolOfOtherField } from '../../src/engine/areas.js';
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

  // A technology only used as a standard tool, next to a field no area covers, is no critical technology (G:164-172).
  const tool = (text: string) => standardToolOfOtherField(text, testEngine().content.lexicon);
  it.each([
    'Palaeography. We use multispectral imaging of parchment, but with a standard commercial camera system.',
    'paleografie, met een standaard commerciële camera',
    'art history; we scan paintings with an off-the-shelf scanner',
    // A technology said to be standard, in a clause of its own: the field is read from the others.
    'corpus linguistics, with some standard NLP tagging, nothing fancy',
    'taalkunde, een beetje standaard NLP-tagging maar niks speciaals',
  ])('"%s" uses a standard tool in its own field', (text) => {
    expect(tool(text)).toBe(true);
  });
  it.each([
    'we develop a multispectral imaging sensor for parchment',
    'a standard commercial radar, which we modify for drone detection',
    'palaeography',
    'computational linguistics, standard NLP pipelines',
    'linguistics, with standard tagging, and we train new machine learning models',
  ])('"%s" is not a standard tool in another field', (text) => {
    expect(tool(text)).toBe(false);
  });
});
