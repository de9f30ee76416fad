// `npm run examples:spend -- eval/blind/routing-X.yaml [...]`: a blind routing set whose first-run figure has
// been reported and which has been tuned on measures nothing any more; its questions then become training
// examples (content/understand/examples/questions/), because they are how people who never saw the product ask.
// The set itself stays in eval/blind/ for its fact labels (countries, domains), which the router does not learn.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { stringify } from 'yaml';
import { loadContent } from '../src/content/load.js';
import { loadEvalSet } from '../src/understand/evaluate.js';
import { QUESTIONS_DIR } from '../src/understand/examples.js';
import { ROOT } from './json-schemas.js';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run examples:spend -- eval/blind/routing-X.yaml [...]');
  process.exit(2);
}
const playbooks = loadContent().playbooks;
const out = join(ROOT, 'content', 'understand', 'examples', QUESTIONS_DIR);
mkdirSync(out, { recursive: true });
for (const file of files) {
  const items = loadEvalSet(file, playbooks);
  // A question labelled with two equally right playbooks teaches the first; the eval accepts either.
  const questions = items.map((i) => ({ q: i.q, lang: i.lang, playbook: i.playbooks[0] ?? null }));
  const name = basename(file).replace(/^routing-/, 'blind-');
  const source = relative(ROOT, file);
  const head = `# yaml-language-server: $schema=../../../../schemas/understand-questions.json\n# The questions of ${source}, spent (npm run examples:spend): written blind from the guideline, reported once, then tuned on.\n`;
  writeFileSync(join(out, name), head + stringify({ source, questions }, { lineWidth: 0 }));
  console.log(`${name}: ${questions.length} questions`);
}
