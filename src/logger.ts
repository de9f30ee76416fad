// Structured JSON logs (pino). Log ids, kinds, durations and counts only: never what someone wrote.
// The redaction list is a safety net for fields that might carry message text by mistake.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

const REDACT = [
  'text',
  'message',
  'question',
  'advice',
  'body',
  'input.text',
  'payload',
  '*.text',
  '*.question',
  '*.advice',
  'req.headers.authorization',
  'req.headers.cookie',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'research-security-advisor' },
    redact: { paths: REDACT, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
