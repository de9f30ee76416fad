// config/institutions.yaml may give an institution its own inbox token, as a SHA-256 only. A bad value
// stops the start with a message naming the file, the path in it and what is expected.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadInstitutions } from '../../src/config/index.js';
import { loadContent } from '../../src/content/load.js';

const contactPoints = loadContent().reference.contactPoints;
const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

function file(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'advisor-inst-'));
  const path = join(dir, 'institutions.yaml');
  writeFileSync(path, text);
  return path;
}

function problem(text: string): { path: string; message: string } {
  const path = file(text);
  try {
    loadInstitutions(path, contactPoints);
  } catch (error) {
    if (error instanceof ConfigError) return { path, message: error.message };
    throw error;
  }
  throw new Error('expected a configuration error');
}

describe('inbox tokens in the institutions file', () => {
  it('reads a hash (any case) as lower-case hex, and lists only the institutions that have one', () => {
    const ugent = hash('ugent-token-0123456789');
    const path = file(`institutions:
  - id: ugent
    inbox: { tokenSha256: "${ugent.toUpperCase()}" }
  - id: kuleuven
    inbox: false
  - id: vub
`);
    const institutions = loadInstitutions(path, contactPoints);
    expect(institutions.inboxCredentials).toEqual([{ institution: 'ugent', tokenSha256: ugent }]);
    expect(institutions.byId.get('ugent')?.routing.inbox).toBe(true);
    expect(institutions.byId.get('kuleuven')?.routing.inbox).toBe(false);
    expect(institutions.byId.get('vub')?.routing.inbox).toBe(true);
  });

  it('the shipped file has no token, so `npm start` keeps the inbox open on 127.0.0.1', () => {
    expect(loadInstitutions('config/institutions.yaml', contactPoints).inboxCredentials).toEqual([]);
  });

  it('names the file and the path of a hash that is not 64 hex characters', () => {
    for (const bad of ['abc123', `${hash('x')}0`, 'z'.repeat(64), `sha256:${hash('x')}`]) {
      const { path, message } = problem(`institutions:\n  - id: vub\n  - id: ugent\n    inbox: { tokenSha256: "${bad}" }\n`);
      expect(message).toContain(
        `INSTITUTIONS_FILE ${path}: institutions[1].inbox.tokenSha256: must be the SHA-256 of the inbox token: 64 hexadecimal characters`,
      );
      expect(message).not.toContain(bad);
    }
  });

  it('refuses the token itself, the hash of an empty token, a shared hash and a wrong shape', () => {
    expect(problem('institutions:\n  - id: ugent\n    inbox: { token: "plain-secret-token" }\n').message).toMatch(
      /institutions\[0\]\.inbox\.token: never put the token itself in this file/,
    );
    expect(problem(`institutions:\n  - id: ugent\n    inbox: { tokenSha256: "${hash('')}" }\n`).message).toContain(
      'institutions[0].inbox.tokenSha256: is the SHA-256 of an empty token',
    );
    const shared = problem(
      `institutions:\n  - id: ugent\n    inbox: { tokenSha256: "${hash('same-token-0123456789')}" }\n  - id: vub\n    inbox: { tokenSha256: "${hash('same-token-0123456789')}" }\n`,
    );
    expect(shared.message).toContain(`${shared.path}: institutions[1].inbox.tokenSha256 is the same as institutions[0]'s`);
    expect(problem('institutions:\n  - id: ugent\n    inbox: "yes"\n').message).toContain(
      'institutions[0].inbox: use true, false or { tokenSha256: <64 hex characters> }',
    );
  });
});
