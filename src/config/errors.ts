// Turns zod issues on the environment into messages that name the setting and say what is expected.
import type { z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.map((p) => `Configuration error: ${p}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/** Values of these settings are never echoed back: they are secrets or contain one. */
const SECRET = /(TOKEN|SECRET|PASSWORD|PASS|KEY|DATABASE_URL)$/;

function shown(key: string, value: unknown): string {
  if (value === undefined) return 'it is not set';
  if (SECRET.test(key)) return `got a value of ${String(value).length} characters`;
  return `got ${JSON.stringify(String(value))}`;
}

/** zod's own wording ("Invalid input: expected number, received NaN") said in terms of a setting. */
function expectation(issue: z.core.$ZodIssue): string {
  const message = issue.message;
  if (!/^(Invalid|Too (small|big)|Expected)/.test(message)) return message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' ? 'must be a number' : `must be a ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'string' ? `must be at least ${String(issue.minimum)} characters` : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' ? `must be at most ${String(issue.maximum)} characters` : `must be at most ${String(issue.maximum)}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return `must be a valid ${issue.format}`;
    default:
      return message;
  }
}

function describeIssue(issue: z.core.$ZodIssue, env: Record<string, string | undefined>): string {
  const key = issue.path.length > 0 ? String(issue.path[0]) : '(settings)';
  const text = expectation(issue);
  const sentence = /^(must|is|needs|cannot)\b/.test(text) ? `${key} ${text}` : `${key}: ${text}`;
  return `${sentence} (${shown(key, env[key])})`;
}

export function configErrorFrom(error: z.ZodError, env: Record<string, string | undefined>): ConfigError {
  return new ConfigError(error.issues.map((issue) => describeIssue(issue, env)));
}
