// The real engine (content, router, screener) for the advice tests, built once per test file with a
// fictitious sanctions list, and the shapes of a conversation they drive (advice-harness.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdvisorEngine, type AdvisorEngine } from '../../src/runtime/engine.js';
import { loadDataset } from '../../src/screening/index.js';
import type { ConversationState, Outcome, Reply } from '../../src/engine/types.js';

/** A sanctions list for the tests: fictitious entries, so that a "hit" never depends on real data. */
const SANCTIONS_FIXTURE = [
  'name,aliases,country,list,source',
  'Ural Test Polytechnic University,UTPU,ru,sanctions,test fixture',
].join('\n');

let shared: AdvisorEngine | undefined;

/** One engine per test file: content, router and screener are built once. */
export function caseEngine(): AdvisorEngine {
  if (shared) return shared;
  const dir = mkdtempSync(join(tmpdir(), 'cases-'));
  const file = join(dir, 'sanctions.csv');
  writeFileSync(file, SANCTIONS_FIXTURE);
  shared = createAdvisorEngine({ datasets: [loadDataset({ path: file, format: 'simple-csv', listId: 'sanctions', kind: 'sanction' })], today: '2025-10-01' });
  return shared;
}

export type Say = string | { click: string };

export interface Transcript {
  state: ConversationState;
  /** Every question step that was put to the user, in order. */
  asked: string[];
  replies: Reply[];
  outcome: Outcome;
}
