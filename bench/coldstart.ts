// Cold start to /readyz: the compiled server (`node bin/advisor.js serve`, what `npm start` runs after its
// build check) against a bare express server started the same way (`node hello.mjs`), interleaved in the
// same run so that the machine's load weighs on both alike. Target: the server ready in ≤ 1 s.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { percentile } from './stats.js';

const median = (values: number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

const ROOT = resolve(import.meta.dirname, '..');
const ROUNDS = 7;

async function timeToReady(args: string[], env: Record<string, string>): Promise<number> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'silent' }, stdio: 'ignore' });
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

export async function benchColdstart(): Promise<void> {
  const built = spawnSync(process.execPath, ['bin/build.js', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
  const dir = mkdtempSync(join(tmpdir(), 'advisor-coldstart-'));
  const hello = join(dir, 'hello.mjs');
  const express = pathToFileURL(join(ROOT, 'node_modules', 'express', 'index.js')).href;
  writeFileSync(
    hello,
    `import express from ${JSON.stringify(express)};\nconst app = express();\napp.get('/readyz', (_req, res) => res.json({ status: 'ready' }));\napp.listen(Number(process.env.PORT), '127.0.0.1');\n`,
  );
  const product: number[] = [];
  const bare: number[] = [];
  try {
    for (let round = 0; round <= ROUNDS; round++) {
      const p = await timeToReady(['bin/advisor.js', 'serve'], { DATA_DIR: join(dir, `data-${round}`), ENV_FILE: join(dir, 'none.env') });
      const b = await timeToReady([hello], {});
      // Round 0 warms the file cache and is not counted.
      if (round > 0) {
        product.push(p);
        bare.push(b);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ratios = product.map((p, i) => p / (bare[i] ?? p));
  const pm = median(product);
  console.log(`cold start to /readyz, ${ROUNDS} interleaved runs (medians):`);
  console.log(`  advisor (node bin/advisor.js serve, compiled): ${pm.toFixed(0)} ms  [${product.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`  bare express (node hello.mjs):                 ${median(bare).toFixed(0)} ms  [${bare.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`  ratio advisor / bare express:                  ${median(ratios).toFixed(2)}x`);
  console.log(`  target ≤ 1000 ms: ${pm <= 1000 ? 'met' : 'not met'} (load average ${(await import('node:os')).loadavg()[0]?.toFixed(1)})`);
}
