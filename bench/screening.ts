// Screening at scale: a deterministic synthetic dataset of 1,000,000 entities written as an
// OpenSanctions targets.simple.csv, loaded and indexed like a real one, then queried with name
// variants. Prints figures; asserts nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import anyAscii from 'any-ascii';
import { z } from 'zod';
import { readYamlFile } from '../src/content/yaml.js';
import { createScreener, loadDataset, readSevenSons, type ListScreener } from '../src/screening/index.js';
import { csvCell } from '../src/screening/read-lines.js';

const ENTITIES = Number(process.env['BENCH_SCREENING_ENTITIES'] ?? 1_000_000);
const QUERIES = 2_000;
const LINEAR_QUERIES = 12;
const SEED = 20_250_901;
const DEBUG = process.env['BENCH_SCREENING_DEBUG'] === '1';

const partsSchema = z.object({
  syllables: z.array(z.string()),
  givenNames: z.object({ latin: z.array(z.string()), cyrillic: z.array(z.string()) }),
  surnames: z.object({ latin: z.array(z.string()), cyrillic: z.array(z.string()) }),
  companyWords: z.array(z.string()),
  legalForms: z.array(z.string()),
  orgKinds: z.array(z.string()),
  orgFields: z.array(z.string()),
  cities: z.array(z.string()),
});
type Parts = z.infer<typeof partsSchema>;

/** mulberry32: small, fast and the same on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Synthetic {
  id: string;
  schema: 'Person' | 'Company' | 'Organization';
  name: string;
  aliases: string[];
  country: string;
  cyrillic: boolean;
}

function generator(parts: Parts, random: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  const coined = (min: number, max: number): string => {
    const n = min + Math.floor(random() * (max - min + 1));
    let s = '';
    for (let i = 0; i < n; i++) s += pick(parts.syllables);
    return cap(s);
  };
  const cyrSurnameEndings = ['ов', 'ин', 'енко', 'ский', 'ев'];
  const cyrSyllables = ['ко', 'ра', 'ми', 'ло', 'ту', 'ве', 'да', 'ни', 'со', 'бе', 'ри', 'жа', 'ше', 'гу', 'ля'];
  return (i: number): Synthetic => {
    const id = `SYN-${i.toString(36)}`;
    const r = random();
    if (r < 0.45) {
      if (random() < 0.25) {
        const given = pick(parts.givenNames.cyrillic);
        const surname =
          random() < 0.3
            ? pick(parts.surnames.cyrillic)
            : cap(pick(cyrSyllables) + pick(cyrSyllables) + pick(cyrSyllables)) + pick(cyrSurnameEndings);
        const cyr = `${given} ${surname}`;
        return { id, schema: 'Person', name: anyAscii(cyr), aliases: [cyr], country: pick(['ru', 'by']), cyrillic: true };
      }
      const given = pick(parts.givenNames.latin);
      const middle = random() < 0.2 ? ` ${pick(parts.givenNames.latin)}` : '';
      const surname = random() < 0.4 ? pick(parts.surnames.latin) : coined(2, 3);
      return { id, schema: 'Person', name: `${given}${middle} ${surname}`, aliases: [], country: pick(['ir', 'kp', 'sy', 'cn', 've', 'us', 'ae', 'tr']), cyrillic: false };
    }
    if (r < 0.9) {
      const brand = coined(2, 3);
      const words = random() < 0.3 ? `${pick(parts.companyWords)} ${pick(parts.companyWords)}` : pick(parts.companyWords);
      const name = `${brand} ${words} ${pick(parts.legalForms)}`;
      const aliases = random() < 0.2 ? [`${brand} ${pick(parts.legalForms)}`] : [];
      return { id, schema: 'Company', name, aliases, country: pick(['ru', 'cn', 'ir', 'ae', 'hk', 'tr', 'by', 'kp']), cyrillic: false };
    }
    const state = random() < 0.5 ? 'State ' : '';
    const city = random() < 0.5 ? ` ${pick(parts.cities)}` : '';
    const name = `${coined(2, 3)} ${state}${pick(parts.orgKinds)} of ${pick(parts.orgFields)}${city}`;
    return { id, schema: 'Organization', name, aliases: [], country: pick(['ru', 'cn', 'ir', 'kp', 'by', 'sy']), cyrillic: false };
  };
}

function writeDataset(path: string, entities: Synthetic[]): void {
  const header = 'id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,program_ids,dataset,first_seen,last_seen,last_change';
  const chunks: string[] = [header];
  for (const e of entities) {
    chunks.push(
      [e.id, e.schema, csvCell(e.name), csvCell(e.aliases.join(';')), '', e.country, '', '', 'Synthetic sanction', '', '', 'SYN', 'Synthetic bench list', '2024-01-01T00:00:00', '2025-08-30T00:00:00', '2025-08-30T00:00:00'].join(','),
    );
  }
  writeFileSync(path, `${chunks.join('\n')}\n`);
}

const VARIANTS = ['exact', 'case and spacing', 'word order', 'typo', 'legal form or abbreviation', 'transliteration or accents'] as const;
type Variant = (typeof VARIANTS)[number];

function typo(word: string, random: () => number): string {
  const i = Math.floor(random() * word.length);
  const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 26)]!;
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, i) + letter + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + letter + word.slice(i);
    default:
      return i < word.length - 1 ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word.slice(0, i) + letter;
  }
}

const WORD_ABBREVIATIONS: Record<string, string> = {
  University: 'Univ.',
  Institute: 'Inst.',
  International: 'Intl',
  Technology: 'Tech.',
  Academy: 'Acad.',
  Engineering: 'Eng.',
  Research: 'Res.',
  Center: 'Ctr',
  Laboratory: 'Lab',
};

function makeVariant(e: Synthetic, variant: Variant, legalForms: Set<string>, random: () => number): string {
  const words = e.name.split(' ');
  switch (variant) {
    case 'exact':
      return e.name;
    case 'case and spacing':
      return random() < 0.5 ? e.name.toUpperCase() : `  ${e.name.toLowerCase().replace(/ /g, '  ')} `;
    case 'word order':
      if (e.schema === 'Person') return [...words.slice(1), words[0]!].join(' ');
      return [words[words.length - 1]!, ...words.slice(0, -1)].join(' ');
    case 'typo': {
      const long = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5 && /^[A-Za-z]+$/.test(w));
      const [word, at] = long.length > 0 ? long[Math.floor(random() * long.length)]! : [words[0]!, 0];
      return words.map((w, i) => (i === at ? typo(word, random) : w)).join(' ');
    }
    case 'legal form or abbreviation': {
      const kept = words.filter((w) => !legalForms.has(w));
      const abbreviated = kept.map((w) => WORD_ABBREVIATIONS[w] ?? w);
      return abbreviated.join(' ');
    }
    case 'transliteration or accents':
      if (e.cyrillic) return e.name.replace(/iy\b/g, 'ij').replace(/yy\b/g, 'yj').replace(/kh/g, 'h');
      return e.name.replace(/e/g, 'é').replace(/a/g, 'á');
  }
}

function memoryMiB(): { heap: number; total: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed / 2 ** 20, total: (m.heapUsed + m.external + m.arrayBuffers) / 2 ** 20 };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function benchScreening(): Promise<void> {
  const out = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  const parts = readYamlFile(join(import.meta.dirname, '..', 'test', 'fixtures', 'screening', 'synthetic-name-parts.yaml'), partsSchema);
  const random = rng(SEED);
  const next = generator(parts, random);
  out(`screening: ${ENTITIES.toLocaleString('en')} synthetic entities (seed ${SEED})`);
  if (!(globalThis as { gc?: () => void }).gc) out('  (run with node --expose-gc for memory after gc)');

  let t = performance.now();
  // Names are unique, so that recall measures the matcher and not a tie among namesakes.
  const entities: Synthetic[] = [];
  const names = new Set<string>();
  for (let i = 0; entities.length < ENTITIES; i++) {
    const e = next(i);
    const key = e.name.toLowerCase();
    if (names.has(key)) continue;
    names.add(key);
    entities.push(e);
  }
  names.clear();
  const dir = mkdtempSync(join(tmpdir(), 'bench-screening-'));
  const file = join(dir, 'targets.simple.csv');
  writeDataset(file, entities);
  out(`  generated and written as targets.simple.csv in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // The queries are drawn before the generator's entities are dropped, so memory counts only the screener.
  const legalForms = new Set(parts.legalForms);
  const queries = Array.from({ length: QUERIES }, (_, i) => {
    const target = entities[Math.floor(random() * entities.length)]!;
    const variant = VARIANTS[i % VARIANTS.length]!;
    return { target: target.id, variant, text: makeVariant(target, variant, legalForms, random) };
  });
  entities.length = 0;

  const before = memoryMiB();
  t = performance.now();
  const dataset = loadDataset({ path: file });
  const loadSeconds = (performance.now() - t) / 1000;
  const afterLoad = memoryMiB();
  t = performance.now();
  const screener: ListScreener = createScreener({ sevenSons: readSevenSons(), datasets: [dataset], staleAfterDays: 30, today: '2025-09-01' });
  const buildSeconds = (performance.now() - t) / 1000;
  const afterIndex = memoryMiB();
  rmSync(dir, { recursive: true, force: true });
  out(`  load (CSV parse): ${loadSeconds.toFixed(1)} s, entities held: ${(afterLoad.total - before.total).toFixed(0)} MiB`);
  out(
    `  index build: ${buildSeconds.toFixed(1)} s, index memory: ${(afterIndex.total - afterLoad.total).toFixed(0)} MiB ` +
      `(${screener.index.recordCount.toLocaleString('en')} names, ${screener.index.vocabularySize.toLocaleString('en')} distinct tokens); ` +
      `process total after gc: ${afterIndex.total.toFixed(0)} MiB`,
  );

  for (const q of queries.slice(0, 100)) screener.screen(q.text); // warm-up
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const found = new Map<Variant, { hits: number; total: number }>();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (const q of queries) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const result = screener.screen(q.text, { limit: 20 });
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000);
    const f = found.get(q.variant) ?? { hits: 0, total: 0 };
    f.total++;
    if (result.hits.some((h) => h.id === q.target && h.match)) f.hits++;
    else if (DEBUG) out(`    missed (${q.variant}): ${q.text} → ${result.hits.slice(0, 2).map((h) => `${h.name} ${h.score} ${h.match}`).join(' | ')}`);
    if (DEBUG && times[times.length - 1]! > 5) {
      const again = performance.now();
      screener.screen(q.text, { limit: 20 });
      out(`    slow ${times[times.length - 1]!.toFixed(1)} ms (again: ${(performance.now() - again).toFixed(1)} ms): ${q.text}`);
    }
    found.set(q.variant, f);
  }
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const mean = times.reduce((s, x) => s + x, 0) / times.length;
  out(`  queries: ${QUERIES} name variants, one thread, wall clock: p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(1)} ms, ${(QUERIES / elapsed).toFixed(0)} queries/s`);
  // CPU time is what one core spends, whatever else runs on the machine (wall time includes waiting for a core).
  out(`  queries, CPU time of this process: p50 ${percentile(cpuTimes, 50).toFixed(2)} ms, p99 ${percentile(cpuTimes, 99).toFixed(2)} ms, ${(QUERIES / cpuSeconds).toFixed(0)} queries per CPU-second; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
  const totalFound = [...found.values()].reduce((s, f) => s + f.hits, 0);
  out(`  recall (target returned with match: true): ${((100 * totalFound) / QUERIES).toFixed(2)} %`);
  for (const [variant, f] of found) out(`    ${variant.padEnd(28)} ${((100 * f.hits) / f.total).toFixed(1)} % of ${f.total}`);

  let linearTotal = 0;
  let indexTotal = 0;
  let agree = 0;
  const sample = queries.filter((_, i) => i % Math.floor(QUERIES / LINEAR_QUERIES) === 0).slice(0, LINEAR_QUERIES);
  for (const q of sample) {
    let t0 = performance.now();
    const linear = screener.screenLinear(q.text, { limit: 1000 });
    linearTotal += performance.now() - t0;
    t0 = performance.now();
    const indexed = screener.screen(q.text, { limit: 1000 });
    indexTotal += performance.now() - t0;
    const key = (r: typeof linear) => r.hits.filter((h) => h.match).map((h) => h.id).sort().join(',');
    if (key(linear) === key(indexed)) agree++;
  }
  out(
    `  linear scan, same scorer, ${sample.length} queries: ${(linearTotal / sample.length).toFixed(0)} ms/query; ` +
      `index ${(indexTotal / sample.length).toFixed(2)} ms/query; speed-up ×${(linearTotal / indexTotal).toFixed(0)}; ` +
      `same matches in ${agree}/${sample.length}`,
  );
  out(`  (mean query time over all variants: ${mean.toFixed(2)} ms)`);
}
