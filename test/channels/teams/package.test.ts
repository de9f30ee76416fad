import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildTeamsPackage, PackageError } from '../../../src/channels/teams/app-package/build-package.js';
import { encodePng, readPngHeader } from '../../../src/channels/teams/app-package/png.js';

const manifestDir = join(import.meta.dirname, '../../../manifest/teams');
const APP_ID = '0c5f7e9a-1234-4bcd-8def-0123456789ab';

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
    const files = unzip(buildTeamsPackage(manifestDir, APP_ID));
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { id: string; bots: Array<{ botId: string; scopes: string[] }> };
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]?.botId).toBe(APP_ID);
    expect(manifest.bots[0]?.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(readPngHeader(files.get('color.png')!)).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(files.get('outline.png')!)).toMatchObject({ width: 32, height: 32, colorType: 6 });
  });

  it('refuses without an app id', () => {
    expect(() => buildTeamsPackage(manifestDir, undefined)).toThrow(/MicrosoftAppId is not set/);
  });

  it('refuses icons of the wrong size and a manifest without the team scope', () => {
    const dir = copyOfManifest();
    writeFileSync(join(dir, 'color.png'), encodePng(100, 100, () => [0, 0, 0, 255]));
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { bots: Array<{ scopes: string[] }> };
    manifest.bots[0]!.scopes = ['personal'];
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    try {
      buildTeamsPackage(dir, APP_ID);
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
    expect(opaque).toBeLessThan(32 * 32 / 2);
  });
});
