// Runs every conversation test a content author wrote: dialogs/tests/*.yaml against the shipped content, and
// test/fixtures/<name>/dialogs/tests/*.yaml against the shipped content with that fixture's files added
// (a new playbook, a new language). A failure names the file, the test and the step.
import { existsSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, it } from 'vitest';
import { loadContent } from '../src/content/load.js';
import { conversationTestFileSchema } from '../src/content/schema/conversation-test.js';
import { readYamlFile } from '../src/content/yaml.js';
import { createAdvisorEngine, type AdvisorEngine } from '../src/runtime/engine.js';
import { loadDataset } from '../src/screening/index.js';
import { contentWithOverlay } from './helpers/content-overlay.js';
import { runConversationTest } from './helpers/conversation-runner.js';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures');

/** A sanctions list for the tests: fictitious entries, so that a "hit" never depends on real data. */
function sanctionsFixture(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'conversations-')), 'sanctions.csv');
  writeFileSync(file, ['name,aliases,country,list,source', 'Ural Test Polytechnic University,UTPU,ru,sanctions,test fixture'].join('\n'));
  return file;
}

function engineFor(dirs: { contentDir: string; dialogsDir: string }): AdvisorEngine {
  return createAdvisorEngine({
    content: loadContent(dirs),
    datasets: [loadDataset({ path: sanctionsFixture(), format: 'simple-csv', listId: 'sanctions', kind: 'sanction' })],
    today: '2025-10-01',
  });
}

interface Suite {
  /** The folder of the test files, and how to build the content they run against. */
  testsDir: string;
  dirs: () => { contentDir: string; dialogsDir: string };
}

const suites: Suite[] = [
  { testsDir: join(ROOT, 'dialogs', 'tests'), dirs: () => ({ contentDir: join(ROOT, 'content'), dialogsDir: join(ROOT, 'dialogs') }) },
  ...readdirSync(FIXTURES)
    .filter((name) => existsSync(join(FIXTURES, name, 'dialogs', 'tests')))
    .map((name) => ({ testsDir: join(FIXTURES, name, 'dialogs', 'tests'), dirs: () => contentWithOverlay(join(FIXTURES, name)) })),
];

for (const suite of suites) {
  const files = readdirSync(suite.testsDir).filter((f) => f.endsWith('.yaml')).sort();
  let engine: AdvisorEngine | undefined;
  for (const name of files) {
    const file = join(suite.testsDir, name);
    const display = relative(ROOT, file);
    const tests = readYamlFile(file, conversationTestFileSchema).tests;
    describe(display, () => {
      for (const test of tests) {
        it(test.name, () => {
          engine ??= engineFor(suite.dirs());
          try {
            runConversationTest(engine, test);
          } catch (err) {
            if (err instanceof Error) err.message = `${display} › "${test.name}" › ${err.message}`;
            throw err;
          }
          // The first test of a suite builds its engine (a router trained on that content): slow on a busy machine.
        }, 120_000);
      }
    });
  }
}
