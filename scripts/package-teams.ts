// npm run package:teams — validates manifest/teams, fills in the app id and writes dist/teams-app.zip.
// `--icons` first regenerates color.png and outline.png.
import 'dotenv/config';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTeamsPackage, PackageError } from '../src/channels/teams/app-package/build-package.js';
import { colorIcon, outlineIcon } from '../src/channels/teams/app-package/png.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifestDir = join(root, 'manifest/teams');
const out = join(root, 'dist/teams-app.zip');

if (process.argv.includes('--icons')) {
  writeFileSync(join(manifestDir, 'color.png'), colorIcon());
  writeFileSync(join(manifestDir, 'outline.png'), outlineIcon());
}
try {
  const zip = buildTeamsPackage(manifestDir, process.env.MicrosoftAppId?.trim() || undefined);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  console.log(`Wrote ${out} (${zip.length} bytes). Upload it in the Teams admin center (Teams apps → Manage apps → Upload new app).`);
} catch (err) {
  console.error(err instanceof PackageError ? err.message : err);
  process.exitCode = 1;
}
