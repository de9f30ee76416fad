import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildTeamsPackage, PackageError } from '../../../src/channels/teams/app-package/build-package.js';
import { packageSettingsSchema, type PackageSettings } from '../../../src/channels/teams/app-package/package-settings.js';
import { loadOfficialSchemas } from '../../../src/channels/teams/app-package/official-schema.js';
import { encodePng, readPngHeader } from '../../../src/channels/teams/app-package/png.js';

const manifestDir = join(import.meta.dirname, '../../../manifest/teams');
const APP_ID = '0c5f7e9a-1234-4bcd-8def-0123456789ab';

/** What an admin puts in .env before `npm run package:teams`. */
const ENV = {
  MicrosoftAppId: APP_ID,
  TEAMS_APP_DEVELOPER_NAME: 'UHasselt Research Office',
  TEAMS_APP_WEBSITE_URL: 'https://www.uhasselt.be/en/research-security',
  TEAMS_APP_PRIVACY_URL: 'https://www.uhasselt.be/en/privacy',
  TEAMS_APP_TERMS_URL: 'https://www.uhasselt.be/en/terms',
  PUBLIC_URL: 'https://advisor.uhasselt.be',
  TEAMS_APP_VALID_DOMAINS: 'research.uhasselt.be',
};
const settings = (env: Record<string, string> = ENV): PackageSettings => packageSettingsSchema.parse(env);

/** Reads the entries of a zip through its central directory, the way an unzipper does. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    files.set(name, inflateRawSync(zip.subarray(dataStart, dataStart + size)));
    at += 46 + nameLength + extra;
  }
  return files;
}

function copyOfManifest(): string {
  const dir = mkdtempSync(join(tmpdir(), 'teams-manifest-'));
  cpSync(manifestDir, dir, { recursive: true });
  return dir;
}

describe('Teams app package', () => {
  it('fills in the app id and zips the manifest with both icons', () => {
    const files = unzip(buildTeamsPackage(manifestDir, settings()));
    expect([...files.keys()].sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'nl.json', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { id: string; bots: Array<{ botId: string; scopes: string[] }> };
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]?.botId).toBe(APP_ID);
    expect(manifest.bots[0]?.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(readPngHeader(files.get('color.png')!)).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(files.get('outline.png')!)).toMatchObject({ width: 32, height: 32, colorType: 6 });
  });

  it('refuses without an app id', () => {
    const { MicrosoftAppId: _, ...rest } = ENV;
    expect(() => buildTeamsPackage(manifestDir, settings(rest))).toThrow(/MicrosoftAppId is not set/);
  });

  it('is valid against the official Teams schema, version 1.22 or newer, and so are both language files', () => {
    const official = loadOfficialSchemas(join(manifestDir, 'schema'));
    const files = unzip(buildTeamsPackage(manifestDir, settings()));
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Record<string, unknown>;
    expect(official.manifest(manifest), JSON.stringify(official.manifest.errors)).toBe(true);
    const [major, minor] = String(manifest['manifestVersion']).split('.').map(Number);
    expect(major === 1 && (minor ?? 0) >= 22).toBe(true);
    for (const file of ['en.json', 'nl.json']) expect(official.localization(JSON.parse(files.get(file)!.toString('utf8')))).toBe(true);
    // The schema really checks: an unknown field and a too-long short name are refused.
    expect(official.manifest({ ...manifest, colour: 'blue' })).toBe(false);
    expect(official.manifest({ ...manifest, name: { short: 'x'.repeat(31), full: 'y' } })).toBe(false);
  });

  it('takes the publisher pages and valid domains from the settings, Dutch next to English, commands for the personal scope', () => {
    const files = unzip(buildTeamsPackage(manifestDir, settings()));
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as {
      developer: Record<string, string>;
      validDomains: string[];
      localizationInfo: { defaultLanguageTag: string; additionalLanguages: Array<{ languageTag: string; file: string }> };
      bots: Array<{ commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> }>;
      supportedChannelTypes: string[];
    };
    expect(manifest.developer).toEqual({
      name: 'UHasselt Research Office',
      websiteUrl: ENV.TEAMS_APP_WEBSITE_URL,
      privacyUrl: ENV.TEAMS_APP_PRIVACY_URL,
      termsOfUseUrl: ENV.TEAMS_APP_TERMS_URL,
    });
    expect(JSON.stringify(manifest)).not.toContain('vlir.be');
    expect(manifest.validDomains).toEqual(['advisor.uhasselt.be', 'research.uhasselt.be']);
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('en');
    expect(manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: 'nl', file: 'nl.json' }]);
    const personal = manifest.bots[0]?.commandLists.find((l) => l.scopes.includes('personal'));
    expect(personal?.scopes).toEqual(['personal']);
    expect(personal?.commands.map((c) => c.title)).toContain('help');
    expect(manifest.supportedChannelTypes).toContain('privateChannels');
    const nl = JSON.parse(files.get('nl.json')!.toString('utf8')) as Record<string, string>;
    expect(nl['name.short']).toBe('Onderzoeksveiligheid');
    expect(nl['bots[0].commandLists[0].commands[0].title']).toBe('hulp');
  });

  it('names every missing setting at once', () => {
    try {
      buildTeamsPackage(manifestDir, settings({ MicrosoftAppId: APP_ID }));
      expect.unreachable();
    } catch (err) {
      const problems = (err as PackageError).problems.join('\n');
      for (const name of ['TEAMS_APP_DEVELOPER_NAME', 'TEAMS_APP_WEBSITE_URL', 'TEAMS_APP_PRIVACY_URL', 'TEAMS_APP_TERMS_URL', 'PUBLIC_URL']) {
        expect(problems).toContain(`${name} is not set`);
      }
    }
    expect(packageSettingsSchema.safeParse({ ...ENV, TEAMS_APP_PRIVACY_URL: 'http://insecure.example' }).success).toBe(false);
  });

  it('refuses a Dutch file that lacks a string of the English one', () => {
    const dir = copyOfManifest();
    const nl = JSON.parse(readFileSync(join(dir, 'nl.json'), 'utf8')) as Record<string, string>;
    delete nl['bots[0].commandLists[0].commands[2].title'];
    writeFileSync(join(dir, 'nl.json'), JSON.stringify(nl));
    expect(() => buildTeamsPackage(dir, settings())).toThrow(/nl.json lacks bots\[0\]\.commandLists\[0\]\.commands\[2\]\.title/);
  });

  it('refuses icons of the wrong size and a manifest without the team scope', () => {
    const dir = copyOfManifest();
    writeFileSync(
      join(dir, 'color.png'),
      encodePng(100, 100, () => [0, 0, 0, 255]),
    );
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { bots: Array<{ scopes: string[] }> };
    manifest.bots[0]!.scopes = ['personal'];
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    try {
      buildTeamsPackage(dir, settings());
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PackageError);
      const problems = (err as PackageError).problems.join('\n');
      expect(problems).toContain('color.png is 100×100; Teams needs 192×192');
      expect(problems).toContain('personal, team and groupChat');
    }
  });

  it('the outline icon is white on transparent only', () => {
    const png = readFileSync(join(manifestDir, 'outline.png'));
    // Decode the single IDAT: filter byte + RGBA per row.
    const idatAt = png.indexOf(Buffer.from('IDAT'));
    const length = png.readUInt32BE(idatAt - 4);
    const raw = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + length));
    let opaque = 0;
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const p = y * (32 * 4 + 1) + 1 + x * 4;
        const [r, g, b, a] = [raw[p], raw[p + 1], raw[p + 2], raw[p + 3]];
        if (a !== 0) {
          opaque++;
          expect([r, g, b]).toEqual([255, 255, 255]);
        }
      }
    }
    expect(opaque).toBeGreaterThan(20);
    expect(opaque).toBeLessThan((32 * 32) / 2);
  });
});
