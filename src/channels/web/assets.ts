// Static files of the web pages. The browser scripts are TypeScript in ./client: `npm run build` bundles
// them once (dist/channels/web/static/); running from the sources, esbuild bundles them at start, in
// memory (esbuild is a dev dependency). The Adaptive Cards renderer is served from node_modules, no CDN.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export interface Asset {
  type: string;
  body: Buffer;
}

/** The browser bundle `npm run build` wrote next to this module, or one made now from the sources. */
async function bundle(entry: string): Promise<Buffer> {
  const built = join(here, 'static', entry.replace(/\.ts$/, '.js'));
  if (existsSync(built)) return readFileSync(built);
  return bundleNow(entry);
}

async function bundleNow(entry: string, clientDir = join(here, 'client')): Promise<Buffer> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(clientDir, entry)],
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
