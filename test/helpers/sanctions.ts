// The one sanctions list the conversation and engine tests screen against: test/fixtures/screening/sanctions.csv,
// one fictitious university, so that a sanctions "hit" never depends on real data.
import { join } from 'node:path';
import { loadDataset, type LoadedDataset } from '../../src/screening/index.js';

const SANCTIONS_FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'screening', 'sanctions.csv');

export function sanctionsDataset(): LoadedDataset {
  return loadDataset({ path: SANCTIONS_FIXTURE, format: 'simple-csv', listId: 'sanctions', kind: 'sanction' });
}
