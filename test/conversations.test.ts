// Runs every conversation test a content author wrote: dialogs/tests/*.yaml against the shipped content, and
// test/fixtures/<name>/dialogs/tests/*.yaml against the shipped content with that fixture's files added
// (a new playbook, a new language). A failure names the file, the test and the step.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'vitest';
import { loadContent } from '../src/content/load.js';
import { conversationTestFileSchema } from '../src/content/schema/conversation-test.js';
import { readYamlFile } from '../src/content/yaml.js';
import { createAdvisorEngine, type AdvisorEngine } from '../src/runtime/engine.js';
import { contentWithOverlay } from './helpers/content-overlay.js';
import { runConversationTest } from './helpers/conversation-runner.js';
import { sanctionsDataset } from './helpers/sanctions.js';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures');

/** Screening runs against the tests' sanctions list (test/fixtures/screening/sanctions.csv), or none at all. */
function engineFor(dirs: { contentDir: string; dialogsDir: string }, sanctionsList: boolean): AdvisorEngine {
  return createAdvisorEngine({ content: loadContent(dirs), datasets: sanctionsList ? [sanctionsDataset()] : [], today: '2025-10-01' });
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
  const files = readdirSync(suite.testsDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const engines = new Map<boolean, AdvisorEngine>();
  const engine = (sanctionsList: boolean): AdvisorEngine => {
    const built = engines.get(sanctionsList) ?? engineFor(suite.dirs(), sanctionsList);
    engines.set(sanctionsList, built);
    return built;
  };
  for (const name of files) {
    const file = join(suite.testsDir, name);
    const display = relative(ROOT, file);
    const tests = readYamlFile(file, conversationTestFileSchema).tests;
    describe(display, () => {
      for (const test of tests) {
        it(test.name, () => {
          try {
            runConversationTest(engine(test.sanctionsList ?? true), test);
          } catch (err) {
            if (err instanceof Error) err.message = `${display} › "${test.name}" › ${err.message}`;
            throw err;
          }
        }, 120_000); // the first test of a folder builds the engine (content, router, screener), slow on a busy machine
      }
    });
  }
}
