#!/usr/bin/env node
// The `advisor` command. It runs the compiled JavaScript in dist/ (`npm run build`, run by `npm install`
// through `prepare`). While dist/ is missing or older than src/ and the dev dependencies are there, it runs
// the TypeScript sources through tsx instead, so that a change shows at once; without them it says to build.
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isStale } from './freshness.js';

// Node 22.1+ keeps compiled code between starts (a no-op where the function does not exist, as on Node 20).
module.enableCompileCache?.();

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function entry() {
  if (!isStale(root)) return import(pathToFileURL(join(root, 'dist', 'cli', 'main.js')).href);
  // Imported by name, so that ESM resolution picks tsx's ESM entry (require.resolve would give the CommonJS one).
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    console.error('advisor: dist/ is missing or out of date, and the dev dependencies are not installed: run `npm run build` (or `npm install`) first');
    process.exit(1);
  }
  register();
  return import(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href);
}

const { main } = await entry();
process.exitCode = await main(process.argv.slice(2));
