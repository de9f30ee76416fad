// Builds the Teams app package an admin uploads: manifest.json with the app id filled in, and the icons.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ID_PLACEHOLDER, teamsManifestSchema } from './manifest-schema.js';
import { readPngHeader } from './png.js';
import { writeZip } from './zip.js';

export class PackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Teams app package cannot be built:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageError';
  }
}

const ICONS = [
  { file: 'color.png', size: 192, transparent: false },
  { file: 'outline.png', size: 32, transparent: true },
] as const;

export function buildTeamsPackage(manifestDir: string, appId: string | undefined): Buffer {
  const problems: string[] = [];
  if (!appId) problems.push('MicrosoftAppId is not set (in the environment or .env): it is the Azure Bot\'s Microsoft App ID');
  const template = readFileSync(join(manifestDir, 'manifest.json'), 'utf8');
  const filled = template.replaceAll(APP_ID_PLACEHOLDER, appId ?? APP_ID_PLACEHOLDER);
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(filled);
  } catch (err) {
    throw new PackageError([`manifest.json is not valid JSON: ${(err as Error).message}`]);
  }
  const manifest = teamsManifestSchema.safeParse(manifestJson);
  if (!manifest.success) {
    for (const issue of manifest.error.issues) problems.push(`manifest.json ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  const icons: Array<{ name: string; data: Buffer }> = [];
  for (const icon of ICONS) {
    const path = join(manifestDir, icon.file);
    if (!existsSync(path)) {
      problems.push(`${icon.file} is missing`);
      continue;
    }
    const data = readFileSync(path);
    const info = readPngHeader(data);
    if (!info) problems.push(`${icon.file} is not a PNG`);
    else if (info.width !== icon.size || info.height !== icon.size) {
      problems.push(`${icon.file} is ${info.width}×${info.height}; Teams needs ${icon.size}×${icon.size}`);
    } else if (icon.transparent && info.colorType !== 6 && info.colorType !== 4) {
      problems.push(`${icon.file} has no alpha channel; Teams needs a transparent background`);
    }
    icons.push({ name: icon.file, data });
  }
  if (problems.length > 0) throw new PackageError(problems);
  return writeZip([{ name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifestJson, null, 2)}\n`) }, ...icons]);
}
