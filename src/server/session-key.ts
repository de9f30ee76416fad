// The key that signs web-chat and inbox session cookies. SESSION_SECRET when set (required for several
// instances: they must all sign alike); otherwise a random key kept in DATA_DIR/session.key, made on the
// first start, so that sessions survive a restart of a single instance.
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SessionKey {
  key: Buffer;
  /** Where it came from, for the start-up log. */
  source: 'SESSION_SECRET' | 'file';
  /** The secret text (for the inbox's own derivation). */
  secret: string;
}

export function loadSessionKey(secret: string | undefined, dataDir: string): SessionKey {
  if (secret !== undefined) return { key: createHash('sha256').update(`advisor-session:${secret}`).digest(), source: 'SESSION_SECRET', secret };
  const file = join(dataDir, 'session.key');
  let text = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (!/^[A-Za-z0-9_-]{43}$/.test(text)) {
    mkdirSync(dataDir, { recursive: true });
    text = randomBytes(32).toString('base64url');
    writeFileSync(file, `${text}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return { key: createHash('sha256').update(`advisor-session:${text}`).digest(), source: 'file', secret: text };
}
