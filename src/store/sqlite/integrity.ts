// A damaged SQLite file is reported, not served: an empty (0-byte) advisor.db, a file that is not a
// database, or one whose pages fail PRAGMA quick_check stops the start with a message naming the file,
// and /readyz re-runs the check at a bounded rate so that damage found later takes the instance out.
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

export class StoreDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(
      `the SQLite store ${file} is damaged: ${detail}. Restore it from a backup (see docs/operations.md, "Backups"), or move it away to start with an empty store.`,
    );
    this.name = 'StoreDamagedError';
  }
}

/** Problems PRAGMA quick_check reports, or [] when the file is sound. Throws StoreDamagedError when it cannot even be read. */
function quickCheck(file: string, maxErrors = 5): string[] {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma(`quick_check(${maxErrors})`) as Array<{ quick_check: string }>;
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    return problems;
  } catch (error) {
    const message = (error as Error).message;
    throw new StoreDamagedError(file, /not a database|malformed|corrupt/i.test(message) ? message : `it cannot be read (${message})`);
  } finally {
    db?.close();
  }
}

/** Before the store opens the file: an existing file must be a sound database. A missing file is a new store. */
export function assertSqliteIntact(file: string): void {
  if (!existsSync(file)) return;
  if (statSync(file).size === 0) {
    throw new StoreDamagedError(file, 'the file is empty (0 bytes), so every case in it is gone; the advisor will not start on it as if it were new');
  }
  const problems = quickCheck(file);
  if (problems.length > 0)
    throw new StoreDamagedError(file, `PRAGMA quick_check found ${problems.length > 4 ? 'several problems' : 'a problem'}: ${problems.slice(0, 3).join('; ')}`);
}

/** /readyz's integrity check: at most once per interval, the result kept in between. */
export function integrityProbe(file: string, intervalMs: number, now: () => number = Date.now): () => 'ok' | 'failing' {
  let last: { at: number; ok: boolean } | undefined;
  return () => {
    if (!last || now() - last.at >= intervalMs) {
      let ok: boolean;
      try {
        ok = existsSync(file) && quickCheck(file).length === 0;
      } catch {
        ok = false;
      }
      last = { at: now(), ok };
    }
    return last.ok ? 'ok' : 'failing';
  };
}
