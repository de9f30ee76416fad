// `npm start` (bin/start.js) runs the compiled JavaScript: tsx and esbuild are dev dependencies, and the server built by
// `npm run build` starts, answers /readyz and serves the browser bundle with both of them unloadable.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
  engines: { node: string };
};

describe('the production start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'advisor-prod-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps tsx and esbuild out of the production dependencies, and declares Node 20, 22 and 24', () => {
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    expect(Object.keys(pkg.dependencies)).not.toContain('esbuild');
    expect(pkg.devDependencies).toHaveProperty('tsx');
    expect(pkg.devDependencies).toHaveProperty('esbuild');
    expect(pkg.scripts.build).toBeDefined();
    expect(pkg.engines.node).toMatch(/20/);
    expect(pkg.engines.node).toMatch(/22/);
    expect(pkg.engines.node).toMatch(/24/);
  });

  it('starts from dist/ with tsx and esbuild unloadable, serves /readyz and the chat bundle, and stops on SIGTERM', async () => {
    const built = spawnSync(process.execPath, ['bin/build.js', '--if-stale'], { cwd: root, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const child = spawn(process.execPath, ['--import', './test/helpers/forbid-dev-deps.mjs', 'bin/start.js'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(20000 + Math.floor(Math.random() * 20000)),
        DATA_DIR: dir,
        LOG_LEVEL: 'silent',
        ENV_FILE: join(dir, 'none.env'),
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      const url = await new Promise<string>((resolveUrl, reject) => {
        const timer = setInterval(() => {
          const found = /web chat: (http:\/\/\S+?)\//.exec(out)?.[1];
          if (found) {
            clearInterval(timer);
            resolveUrl(found);
          }
          if (child.exitCode !== null) {
            clearInterval(timer);
            reject(new Error(`server exited: ${err}`));
          }
        }, 20);
      });
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const bundle = await fetch(`${url}/static/chat.js`);
      expect(bundle.status).toBe(200);
      expect((await bundle.text()).length).toBeGreaterThan(1000);
      // The inbox's batch screening page script is built too.
      const screening = await fetch(`${url}/static/screening.js`);
      expect(screening.status).toBe(200);
      expect(await screening.text()).toContain('screening-progress');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(err).not.toContain('dev dependency loaded');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 240_000);
});
