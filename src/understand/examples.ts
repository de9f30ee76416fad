// Example utterances per playbook (content/understand/examples/*.yaml) and the questions of spent blind
// sets (content/understand/examples/questions/*.yaml): the router's training data.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** A blind evaluation set whose routing figure has been reported and which was tuned on: its questions,
 * written by people who never saw the product, teach the router how researchers really ask. */
export const questionsFileSchema = z
  .object({
    /** The evaluation set the questions come from, and what it measured before it was spent. */
    source: z.string().min(1),
    questions: z.array(z.object({ q: z.string().min(1), lang: z.enum(['en', 'nl']), playbook: label }).strict()).min(1),
  })
  .strict();

/** The folder of spent blind sets, inside the examples folder. */
export const QUESTIONS_DIR = 'questions';

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

function yamlFiles(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : [];
}

export function loadExamples(dir: string): ExampleSet {
  const examples: Example[] = [];
  let source = '';
  for (const f of yamlFiles(dir)) {
    const path = join(dir, f);
    const text = readFileSync(path, 'utf8');
    source += `\n#${f}\n${text}`;
    const file = validate(examplesFileSchema, parseYaml(text, path), path);
    for (const q of [...file.examples.en, ...file.examples.nl]) examples.push({ text: q, playbook: file.playbook, file: f });
    for (const c of file.counter) examples.push({ text: c.q, playbook: c.playbook, file: f });
  }
  // A question the authored examples already hold once is not counted twice.
  const seen = new Set(examples.map((e) => e.text));
  for (const f of yamlFiles(join(dir, QUESTIONS_DIR))) {
    const path = join(dir, QUESTIONS_DIR, f);
    const text = readFileSync(path, 'utf8');
    source += `\n#${QUESTIONS_DIR}/${f}\n${text}`;
    const file = validate(questionsFileSchema, parseYaml(text, path), path);
    for (const q of file.questions) {
      if (seen.has(q.q)) continue;
      seen.add(q.q);
      examples.push({ text: q.q, playbook: q.playbook, file: `${QUESTIONS_DIR}/${f}` });
    }
  }
  return { examples, source };
}
