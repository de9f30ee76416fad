// Issue 16, item 2: a result says honestly what was screened. With no sanctions data loaded, the outcome says the
// name was not checked against sanctions, and where to check it by hand; with a sanctions list loaded, it doesn't.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentTexts, outcomeDocument, renderMarkdown } from '../../src/document/index.js';
import { runCheck } from '../../src/engine/checks.js';
import { freshState } from '../../src/engine/state.js';
import type { Outcome } from '../../src/engine/types.js';
import { createAdvisorEngine } from '../../src/runtime/engine.js';
import { loadDataset } from '../../src/screening/index.js';
import { outcome as sample } from '../channels/cards/samples.js';

function screenedFor(name: string, withSanctions: boolean) {
  const datasets = [];
  if (withSanctions) {
    const file = join(mkdtempSync(join(tmpdir(), 'honesty-')), 'sanctions.csv');
    writeFileSync(file, ['name,aliases,country,list,source', 'Ural Test Polytechnic University,UTPU,ru,sanctions,test fixture'].join('\n'));
    datasets.push(loadDataset({ path: file, format: 'simple-csv', listId: 'sanctions', kind: 'sanction' }));
  }
  const engine = createAdvisorEngine({ datasets, today: '2026-12-01' });
  const state = { ...freshState('en'), facts: { partnerName: name, countries: ['CN'] } };
  return { engine, result: runCheck('screen-partner', state, engine.ctx) };
}

function summaryFor(o: Outcome, lang: 'en' | 'nl'): string {
  const { engine } = screenedFor('x', false);
  return renderMarkdown(outcomeDocument(o, documentTexts(engine.content.ui, lang), 'researcher', lang));
}

describe('what was screened, said honestly', () => {
  it('without sanctions data: "not checked against sanctions", with OpenSanctions and the EU sanctions map to check by hand', () => {
    const { result } = screenedFor('Peking University', false);
    expect(result.screened?.missing).toContain('sanction');
    const o: Outcome = { ...sample, screening: [], ...(result.screened ? { screened: result.screened } : {}) };
    const en = summaryFor(o, 'en');
    expect(en).toContain('Not checked against sanctions');
    expect(en).toMatch(/opensanctions\.org/);
    expect(en).toMatch(/sanctionsmap\.eu/);
    expect(summaryFor(o, 'nl')).toContain('Niet aan sancties getoetst');
  });

  it('with a sanctions list loaded: no such warning, and the list is named with its date', () => {
    const { result } = screenedFor('Peking University', true);
    expect(result.screened?.missing ?? []).not.toContain('sanction');
    const o: Outcome = { ...sample, screening: [], ...(result.screened ? { screened: result.screened } : {}) };
    const en = summaryFor(o, 'en');
    expect(en).not.toContain('Not checked against sanctions');
    expect(en).toMatch(/Seven Sons/);
  });
});
