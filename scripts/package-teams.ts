// npm run package:teams — fills manifest/teams/manifest.json in from the settings (MicrosoftAppId, TEAMS_APP_*,
// PUBLIC_URL), checks it and its localization files against the official schema, and writes dist/teams-app.zip.
// `--icons` first regenerates color.png and outline.png. Exits 1 with every problem listed when something is missing.
import 'dotenv/config';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTeamsPackage, PackageError } from '../src/channels/teams/app-package/build-package.js';
import { packageSettingsSchema } from '../src/channels/teams/app-package/package-settings.js';
import { colorIcon, outlineIcon } from '../src/channels/teams/app-package/png.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifestDir = join(root, 'manifest/teams');
const out = join(root, 'dist/teams-app.zip');

if (process.argv.includes('--icons')) {
  writeFileSync(join(manifestDir, 'color.png'), colorIcon());
  writeFileSync(join(manifestDir, 'outline.png'), outlineIcon());
}
const settings = packageSettingsSchema.safeParse(process.env);
if (!settings.success) {
  console.error(`The Teams app package cannot be built:\n${settings.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  process.exit(1);
}
try {
  const zip = buildTeamsPackage(manifestDir, settings.data);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  console.log(`Wrote ${out} (${zip.length} bytes). Upload it in the Teams admin center (Teams apps → Manage apps → Upload new app).`);
} catch (err) {
  console.error(err instanceof PackageError ? err.message : err);
  process.exitCode = 1;
}
