// Bolt and the Web API client log through this adapter into our pino logger. Only strings pass, cut short:
// their debug output can carry payloads with message text, which we never log.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

function summary(parts: unknown[]): string {
  return parts
    .filter((part): part is string => typeof part === 'string')
    .join(' ')
    .slice(0, 200);
}

export function boltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.WARN;
  const child = logger.child({ channel: 'slack', from: 'bolt' });
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...msg: unknown[]) => child.warn(summary(msg)),
    error: (...msg: unknown[]) => child.error(summary(msg)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
