#!/usr/bin/env node
// `npm run build`: tsc compiles src/ to dist/ (tsconfig.build.json), esbuild bundles the browser code once
// into dist/channels/web/static/, the stylesheet is copied beside it, and dist/.build-stamp records when.
// `node bin/build.js --if-stale` builds only when a file under src/ is newer than that stamp.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isStale, STAMP } from './freshness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

if (process.argv.includes('--if-stale') && !isStale(root)) process.exit(0);

let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  // `npm start` on an install without dev dependencies: bin/advisor.js says what to do if dist/ is unusable.
  if (process.argv.includes('--if-stale')) process.exit(0);
  console.error('npm run build needs the dev dependencies (typescript, esbuild): run npm install without --omit=dev');
  process.exit(1);
}
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

const { build } = await import('esbuild');
const webDir = join(root, 'dist', 'channels', 'web');
mkdirSync(join(webDir, 'static'), { recursive: true });
// Every page script of src/channels/web/assets.ts: the chat and the inbox's batch screening.
for (const entry of ['chat', 'screening']) {
  await build({
    entryPoints: [join(root, 'src', 'channels', 'web', 'client', `${entry}.ts`)],
    outfile: join(webDir, 'static', `${entry}.js`),
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}
copyFileSync(join(root, 'src', 'channels', 'web', 'web.css'), join(webDir, 'web.css'));
if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  console.error('build: dist/cli/main.js is missing after tsc');
  process.exit(1);
}
// The validated content, so that the compiled server does not parse the YAML at every start.
const { writeContentSnapshot } = await import(pathToFileURL(join(root, 'dist', 'server', 'content-snapshot.js')).href);
writeContentSnapshot();
// Train the router once now (about 20 s), so that the first `npm start` finds its weights in the cache.
const { createUnderstander } = await import(pathToFileURL(join(root, 'dist', 'understand', 'index.js')).href);
createUnderstander();
writeFileSync(join(root, STAMP), `${new Date().toISOString()}\n`);
