// The three dataset formats, their dates, staleness and the environment settings.
import { copyFileSync, mkdtempSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScreener, datasetSpecsFromConfig, detectFormat, loadDataset, readSevenSons, screeningConfigSchema } from '../../src/screening/index.js';
import { FIXTURES, fixtureDatasets, sevenSonsScreener } from './helpers.js';

describe('loadDataset', () => {
  it('reads an OpenSanctions targets.simple.csv, with quoted fields and a date from the records', () => {
    const d = loadDataset({ path: join(FIXTURES, 'targets.simple.csv') });
    expect(d.format).toBe('opensanctions-csv');
    // The list is the dataset, not a kind: an OpenSanctions export also holds debarments.
    expect(d.id).toBe('opensanctions');
    expect(Object.fromEntries(d.entities.map((e) => [e.id, e.kind]))).toEqual({
      'NK-test-0001': 'sanction',
      'NK-test-0002': 'sanction',
      'NK-test-0003': 'export-control', // "US test entity list, military end user"
      'NK-test-0004': 'debarment', // no sanction, on the "Synthetic debarment list"
      'NK-test-0005': 'sanction',
    });
    expect(d.entities).toHaveLength(5);
    expect(d.entities.find((e) => e.id === 'NK-test-0004')?.name).toBe('Northern Optics, Trading and Test Company Ltd');
    expect(d.date).toBe('2025-11-02');
    expect(d.dateSource).toBe('records');
  });

  it('reads FollowTheMoney JSON lines and skips entities that are not parties', () => {
    const d = loadDataset({ path: join(FIXTURES, 'entities.ftm.json') });
    expect(d.format).toBe('ftm-jsonl');
    expect(d.entities.map((e) => e.id).sort()).toEqual(['ftm-test-org-1', 'ftm-test-person-1']);
    expect(d.date).toBe('2025-08-20');
  });

  it('reads a simple CSV with one list per value of its list column', () => {
    const d = loadDataset({ path: join(FIXTURES, 'own-list.csv') });
    expect(d.format).toBe('simple-csv');
    expect(d.lists.map((l) => l.id).sort()).toEqual(['institution-watch-list', 'named-research-organisations-test']);
    expect(d.entities).toHaveLength(3);
  });

  it('uses the list id it is given', () => {
    const d = loadDataset({ path: join(FIXTURES, 'own-list.csv'), listId: 'canada-nro' });
    expect(d.lists.map((l) => l.id)).toEqual(['canada-nro']);
  });

  it('prefers the date of an index.json next to the file', () => {
    const d = loadDataset({ path: join(FIXTURES, 'with-metadata', 'targets.simple.csv') });
    expect(d.date).toBe('2025-12-24');
    expect(d.dateSource).toBe('metadata');
    expect(d.id).toBe('opensanctions-synthetic');
    expect(d.name).toBe('OpenSanctions Synthetic test export');
  });

  it("falls back to the file's modification time", () => {
    const dir = mkdtempSync(join(tmpdir(), 'screening-'));
    const file = join(dir, 'own.csv');
    copyFileSync(join(FIXTURES, 'own-list.csv'), file);
    utimesSync(file, new Date('2024-03-04T12:00:00Z'), new Date('2024-03-04T12:00:00Z'));
    const d = loadDataset({ path: file });
    expect(d.date).toBe('2024-03-04');
    expect(d.dateSource).toBe('mtime');
  });

  it('detects formats from content', () => {
    expect(detectFormat(join(FIXTURES, 'targets.simple.csv'))).toBe('opensanctions-csv');
    expect(detectFormat(join(FIXTURES, 'own-list.csv'))).toBe('simple-csv');
  });

  it('reports a missing file by name', () => {
    expect(() => loadDataset({ path: join(FIXTURES, 'nope.csv') })).toThrow(/nope\.csv/);
  });
});

describe('screening against datasets', () => {
  const screener = sevenSonsScreener(fixtureDatasets());

  it('finds an OpenSanctions company without its legal form, with the source', () => {
    const hit = screener.screen('Rostok Avia Test').hits[0];
    expect(hit).toMatchObject({ list: 'opensanctions', id: 'NK-test-0001', match: true, kind: 'sanction' });
    expect(hit?.listDate).toBe('2025-11-02');
    expect(hit?.source).toBe('Synthetic EU test list');
    expect(hit?.why).toMatch(/Synthetic EU test list/);
  });

  it('matches Cyrillic script to the Latin listing and back', () => {
    expect(screener.screen('Новосибирский институт тестовой физики').hits[0]?.id).toBe('NK-test-0005');
    const own = screener.screen('Московский государственный университет').hits[0];
    expect(own).toMatchObject({ list: 'institution-watch-list', match: true });
    expect(screener.screen('Moskovskij gosudarstvennyj universitet').hits[0]?.match).toBe(true);
  });

  it('matches a person listed with a patronymic the query leaves out', () => {
    const hit = screener.screen('Ivan Sidorenko').hits[0];
    expect(hit).toMatchObject({ id: 'NK-test-0002', match: true });
  });

  it('does not match a different person who shares a first name', () => {
    expect(screener.screen('Ivan Petrenko').hits.filter((h) => h.match)).toEqual([]);
  });

  it('matches FollowTheMoney names, former names, Chinese aliases and topics', () => {
    expect(screener.screen('Southern Aviation Test College').hits[0]).toMatchObject({ id: 'ftm-test-org-1', match: true });
    expect(screener.screen('Ольга Тестова').hits[0]).toMatchObject({ id: 'ftm-test-person-1', match: true });
    expect(screener.screen('东方测试物理研究所').hits[0]).toMatchObject({ id: 'NK-test-0003', match: true });
    expect(screener.screen('SATA').hits[0]?.topics).toContain('export.control');
    expect(screener.screen('SATA').hits[0]?.kind).toBe('sanction');
  });

  it('matches abbreviations of a simple list only as the whole name', () => {
    expect(screener.screen('WTDRO').hits[0]).toMatchObject({ list: 'named-research-organisations-test', match: true });
    expect(screener.screen('WTDRO Holdings Fund').hits.filter((h) => h.match)).toEqual([]);
  });

  it('reports every list with its date and entry count', () => {
    const lists = screener.screen('anything').lists;
    expect(lists.map((l) => l.id)).toEqual(
      expect.arrayContaining(['seven-sons', 'chinese-military', 'opensanctions', 'institution-watch-list', 'named-research-organisations-test']),
    );
    expect(lists.find((l) => l.id === 'seven-sons')?.entries).toBe(7);
    expect(lists.find((l) => l.id === 'opensanctions')?.kinds).toEqual(['debarment', 'export-control', 'sanction']);
  });
});

describe('staleness', () => {
  const datasets = [loadDataset({ path: join(FIXTURES, 'targets.simple.csv') })];
  const build = (today: string) => createScreener({ sevenSons: readSevenSons(), datasets, staleAfterDays: 30, today });

  it('is fresh within the configured days and stale after', () => {
    expect(build('2025-11-20').lists.find((l) => l.id === 'opensanctions')?.stale).toBe(false);
    expect(build('2025-12-03').lists.find((l) => l.id === 'opensanctions')?.stale).toBe(true);
  });
});

describe('configuration', () => {
  it('defaults to 30 days and no datasets', () => {
    const config = screeningConfigSchema.parse({});
    expect(config.SCREENING_STALE_DAYS).toBe(30);
    expect(datasetSpecsFromConfig(config)).toEqual([]);
  });

  it('reads paths with format and list id prefixes', () => {
    const config = screeningConfigSchema.parse({
      SCREENING_DATASETS:
        'opensanctions-csv:/data/targets.simple.csv, listid=canada-nro:/data/nro.csv,simple-csv:listid=own:lists/own.csv,/data/x.json,kind=sanction:listid=un:/data/un.csv',
      SCREENING_STALE_DAYS: '7',
    });
    expect(config.SCREENING_STALE_DAYS).toBe(7);
    expect(datasetSpecsFromConfig(config)).toEqual([
      { path: '/data/targets.simple.csv', format: 'opensanctions-csv' },
      { path: '/data/nro.csv', listId: 'canada-nro' },
      { path: 'lists/own.csv', format: 'simple-csv', listId: 'own' },
      { path: '/data/x.json' },
      { path: '/data/un.csv', listId: 'un', kind: 'sanction' },
    ]);
  });

  it('rejects a bad number of days', () => {
    expect(screeningConfigSchema.safeParse({ SCREENING_STALE_DAYS: 'soon' }).success).toBe(false);
  });
});
