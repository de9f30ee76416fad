// Small zod builders for environment settings. Each carries a message that says what is expected,
// so that a bad value is reported as "PORT must be a whole number from 1 to 65535 (got "abc")".
import { z } from 'zod';

/** An unset or empty variable is absent: `KEY=` in a .env file means "use the default". */
function blankToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

export function wholeNumber(min: number, max: number, fallback: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: message })
      .trim()
      .regex(/^\d+$/, message)
      .transform(Number)
      .pipe(z.number().min(min, message).max(max, message))
      .optional()
      .transform((n) => n ?? fallback),
  );
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  const message = `must be one of: ${values.join(', ')}`;
  return z.preprocess(
    (v) => {
      const clean = blankToUndefined(v);
      return typeof clean === 'string' ? clean.trim().toLowerCase() : clean;
    },
    z
      .enum(values, { error: message })
      .optional()
      .transform((v) => v ?? fallback),
  );
}

export function optionalText(options: { min?: number; message?: string } = {}) {
  const min = options.min ?? 1;
  const message = options.message ?? `must be at least ${min} characters`;
  return z.preprocess(blankToUndefined, z.string().trim().min(min, message).optional());
}

export function textWithDefault(fallback: string) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .min(1)
      .optional()
      .transform((v) => v ?? fallback),
  );
}

export function optionalUrl() {
  const message = 'must be a full http(s) address, e.g. https://advisor.example.org';
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .refine((v) => /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v), message)
      .transform((v) => v.replace(/\/+$/, ''))
      .optional(),
  );
}

export function flag(fallback: boolean) {
  const message = 'must be true or false';
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => ['true', 'false', '1', '0', 'yes', 'no'].includes(v), message)
      .transform((v) => v === 'true' || v === '1' || v === 'yes')
      .optional()
      .transform((v) => v ?? fallback),
  );
}
