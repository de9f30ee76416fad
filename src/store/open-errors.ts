// Turns a store that cannot be opened into a message an administrator can act on, instead of a stack
// trace: which setting, which address, what went wrong. The password in DATABASE_URL is never shown.
import { StoreDamagedError } from './sqlite/integrity.js';

function where(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (!/^postgres(ql)?:$/.test(url.protocol)) return '';
    return `${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return '';
  }
}

/** A problem sentence for ConfigError, or undefined when the error is not about reaching or reading the store. */
export function storeOpenProblem(error: unknown, location: { databaseUrl?: string }): string | undefined {
  if (error instanceof StoreDamagedError) return `DATA_DIR: ${error.message}`;
  if (!location.databaseUrl) return undefined;
  const at = where(location.databaseUrl);
  if (!at) return 'DATABASE_URL must be a PostgreSQL address such as postgres://advisor:password@db.example.be:5432/advisor';
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason: Record<string, string> = {
    ECONNREFUSED: 'nothing accepts connections there (is PostgreSQL running, on that port?)',
    ENOTFOUND: 'that host name does not resolve',
    EAI_AGAIN: 'that host name does not resolve right now',
    ETIMEDOUT: 'the connection timed out (a firewall?)',
    EHOSTUNREACH: 'that host cannot be reached',
    '28P01': 'the password was refused',
    '28000': 'that role may not log in',
    '3D000': 'that database does not exist (create it first)',
  };
  const known = reason[code];
  const text = known ?? (error as Error).message.replace(/postgres(ql)?:\/\/[^\s]+/g, '<DATABASE_URL>');
  return `DATABASE_URL: cannot open PostgreSQL at ${at}: ${text}`;
}
