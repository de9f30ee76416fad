// The index must find every match the linear scan (every listed name scored) finds: on a
// deterministic synthetic list of 20,000 entities and 500 name variants of every kind, the two
// return the same `match: true` hits. A list of a million names holds, for many a word, others one
// or two letters away; so that 20,000 do too, a quarter of the entities get a sibling with one word
// changed by one or two typos.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ScreeningResult } from '../../src/engine/types.js';
import { loadDataset } from '../../src/screening/index.js';
import { sevenSonsScreener } from './helpers.js';
import { drawQueries, readSyntheticParts, rng, typo, uniqueEntities, writeDataset, type Synthetic } from './synthetic.js';

const ENTITIES = 20_000;
const QUERIES = 500;
const SEED = 4_242;

const parts = readSyntheticParts();
const random = rng(SEED);
const entities = uniqueEntities(parts, ENTITIES, random);
const queries = drawQueries(parts, entities, QUERIES, random);

/** The same entity with one word (any of them, of any length) changed by one or two typos. */
function sibling(e: Synthetic, n: number): Synthetic {
  const words = e.name.split(' ');
  const at = Math.floor(random() * words.length);
  let word = typo(words[at]!, random);
  if (random() < 0.5) word = typo(word, random);
  words[at] = word;
  return { ...e, id: `${e.id}-sibling-${n}`, name: words.join(' '), aliases: [] };
}
const siblings = entities.filter((_, i) => i % 4 === 0).map((e, n) => sibling(e, n));
const dir = mkdtempSync(join(tmpdir(), 'screening-equivalence-'));
const file = join(dir, 'targets.simple.csv');
writeDataset(file, [...entities, ...siblings]);
const screener = sevenSonsScreener([loadDataset({ path: file })]);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const matches = (r: ScreeningResult): string[] =>
  r.hits
    .filter((h) => h.match)
    .map((h) => h.id)
    .sort();

describe('index ≡ linear scan on match: true hits', () => {
  it(`finds the same matches for ${QUERIES} generated name variants`, () => {
    const differ: string[] = [];
    let withMatches = 0;
    for (const q of queries) {
      const linear = matches(screener.screenLinear(q.text, { limit: 1000 }));
      const indexed = matches(screener.screen(q.text, { limit: 1000 }));
      if (linear.length > 0) withMatches++;
      if (linear.join(',') !== indexed.join(',')) differ.push(`${q.variant}: ${q.text}: index [${indexed}] linear [${linear}]`);
    }
    expect(differ).toEqual([]);
    // The comparison means something only when most queries do match.
    expect(withMatches).toBeGreaterThan(QUERIES * 0.9);
  }, 120_000);
});
