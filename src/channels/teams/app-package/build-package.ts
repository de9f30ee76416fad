// Builds the Teams app package an admin uploads: manifest.json filled in from the settings, its English and
// Dutch localization files, and the icons. Checked against Microsoft's official schema and our own rules first;
// every problem is reported at once, naming the setting or file to fix.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeSchemaErrors, loadOfficialSchemas } from './official-schema.js';
import { atLeast, MIN_MANIFEST_VERSION, teamsManifestSchema } from './manifest-schema.js';
import { PLACEHOLDERS, validDomains, type PackageSettings } from './package-settings.js';
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

const VALID_DOMAINS_PLACEHOLDER = '{{VALID_DOMAINS}}';

/** Replaces {{NAME}} in every string of the template; the valid-domains placeholder becomes the list itself. */
function fill(value: unknown, values: Map<string, string>, domains: string[]): unknown {
  if (typeof value === 'string') return value.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => values.get(name) ?? whole);
  if (Array.isArray(value)) {
    return value.flatMap((item) => (item === VALID_DOMAINS_PLACEHOLDER ? domains : [fill(item, values, domains)]));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, values, domains)]));
  }
  return value;
}

function readJson(path: string, file: string, problems: string[]): unknown {
  if (!existsSync(path)) {
    problems.push(`${file} is missing`);
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (err) {
    problems.push(`${file} is not valid JSON: ${(err as Error).message}`);
    return undefined;
  }
}

export function buildTeamsPackage(manifestDir: string, settings: PackageSettings): Buffer {
  const problems: string[] = [];
  const values = new Map<string, string>();
  for (const [name, { setting, hint }] of Object.entries(PLACEHOLDERS)) {
    const value = settings[setting];
    if (typeof value === 'string' && value !== '') values.set(name, value);
    else problems.push(`${setting} is not set (in the environment or .env): ${hint}`);
  }
  const domains = validDomains(settings);
  if (domains.length === 0) problems.push("PUBLIC_URL is not set (nor TEAMS_APP_VALID_DOMAINS): the advisor's host name goes into validDomains");

  const template = readJson(join(manifestDir, 'manifest.json'), 'manifest.json', problems);
  if (template === undefined) throw new PackageError(problems);
  const manifestJson = fill(template, values, domains) as Record<string, unknown>;
  const unfilled = JSON.stringify(manifestJson).match(/\{\{[A-Z_]+\}\}/g);
  for (const name of new Set(unfilled ?? [])) if (!(name.slice(2, -2) in PLACEHOLDERS)) problems.push(`manifest.json has ${name}, which no setting fills`);

  const official = loadOfficialSchemas(join(manifestDir, 'schema'));
  const version = String(manifestJson['manifestVersion'] ?? '');
  if (!atLeast(official.manifestVersion, MIN_MANIFEST_VERSION))
    problems.push(`the schema in manifest/teams/schema is ${official.manifestVersion}; 1.22 or newer is needed`);
  if (version !== official.manifestVersion) {
    problems.push(`manifest.json manifestVersion is "${version}", but the schema in manifest/teams/schema is for ${official.manifestVersion}`);
  }
  // Placeholders left in by missing settings are reported above; the schema would only repeat them.
  if (problems.length === 0 && !official.manifest(manifestJson)) problems.push(...describeSchemaErrors('manifest.json', official.manifest.errors));

  const manifest = teamsManifestSchema.safeParse(manifestJson);
  if (!manifest.success) {
    for (const issue of manifest.error.issues) {
      const path = issue.path.join('.');
      // Already said: a setting is missing.
      if (values.size < Object.keys(PLACEHOLDERS).length && /^(id|bots\.0\.botId|developer\.)/.test(path)) continue;
      if (domains.length === 0 && path === 'validDomains') continue;
      problems.push(`manifest.json ${path || '(top)'}: ${issue.message}`);
    }
  }

  const files: Array<{ name: string; data: Buffer }> = [];
  const info = manifest.success ? manifest.data.localizationInfo : undefined;
  const languageFiles = info ? [info.defaultLanguageFile, ...info.additionalLanguages.map((l) => l.file)] : [];
  const keysOf = new Map<string, string[]>();
  for (const file of languageFiles) {
    const strings = readJson(join(manifestDir, file), file, problems);
    if (strings === undefined) continue;
    if (!official.localization(strings)) problems.push(...describeSchemaErrors(file, official.localization.errors));
    keysOf.set(
      file,
      Object.keys(strings as object).filter((k) => k !== '$schema'),
    );
    files.push({ name: file, data: readFileSync(join(manifestDir, file)) });
  }
  // Every string the English file translates, the Dutch one does too.
  const english = info ? keysOf.get(info.defaultLanguageFile) : undefined;
  for (const [file, keys] of keysOf) {
    if (!english || file === info?.defaultLanguageFile) continue;
    const missing = english.filter((k) => !keys.includes(k));
    if (missing.length > 0) problems.push(`${file} lacks ${missing.join(', ')}`);
  }

  for (const icon of ICONS) {
    const path = join(manifestDir, icon.file);
    if (!existsSync(path)) {
      problems.push(`${icon.file} is missing`);
      continue;
    }
    const data = readFileSync(path);
    const png = readPngHeader(data);
    if (!png) problems.push(`${icon.file} is not a PNG`);
    else if (png.width !== icon.size || png.height !== icon.size) {
      problems.push(`${icon.file} is ${png.width}×${png.height}; Teams needs ${icon.size}×${icon.size}`);
    } else if (icon.transparent && png.colorType !== 6 && png.colorType !== 4) {
      problems.push(`${icon.file} has no alpha channel; Teams needs a transparent background`);
    }
    files.push({ name: icon.file, data });
  }
  if (problems.length > 0) throw new PackageError(problems);
  return writeZip([{ name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifestJson, null, 2)}\n`) }, ...files]);
}
