// Say honestly what was screened: the lists checked with their dates, and, when no sanctions list
// is loaded, that the name was not checked against sanctions and where to check it by hand.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScreener, loadDataset, readRestrictions, readSevenSons } from '../../src/screening/index.js';
import { FIXTURES } from './helpers.js';

const build = (datasets: ReturnType<typeof loadDataset>[], lang: 'en' | 'nl' = 'en') =>
  createScreener({ sevenSons: readSevenSons(), restrictions: readRestrictions(), datasets, staleAfterDays: 30, today: '2025-11-20', lang });

describe('what was not screened', () => {
  it('says that no sanctions list is loaded, with OpenSanctions and the EU sanctions map, in English and Dutch', () => {
    const en = build([]).screen('Some Partner Institute');
    expect(en.missing).toEqual(['sanction', 'risk-list']);
    const sanction = en.checkByHand?.find((c) => c.kind === 'sanction');
    expect(sanction?.text).toMatch(/No sanctions list is loaded/);
    expect(sanction?.links.map((l) => l.url)).toEqual(['https://www.opensanctions.org', 'https://www.sanctionsmap.eu/']);
    const nl = build([], 'nl').screen('Some Partner Institute');
    expect(nl.checkByHand?.find((c) => c.kind === 'sanction')?.text).toMatch(/geen sanctielijst geladen/);
    expect(nl.checkByHand?.find((c) => c.kind === 'sanction')?.links[1]?.title).toMatch(/EU-sanctiekaart/);
  });

  it('names only the lists actually checked, with their dates and kinds', () => {
    const lists = build([]).screen('x').lists;
    expect(lists.map((l) => l.id)).toEqual(['seven-sons', 'chinese-military', 'restricted']);
    for (const l of lists) expect(l.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('says nothing is missing once a sanctions export and a risk list are loaded', () => {
    const result = build([loadDataset({ path: join(FIXTURES, 'targets.simple.csv') }), loadDataset({ path: join(FIXTURES, 'own-list.csv') })]).screen('x');
    expect(result.missing).toBeUndefined();
    expect(result.checkByHand).toBeUndefined();
  });

  it('still misses sanctions when the only export loaded holds no sanctioned entry', () => {
    const debarmentOnly = loadDataset({ path: join(FIXTURES, 'own-list.csv'), kind: 'debarment' });
    expect(build([debarmentOnly]).screen('x').missing).toEqual(['sanction', 'risk-list']);
  });
});
