// Chinese military research institutions (G:585-586): the curated list and the name rule, screened
// like the Seven Sons, and ordinary universities whose names sound technical stay clean.
import { describe, expect, it } from 'vitest';
import { readChineseMilitary } from '../../src/screening/military-list.js';
import { sevenSonsScreener } from './helpers.js';

const screener = sevenSonsScreener();
const militaryMatch = (name: string, country?: string) => screener.screen(name, country ? { country } : {}).hits.find((h) => h.kind === 'military' && h.match);

describe('the Chinese military list', () => {
  it.each([
    ['National University of Defense Technology', 'nudt'],
    ['National University of Defence Technology', 'nudt'],
    ['NUDT', 'nudt'],
    ['国防科技大学', 'nudt'],
    ['国防科学技术大学', 'nudt'],
    ['PLA Information Engineering University', 'pla-ieu'],
    ['Army Engineering University of PLA', 'pla-aeu'],
    ['Naval University of Engineering', 'pla-nue'],
    ['Air Force Engineering University', 'pla-afeu'],
    ['PLA Academy of Military Science', 'pla-ams'],
    ['Fourth Military Medical University', 'pla-afmu'],
    ['Third Military Medical University', 'pla-amu'],
    ['Rocket Force University of Engineering', 'pla-rfue'],
    ['第二炮兵工程大学', 'pla-rfue'],
    ['National Defence University of the PLA', 'pla-ndu'],
    // A PLA university's affiliated hospitals are part of it (issue 17: Xijing Hospital was missed).
    ['Xijing Hospital', 'pla-afmu'],
    ['Changhai Hospital', 'pla-nmu'],
  ])('matches %s to %s on the list chinese-military, kind military', (name, id) => {
    const hit = screener.screen(name).hits[0];
    expect(hit).toMatchObject({ list: 'chinese-military', id, match: true, kind: 'military' });
    expect(hit?.listDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(hit?.why).toMatch(/ASPI/);
  });

  it('gives every entry a source and a date', () => {
    for (const e of readChineseMilitary().entries) {
      expect(e.source.name).toMatch(/ASPI/);
      expect(e.source.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('is reported as a screened list with its own id, source and date', () => {
    const list = screener.screen('anything').lists.find((l) => l.id === 'chinese-military');
    expect(list).toMatchObject({ kinds: ['military'], url: 'https://unitracker.aspi.org.au/' });
    expect(list?.entries).toBeGreaterThanOrEqual(20);
  });
});

describe('the name rule', () => {
  it('matches a name that says it belongs to the PLA, in English and Chinese', () => {
    for (const name of ["Xi'an Research Institute of the PLA Rocket Force", 'PLA Army Academy of Special Operations', '中国人民解放军某某学院']) {
      const hit = militaryMatch(name);
      expect(hit, name).toMatchObject({ list: 'chinese-military', id: 'chinese-military:name-rule', match: true });
      expect(hit?.why).toMatch(/armed forces/);
    }
  });

  it('matches a military branch and an institution in China; without a country it is only possible', () => {
    expect(militaryMatch('Naval Academy of Wuhan', 'CN')?.id).toBe('chinese-military:name-rule');
    const unsure = screener.screen('Naval Academy of Wuhan').hits.find((h) => h.id === 'chinese-military:name-rule');
    expect(unsure).toMatchObject({ match: false });
    expect(unsure?.why).toMatch(/give the partner's country/);
  });

  it('matches a hospital that says it belongs to the PLA, and no ordinary Chinese hospital', () => {
    expect(militaryMatch('Chinese PLA General Hospital', 'CN')?.id).toBe('chinese-military:name-rule');
    for (const name of ['Peking Union Medical College Hospital', 'West China Hospital', 'Ruijin Hospital']) {
      expect(
        screener.screen(name, { country: 'CN' }).hits.filter((h) => h.match),
        name,
      ).toEqual([]);
    }
    expect(screener.screen('Military Hospital', { country: 'EG' }).hits).toEqual([]);
  });

  it('says nothing about a military academy of another country', () => {
    expect(screener.screen('Korea Military Academy', { country: 'KR' }).hits).toEqual([]);
    expect(screener.screen('Naval Postgraduate School', { country: 'US' }).hits.filter((h) => h.match)).toEqual([]);
  });
});

describe('universities that are not military', () => {
  it.each([
    ['University of Science and Technology of China'],
    ['Beijing University of Technology'],
    ['North University of China'],
    ['Shanghai Jiao Tong University'],
    ['Korea Advanced Institute of Science and Technology'],
    ['Nanjing University of Information Science and Technology'],
    ['南京信息工程大学'],
    ['Tsinghua University'],
    ['Dalian University of Technology'],
    ['China University of Petroleum'],
  ])('%s is no military match, with or without the country', (name) => {
    expect(militaryMatch(name)).toBeUndefined();
    expect(militaryMatch(name, 'CN')).toBeUndefined();
    expect(screener.screen(name, { country: 'CN' }).hits.some((h) => h.id === 'chinese-military:name-rule')).toBe(false);
  });

  it('Harbin Engineering University is one of the Seven Sons, not a PLA institution', () => {
    const hits = screener.screen('Harbin Engineering University', { country: 'CN' }).hits.filter((h) => h.match);
    expect(hits.map((h) => `${h.list}/${h.id}`)).toEqual(['seven-sons/heu']);
  });

  it('North China Institute of Technology is not a Seven Sons match (it was North University of China)', () => {
    expect(screener.screen('North China Institute of Technology', { country: 'CN' }).hits.filter((h) => h.match)).toEqual([]);
  });
});
