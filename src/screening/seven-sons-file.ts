// Reads content/lists/seven-sons.yaml for the CLI, the bench and tests, until the reference-content
// loader provides it. The schema produces exactly ReferenceContent['sevenSons'].
import { join } from 'node:path';
import { z } from 'zod';
import type { ReferenceContent } from '../content/types.js';
import { readYamlFile } from '../content/yaml.js';
import { DEFAULT_LISTS_DIR } from './normalisation-table.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use an ISO date, YYYY-MM-DD');
const names = z.array(z.string().trim().min(1)).default([]);

export const sevenSonsFileSchema = z
  .object({
    source: z.object({ name: z.string().min(1), url: z.string().url().optional(), date: isoDate }).strict(),
    entries: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z0-9-]+$/),
          name: z.string().trim().min(1),
          formerNames: names,
          abbreviations: names,
          chinese: names,
          aliases: names,
          city: z.string().trim().min(1),
          url: z.string().url().optional(),
        })
        .strict(),
    ),
  })
  .strict();

export const DEFAULT_SEVEN_SONS_FILE = join(DEFAULT_LISTS_DIR, 'seven-sons.yaml');

export function readSevenSons(file: string = DEFAULT_SEVEN_SONS_FILE): ReferenceContent['sevenSons'] {
  return readYamlFile(file, sevenSonsFileSchema);
}
