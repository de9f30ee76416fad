// The public evaluation set: every name must be judged right.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readYamlFile } from '../../src/content/yaml.js';
import { isSevenSonsMatch, sevenSonsScreener } from './helpers.js';

const evalSet = readYamlFile(join(import.meta.dirname, '..', '..', 'eval', 'screening.yaml'), z.array(z.object({ q: z.string(), seven_sons: z.boolean() })));

describe('eval/screening.yaml', () => {
  const screener = sevenSonsScreener();
  it('has cases', () => expect(evalSet.length).toBeGreaterThan(5));
  for (const { q, seven_sons } of evalSet) {
    it(`${q} → ${seven_sons ? 'Seven Sons match' : 'no match'}`, () => {
      expect(isSevenSonsMatch(screener, q) !== undefined).toBe(seven_sons);
    });
  }
});
