// Example utterances per playbook (content/understand/examples/*.yaml): the router's training data.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { PlaybookId } from '../domain/ids.js';
import { playbookIdSchema } from '../domain/schemas.js';
import { parseYaml, validate } from '../content/yaml.js';

const label = playbookIdSchema.nullable();
const list = z.array(z.string().min(1)).default([]);

export const examplesFileSchema = z
  .object({
    /** The playbook these utterances start; null: off-topic (the advisor cannot help). */
    playbook: label,
    examples: z.object({ en: list, nl: list }).strict(),
    /** Look-alikes that belong elsewhere: each is an example of its own `playbook`. */
    counter: z.array(z.object({ q: z.string().min(1), playbook: label }).strict()).default([]),
  })
  .strict();

export interface Example {
  text: string;
  /** null: off-topic. */
  playbook: PlaybookId | null;
  file: string;
}

export interface ExampleSet {
  examples: Example[];
  /** The raw text of every file, in file order, for the cache key. */
  source: string;
}

export function loadExamples(dir: string): ExampleSet {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const examples: Example[] = [];
  let source = '';
  for (const f of files) {
    const path = join(dir, f);
    const text = readFileSync(path, 'utf8');
    source += `\n#${f}\n${text}`;
    const file = validate(examplesFileSchema, parseYaml(text, path), path);
    for (const q of [...file.examples.en, ...file.examples.nl]) examples.push({ text: q, playbook: file.playbook, file: f });
    for (const c of file.counter) examples.push({ text: c.q, playbook: c.playbook, file: f });
  }
  return { examples, source };
}
