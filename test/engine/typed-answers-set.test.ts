// A set of typed answers written for this purpose (test/engine/fixtures/typed-answers-*.yaml), read the way
// the engine reads a typed answer. Reports the share understood per language; the target is ≥ 97 %.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { typed } from './typed-helpers.js';

const entry = z.object({ playbook: z.string(), step: z.string(), text: z.string(), expect: z.string() });
const load = (lang: string) => z.array(entry).parse(parse(readFileSync(new URL(`./fixtures/typed-answers-${lang}.yaml`, import.meta.url), 'utf8')));

describe.each(['en', 'nl'])('typed answers set (%s)', (lang) => {
  const set = load(lang);
  it(`understands at least 97 % of ${set.length} typed answers`, () => {
    const misses = set.map((e) => ({ ...e, got: typed(e.playbook, e.step, e.text) })).filter((e) => e.got !== e.expect);
    const understood = (set.length - misses.length) / set.length;
    console.log(`typed answers ${lang}: ${(understood * 100).toFixed(1)} % (${set.length - misses.length}/${set.length})`);
    for (const m of misses) console.log(`  miss ${m.playbook}/${m.step}: "${m.text}" → ${m.got}, expected ${m.expect}`);
    expect(set.length).toBeGreaterThanOrEqual(75);
    expect(understood).toBeGreaterThanOrEqual(0.97);
  });
});

// Written after the changes and never tuned on: reported as it is, with a floor that catches a regression.
describe('typed answers, held-out set', () => {
  const set = load('holdout');
  it(`understands most of ${set.length} typed answers nobody tuned on`, () => {
    const misses = set.map((e) => ({ ...e, got: typed(e.playbook, e.step, e.text) })).filter((e) => e.got !== e.expect);
    const understood = (set.length - misses.length) / set.length;
    console.log(`typed answers held out: ${(understood * 100).toFixed(1)} % (${set.length - misses.length}/${set.length})`);
    for (const m of misses) console.log(`  miss ${m.playbook}/${m.step}: "${m.text}" → ${m.got}, expected ${m.expect}`);
    expect(understood).toBeGreaterThanOrEqual(0.85);
  });
});
