// Reads a YAML file and validates it with zod. Errors name the file, the path inside it and what is wrong,
// so that a content author can fix the file without reading code.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

/** Joins zod issue paths the way a reader of YAML sees them: steps.ask-country.answers[2].label.nl */
function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(top level)' : out;
}

export function displayName(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

export function parseYaml(text: string, file: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ContentError(
      displayName(file),
      doc.errors.map((e) => `YAML syntax: ${e.message.split('\n')[0]}`),
    );
  }
  return doc.toJS();
}

export function validate<S extends z.ZodType>(schema: S, data: unknown, file: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new ContentError(
      displayName(file),
      result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
    );
  }
  return result.data;
}

export function readYamlFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ContentError(displayName(file), [`cannot read the file: ${(err as Error).message}`]);
  }
  return validate(schema, parseYaml(text, file), file);
}
