import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { DOMAIN_IDS } from '../../src/engine/ids.js';
import { checkCitationsInDir, referenceDocuments } from '../../src/content/anchors.js';
import { loadReference, REFERENCE_FILES } from '../../src/content/load-reference.js';
import type { LocalText, ReferenceContent } from '../../src/content/types.js';
import { ContentError } from '../../src/content/yaml.js';

const CONTENT_DIR = resolve(import.meta.dirname, '../../content');
const reference: ReferenceContent = loadReference(CONTENT_DIR);

/** Every { en, nl } text anywhere in the content, with where it sits. */
function localTexts(value: unknown, path = ''): Array<{ path: string; text: LocalText }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => localTexts(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const keys = Object.keys(value).sort();
  if (keys.join(',') === 'en,nl' && Object.values(value).every((v) => typeof v === 'string')) {
    return [{ path, text: value as LocalText }];
  }
  return Object.entries(value).flatMap(([k, v]) => localTexts(v, path === '' ? k : `${path}.${k}`));
}

describe('reference content', () => {
  it('names exactly the eleven higher-risk countries of the guideline', () => {
    const codes = reference.riskCountries.map((c) => c.code).sort();
    expect(codes).toEqual(['AE', 'BY', 'CN', 'IL', 'IR', 'KP', 'PK', 'RU', 'SA', 'SY', 'TR']);
    const russia = reference.riskCountries.find((c) => c.code === 'RU');
    expect(russia?.name.nl).toBe('Rusland');
    expect(russia?.reasons.en).toMatch(/arms embargo/);
  });

  it('has the ten EU critical technology areas with their sub-technologies', () => {
    expect(reference.techAreas.map((a) => a.id).sort()).toEqual([...DOMAIN_IDS].sort());
    for (const area of reference.techAreas) expect(area.subs.length).toBeGreaterThanOrEqual(4);
    const robotics = reference.techAreas.find((a) => a.id === 'robotics');
    expect(robotics?.subs.map((s) => s.name.en).join(' ')).toMatch(/Drones/);
    const quantum = reference.techAreas.find((a) => a.id === 'quantum');
    expect(quantum?.subs.map((s) => s.id)).toContain('quantum-sensing');
  });

  it('lists all ten contact points with the guideline main addresses', () => {
    const main = Object.fromEntries(reference.contactPoints.map((c) => [c.id, c.emails.main.toLowerCase()]));
    expect(main).toEqual({
      uantwerpen: 'researchsecurity@uantwerpen.be',
      ugent: 'researchsecurity@ugent.be',
      kuleuven: 'kennisveiligheid@kuleuven.be',
      uhasselt: 'rri@uhasselt.be',
      vub: 'ecdmm@vub.be',
      imec: 'exportcontrol@imec.be',
      vib: 'dualuse@vib.be',
      itg: 'dualuse@itg.be',
      vito: 'dualuse@vito.be',
      flandersmake: 'info@flandersmake.be',
    });
    const kul = reference.contactPoints.find((c) => c.id === 'kuleuven');
    expect(kul?.emails).toMatchObject({
      exportControl: 'lrd.export@kuleuven.be',
      humanRights: 'humanrights@kuleuven.be',
      // ecdmm@ is the ethics committee for dual use and misuse (G:774), not a dual-use desk (issue 17).
      ethics: 'ecdmm@kuleuven.be',
    });
    expect(kul?.emails.dualUse).toBeUndefined();
    expect(kul?.aliases).toEqual(expect.arrayContaining(['KU Leuven', 'KUL', 'Leuven']));
    expect(reference.contactPoints.find((c) => c.id === 'uantwerpen')?.phone).toBe('+32 3 265 90 63');
    expect(reference.contactPoints.find((c) => c.id === 'ugent')?.aliases).toContain('Ghent University');
  });

  it('carries the restrictions with their flags and dated provenance', () => {
    const flags = new Set(reference.restrictions.map((r) => r.flag));
    for (const flag of [
      'iran-institutional',
      'russia-rectors-statement',
      'fwo-russia-belarus',
      'fwo-seven-sons',
      'universities-seven-sons',
      'chinese-military-institution',
      'horizon-russia',
      'horizon-huawei-zte',
      'horizon-critical-exclusion',
    ]) {
      expect(flags, flag).toContain(flag);
    }
    const iran = reference.restrictions.find((r) => r.flag === 'iran-institutional');
    expect(iran?.countries).toEqual(['IR']);
    expect(
      reference.restrictions
        .filter((r) => r.lists.includes('seven-sons'))
        .map((r) => r.by)
        .sort(),
    ).toEqual(['flemish-universities', 'fwo']);
    expect(reference.restrictions.find((r) => r.flag === 'horizon-huawei-zte')?.entities).toEqual(['Huawei', 'ZTE']);
    expect(reference.sevenSons.entries).toHaveLength(7);
    // Each restriction names the facts that decide whether it bites (issue 17).
    const rectors = reference.restrictions.find((r) => r.id === 'russia-rectors-statement');
    expect(rectors?.conditions.map((c) => c.fact)).toEqual(['institutional', 'rectorsStatement']);
    expect(iran?.conditions.map((c) => c.fact)).toEqual(['institutional']);
    expect(reference.restrictions.find((r) => r.id === 'horizon-huawei-zte')?.conditions.map((c) => c.fact)).toEqual(['funders', 'horizonAction']);
  });

  it('marks the reporting obligation and export duties as reportable, and only those that imply it', () => {
    const report = Object.fromEntries(reference.duties.map((d) => [d.id, d.report]));
    expect(report['reporting-obligation']).toBe(true);
    expect(report['dual-use-export-licence']).toBe(true);
    expect(report['criminal-liability']).toBe(false);
    expect(report['defra-nationality']).toBe(false);
  });

  it('answers the six UHasselt FAQ and at least twenty more knowledge questions', () => {
    const ids = reference.faq.map((f) => f.id);
    for (const id of [
      'security-vs-ethics-tab',
      'what-is-dual-use',
      'mitigation-measures',
      'security-tab-result',
      'approval-fwo-chances',
      'how-to-get-approval',
    ]) {
      expect(ids).toContain(id);
    }
    expect(ids.length).toBeGreaterThanOrEqual(26);
    for (const entry of reference.faq) {
      expect(entry.keywords.en.length, entry.id).toBeGreaterThanOrEqual(5);
      expect(entry.keywords.nl.length, entry.id).toBeGreaterThanOrEqual(5);
      const sentences = entry.answer.en.split(/(?<=[.?!])\s+/).length;
      expect(sentences, entry.id).toBeGreaterThanOrEqual(2);
      expect(sentences, entry.id).toBeLessThanOrEqual(6);
    }
  });

  it('gives every text in both languages, translated rather than copied', () => {
    const texts = localTexts(reference);
    expect(texts.length).toBeGreaterThan(300);
    for (const { path, text } of texts) {
      expect(text.en.trim(), path).not.toBe('');
      expect(text.nl.trim(), path).not.toBe('');
    }
    // Names (Seven Sons, Human Rights Watch) may stay the same; running text must be translated.
    const sentences = texts.filter(({ text }) => text.en.length > 60);
    const copied = sentences.filter(({ text }) => text.en === text.nl).map(({ path }) => path);
    expect(copied).toEqual([]);
  });

  it('cites only sections that exist, and every section anchor occurs in its source', () => {
    expect(checkCitationsInDir(CONTENT_DIR, referenceDocuments(reference))).toEqual([]);
  });
});

describe('broken reference content', () => {
  let dir = '';
  afterEach(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  function copyWith(file: string, edit: (data: unknown) => void): string {
    dir = mkdtempSync(join(tmpdir(), 'reference-'));
    for (const name of Object.values(REFERENCE_FILES)) cpSync(join(CONTENT_DIR, name), join(dir, name), { recursive: true });
    const data: unknown = parse(readFileSync(join(dir, file), 'utf8'));
    edit(data);
    writeFileSync(join(dir, file), stringify(data));
    return dir;
  }

  function loadError(contentDir: string): ContentError {
    try {
      loadReference(contentDir);
    } catch (err) {
      if (err instanceof ContentError) return err;
      throw err;
    }
    throw new Error('loadReference accepted broken content');
  }

  it('names the file and the path inside it when a translation is missing', () => {
    const error = loadError(
      copyWith('faq.yaml', (data) => {
        (data as Array<{ answer: { nl: string } }>)[3]!.answer.nl = '';
      }),
    );
    expect(error.file).toMatch(/faq\.yaml$/);
    expect(error.problems.join('\n')).toMatch(/^\[3\]\.answer\.nl: /m);
  });

  it('rejects an id used twice in one file, pointing at the duplicate', () => {
    const error = loadError(
      copyWith('measures.yaml', (data) => {
        const measures = data as Array<{ id: string }>;
        measures[5]!.id = measures[1]!.id;
      }),
    );
    expect(error.file).toMatch(/measures\.yaml$/);
    expect(error.problems.join('\n')).toMatch(/\[5\]\.id: .*used twice/);
  });

  it('rejects a missing technology area and an unknown entity list', () => {
    const techError = loadError(
      copyWith('tech-areas.yaml', (data) => {
        (data as unknown[]).splice(2, 1);
      }),
    );
    expect(techError.problems.join('\n')).toMatch(/missing technology areas: quantum/);
    rmSync(dir, { recursive: true, force: true });

    const listError = loadError(
      copyWith('restrictions.yaml', (data) => {
        (data as Array<{ lists: string[] }>)[0]!.lists = ['seven-daughters'];
      }),
    );
    expect(listError.file).toMatch(/restrictions\.yaml$/);
    expect(listError.problems.join('\n')).toMatch(/\[0\]\.lists\[0\]: use one of: seven-sons/);
  });
});
