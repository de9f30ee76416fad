// Static files of the web pages. The browser scripts are TypeScript in ./client, bundled once at start
// with esbuild (in memory); the Adaptive Cards renderer is served from node_modules, no CDN.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export interface Asset {
  type: string;
  body: Buffer;
}

async function bundle(entry: string): Promise<Buffer> {
  const result = await build({
    entryPoints: [join(here, 'client', entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no output for ${entry}`);
  return Buffer.from(file.contents);
}

/** Everything under /static/, keyed by file name. */
export async function loadAssets(): Promise<Map<string, Asset>> {
  const adaptiveDir = dirname(require.resolve('adaptivecards/package.json'));
  const js = 'text/javascript; charset=utf-8';
  const css = 'text/css; charset=utf-8';
  return new Map<string, Asset>([
    ['chat.js', { type: js, body: await bundle('chat.ts') }],
    ['screening.js', { type: js, body: await bundle('screening.ts') }],
    ['adaptivecards.min.js', { type: js, body: readFileSync(join(adaptiveDir, 'dist', 'adaptivecards.min.js')) }],
    ['web.css', { type: css, body: readFileSync(join(here, 'web.css')) }],
  ]);
}
