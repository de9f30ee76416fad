// Every hit says what kind of listing it is, from the data: a debarment, a PEP or an export control
// is not a sanction, and the advice treats each as the guideline does (G:920-928).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIT_KINDS } from '../../src/engine/types.js';
import { loadDataset } from '../../src/screening/index.js';
import { kindFromTopics, kindsFromTitle } from '../../src/screening/kinds.js';
import { sevenSonsScreener } from './helpers.js';

function write(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kinds-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const HEADER = 'id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,program_ids,dataset,first_seen,last_seen,last_change';
const row = (id: string, name: string, sanctions: string, dataset: string) =>
  `${id},Organization,${name},,,cn,,,"${sanctions}",,,,"${dataset}",2024-01-01,2025-11-01,2025-11-01`;

describe('kinds from OpenSanctions data', () => {
  it('maps FollowTheMoney topics, the most serious first', () => {
    expect(kindFromTopics(['sanction'])).toBe('sanction');
    expect(kindFromTopics(['role.pep'])).toBe('pep');
    expect(kindFromTopics(['debarment'])).toBe('debarment');
    expect(kindFromTopics(['export.control'])).toBe('export-control');
    expect(kindFromTopics(['crime.fin'])).toBe('crime');
    expect(kindFromTopics(['mil'])).toBe('military');
    expect(kindFromTopics(['sanction.linked'])).toBe('risk-list');
    expect(kindFromTopics(['role.pep', 'sanction'])).toBe('sanction');
    expect(kindFromTopics(['corp.public'])).toBeUndefined();
  });

  it('reads the kind of a targets.simple.csv row from its datasets first, then its sanctions column', () => {
    const file = write(
      'targets.simple.csv',
      [
        HEADER,
        row('a', 'Alpha Test Trading', 'EU 2024/1', 'EU Financial Sanctions Files (FSF)'),
        row('b', 'Beta Test Works', 'Debarment by the World Bank', 'World Bank Debarred Providers'),
        row('c', 'Gamma Test Optics', 'Entity List', 'US Trade Consolidated Screening List; US BIS Entity List'),
        row('d', 'Delta Test Person', '', 'Every Politician'),
        row('e', 'Epsilon Test Holding', '', 'Interpol Red Notices wanted persons'),
        row('f', 'Zeta Test Foundry', 'Programme X', 'Some Unknown Register'),
        row('g', 'Eta Test Group', '', 'Some Unknown Register'),
        row('h', 'Theta Test Systems', 'EU 2024/2', 'EU Financial Sanctions Files (FSF); World Bank Debarred Providers'),
      ].join('\n'),
    );
    const kinds = Object.fromEntries(loadDataset({ path: file }).entities.map((e) => [e.id, e.kind]));
    expect(kinds).toEqual({
      a: 'sanction',
      b: 'debarment', // OpenSanctions models debarments as sanctions: the dataset says what it is
      c: 'export-control',
      d: 'pep',
      e: 'crime',
      f: 'sanction', // a filled sanctions column, and no dataset that says otherwise
      g: 'other',
      h: 'sanction', // sanctioned and debarred: the sanction counts
    });
  });

  it('takes the kind from FollowTheMoney topics', () => {
    const file = write(
      'entities.ftm.json',
      [
        { id: 'p1', schema: 'Person', properties: { name: ['Test Politician'], topics: ['role.pep'] } },
        { id: 'o1', schema: 'Company', properties: { name: ['Test Debarred Co'], topics: ['debarment'] } },
        { id: 'o2', schema: 'Company', properties: { name: ['Test Plain Co'] }, datasets: ['us_bis_denied'] },
      ]
        .map((e) => JSON.stringify(e))
        .join('\n'),
    );
    const kinds = Object.fromEntries(loadDataset({ path: file }).entities.map((e) => [e.id, e.kind]));
    expect(kinds).toEqual({ p1: 'pep', o1: 'debarment', o2: 'export-control' });
  });

  it('names dataset titles by what they are', () => {
    expect(kindsFromTitle('US OFAC Specially Designated Nationals (SDN) List')).toContain('sanction');
    expect(kindsFromTitle('US BIS Denied Persons List')).toEqual(['export-control']);
    expect(kindsFromTitle('Asian Development Bank Sanctions (debarment)')).toContain('debarment');
  });
});

describe('kinds of simple CSV lists', () => {
  it('is risk-list unless the list declares one, and a kind column decides per row', () => {
    const file = write('own.csv', 'name,country,kind\nTest Risk Institute,cn,\nTest Sanctioned Bureau,ir,sanction\n');
    const plain = loadDataset({ path: file });
    expect(plain.entities.map((e) => e.kind)).toEqual(['risk-list', 'sanction']);
    const declared = loadDataset({ path: file, kind: 'export-control' });
    expect(declared.entities.map((e) => e.kind)).toEqual(['export-control', 'sanction']);
  });

  it('rejects a kind that is not one of the kinds, naming the row', () => {
    const file = write('bad.csv', 'name,kind\nTest Org,naughty\n');
    expect(() => loadDataset({ path: file })).toThrow(/row 2: kind "naughty"/);
  });
});

describe('every hit has a kind', () => {
  const screener = sevenSonsScreener();
  it.each([
    ['Beihang University', 'military'],
    ['National University of Defense Technology', 'military'],
    ['ZTE', 'restriction'],
  ])('%s → %s', (name, kind) => {
    const hit = screener.screen(name).hits.find((h) => h.match);
    expect(hit?.kind).toBe(kind);
    expect(HIT_KINDS).toContain(hit?.kind);
  });
});
