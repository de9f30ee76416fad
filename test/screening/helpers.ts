import { join } from 'node:path';
import { createScreener, loadDataset, readRestrictions, readSevenSons, type LoadedDataset } from '../../src/screening/index.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'screening');

export function fixtureDatasets(): LoadedDataset[] {
  return [
    loadDataset({ path: join(FIXTURES, 'targets.simple.csv') }),
    loadDataset({ path: join(FIXTURES, 'entities.ftm.json') }),
    loadDataset({ path: join(FIXTURES, 'own-list.csv') }),
  ];
}

export function sevenSonsScreener(datasets: LoadedDataset[] = []) {
  return createScreener({
    sevenSons: readSevenSons(),
    restrictions: readRestrictions(),
    datasets,
    staleAfterDays: 30,
    today: '2025-11-20',
  });
}

export function isSevenSonsMatch(screener: ReturnType<typeof sevenSonsScreener>, name: string): string | undefined {
  return screener.screen(name).hits.find((h) => h.list === 'seven-sons' && h.match)?.id;
}
