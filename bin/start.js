#!/usr/bin/env node
// `npm start`: builds first when dist/ is missing or older than src/ (and the dev dependencies are there),
// then runs `advisor serve` in this same process, so that SIGTERM from npm, systemd or a container reaches
// the server directly and the graceful shutdown runs.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStale } from './freshness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (isStale(root)) {
  const built = spawnSync(process.execPath, [join(root, 'bin', 'build.js'), '--if-stale'], { stdio: 'inherit', cwd: root });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
process.argv.splice(2, 0, 'serve');
await import('./advisor.js');
