// Precision: of entries of one list that all come close, the name names the closest; the others
// are only possible hits. The bench measures it on a million names (`npm run bench -- screening`).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScreener, loadDataset, readSevenSons } from '../../src/screening/index.js';
import { tokenCredit } from '../../src/screening/similarity.js';

function dataset(lines: object[]) {
  const dir = mkdtempSync(join(tmpdir(), 'precision-'));
  const file = join(dir, 'entities.ftm.json');
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
  return loadDataset({ path: file });
}
const person = (id: string, name: string) => ({ id, schema: 'Person', properties: { name: [name], topics: ['sanction'] } });
const company = (id: string, name: string) => ({ id, schema: 'Company', properties: { name: [name], topics: ['sanction'] } });

const screener = createScreener({
  sevenSons: readSevenSons(),
  chineseMilitary: null,
  datasets: [
    dataset([
      person('cadel', 'Chiara Cadel'),
      person('casel', 'Chiara Casel'),
      person('wu', 'John Wu'),
      person('sarah-wu', 'Sarah John Wu'),
      company('seltron-ag', 'Seltron Southern AG'),
      company('seltron-llc', 'Seltron Southern LLC'),
      company('beihang-typo', 'Beihang Universty'),
    ]),
  ],
  staleAfterDays: 30,
  today: '2025-11-20',
});
const matches = (name: string) =>
  screener
    .screen(name)
    .hits.filter((h) => h.match)
    .map((h) => h.id);

describe('the closest entry is the match', () => {
  it('a name one letter from another listed name matches only its own entry', () => {
    expect(matches('Chiara Cadel')).toEqual(['cadel']);
    const other = screener.screen('Chiara Cadel').hits.find((h) => h.id === 'casel');
    expect(other?.match).toBe(false);
    expect(other?.why).toMatch(/"Chiara Cadel", fits the name better/);
  });

  it('a person is not the longer name that contains theirs', () => {
    expect(matches('John Wu')).toEqual(['wu']);
  });

  it('the legal form written tells namesakes apart', () => {
    expect(matches('Seltron Southern AG')).toEqual(['seltron-ag']);
    expect(matches('Seltron Southern').sort()).toEqual(['seltron-ag', 'seltron-llc']);
  });

  it('a typo as close to two entries matches both', () => {
    expect(matches('Chiara Caxel').sort()).toEqual(['cadel', 'casel']);
  });

  it('never hides an entry of one list behind a closer entry of another', () => {
    const hits = screener.screen('Beihang University').hits.filter((h) => h.match);
    expect(hits.map((h) => `${h.list}/${h.id}`).sort()).toEqual(['opensanctions/beihang-typo', 'seven-sons/buaa']);
  });
});

describe('typos', () => {
  it('takes the first two letters the wrong way round as a typo, but not another first letter', () => {
    expect(tokenCredit('asrah', 'sarah')).toBeCloseTo(0.9);
    expect(tokenCredit('riina', 'irina')).toBeCloseTo(0.9);
    expect(tokenCredit('medov', 'sedov')).toBe(0);
  });
});

describe('a person listed with a patronymic the query leaves out', () => {
  // The match must not depend on how rare the patronymic is, or on how many other names the lists hold:
  // both change the word weights.
  const withOthers = (others: number) =>
    createScreener({
      sevenSons: readSevenSons(),
      chineseMilitary: null,
      datasets: [
        dataset([
          person('sidorenko', 'Ivan Zakharievich Sidorenko'),
          ...Array.from({ length: others }, (_, i) => company(`filler-${i}`, `Filler Holding Number ${i} Trading`)),
        ]),
      ],
      staleAfterDays: 30,
      today: '2025-11-20',
    });

  it.each([0, 50, 2000])('matches with %i other names on the lists', (others) => {
    const s = withOthers(others);
    expect(
      s
        .screen('Ivan Sidorenko')
        .hits.filter((h) => h.match)
        .map((h) => h.id),
    ).toEqual(['sidorenko']);
    expect(s.screen('Ivan Petrenko').hits.filter((h) => h.match)).toEqual([]);
    expect(s.screen('Pyotr Sidorenko').hits.filter((h) => h.match)).toEqual([]);
  });
});
