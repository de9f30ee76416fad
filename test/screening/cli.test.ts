// `advisor screen` as a user runs it: --json, the readable table, and --csv with its reports.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/screen.js';
import { FIXTURES } from './helpers.js';

async function screen(args: string[], env: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await run(args, { stdout, stderr, stdin: new PassThrough(), env });
  return { code, out, err };
}

const withDatasets = { SCREENING_DATASETS: join(FIXTURES, 'targets.simple.csv'), SCREENING_STALE_DAYS: '30' };

describe('advisor screen', () => {
  it('--json prints the query and hits with list, id, name, matched, score, match and why', async () => {
    const { code, out } = await screen(['--json', 'Beihang', 'Univ', '(Hangzhou', 'campus)']);
    expect(code).toBe(0);
    const result = JSON.parse(out) as { query: string; hits: Array<Record<string, unknown>> };
    expect(result.query).toBe('Beihang Univ (Hangzhou campus)');
    expect(result.hits[0]).toMatchObject({ list: 'seven-sons', id: 'buaa', name: 'Beihang University', match: true });
    expect(typeof result.hits[0]?.['score']).toBe('number');
    expect(typeof result.hits[0]?.['why']).toBe('string');
    expect(typeof result.hits[0]?.['matched']).toBe('string');
  });

  it('--country is passed on, and a country alone gives no hit', async () => {
    const us = JSON.parse((await screen(['--json', '--country', 'US', 'Beihnag University'])).out) as { hits: Array<{ id: string; why: string }> };
    expect(us.hits[0]?.why).toMatch(/not US/);
    const iran = JSON.parse((await screen(['--json', '--country', 'IR', 'Sharif University'])).out) as { hits: unknown[] };
    expect(iran.hits).toEqual([]);
  });

  it('--json prints the kind of each hit, and what was not screened with the links to check by hand', async () => {
    const bare = JSON.parse((await screen(['--json', 'NUDT'])).out) as {
      hits: Array<{ list: string; kind: string }>;
      missing: string[];
      checkByHand: Array<{ kind: string; links: Array<{ url: string }> }>;
    };
    expect(bare.hits[0]).toMatchObject({ list: 'chinese-military', kind: 'military' });
    expect(bare.missing).toContain('sanction');
    const urls = bare.checkByHand.find((c) => c.kind === 'sanction')?.links.map((l) => l.url);
    expect(urls).toEqual(['https://www.opensanctions.org', 'https://www.sanctionsmap.eu/']);
    const loaded = JSON.parse((await screen(['--json', 'Northern Optics Trading'], withDatasets)).out) as {
      hits: Array<{ id: string; kind: string }>;
      missing?: string[];
    };
    expect(loaded.hits[0]).toMatchObject({ id: 'NK-test-0004', kind: 'debarment' });
    expect(loaded.missing ?? []).not.toContain('sanction');
  });

  it('says in the table what was not screened, in Dutch too', async () => {
    const en = await screen(['University of Antwerp']);
    expect(en.out).toMatch(/Not screened:\n {2}sanction: No sanctions list is loaded/);
    expect(en.out).toMatch(/https:\/\/www\.sanctionsmap\.eu\//);
    const nl = await screen(['--lang', 'nl', 'University of Antwerp']);
    expect(nl.out).toMatch(/Niet gescreend:\n {2}sanctie: Hier is geen sanctielijst geladen/);
  });

  it('prints a table with match and "possible, not a match", the lists and that no hit is not a clearance', async () => {
    const { out } = await screen(['Beijing University of Technology']);
    expect(out).toMatch(/possible, not a match/);
    expect(out).toMatch(/seven-sons: .*2025-09-01/);
    expect(out).toMatch(/No hit is not a clearance/);
    const none = await screen(['University of Antwerp']);
    expect(none.out).toMatch(/No hits/);
    expect(none.out).toMatch(/No hit is not a clearance/);
  });

  it('flags a stale dataset from the environment', async () => {
    const { out } = await screen(['Rostok Avia Test'], { ...withDatasets, SCREENING_STALE_DAYS: '1' });
    expect(out).toMatch(/opensanctions: .*STALE/);
    expect(out).toMatch(/^match .*NK-test-0001|Rostok Avia Test JSC/m);
  });

  it('rejects a bad option with usage', async () => {
    const { code, err } = await screen(['--country', 'China', 'X']);
    expect(code).toBe(2);
    expect(err).toMatch(/two-letter/);
  });

  it('--csv screens a file of partners into a CSV and a JSON report, with progress on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'screen-cli-'));
    const prefix = join(dir, 'faculty');
    const { code, out, err } = await screen(['--csv', join(FIXTURES, 'partners.csv'), '--out', prefix], withDatasets);
    expect(code).toBe(0);
    expect(err).toMatch(/screened 5\/5/);
    expect(out).toMatch(/Screened 5 names: 3 with a match, 1 with only possible hits/);
    // Written with a BOM (so Excel reads UTF-8) and a not_checked column for a yente that did not answer.
    const written = readFileSync(`${prefix}.csv`, 'utf8');
    expect(written.startsWith('\uFEFF')).toBe(true);
    const csv = written.slice(1).trim().split('\r\n');
    expect(csv[0]).toBe('row,partner,country,result,kind,list,list_date,list_stale,id,listed_name,matched,score,why,not_checked');
    expect(csv.some((l) => l.startsWith('2,Harbin Inst. of Tech.,CN,match,military,seven-sons,'))).toBe(true);
    expect(csv.some((l) => l.startsWith('4,University of Antwerp,BE,no hit'))).toBe(true);
    const report = JSON.parse(readFileSync(`${prefix}.json`, 'utf8')) as {
      summary: { partners: number; withMatch: number };
      partners: Array<{ name: string; hits: Array<{ id: string; match: boolean }> }>;
      note: string;
    };
    expect(report.summary).toMatchObject({ partners: 5, withMatch: 3 });
    expect(report.partners.find((p) => p.name === 'Rostok Avia Test JSC')?.hits[0]).toMatchObject({ id: 'NK-test-0001', match: true });
    expect(report.note).toMatch(/not a clearance/);
  });
});
