// The JSON Schemas in schemas/ are generated from the zod schemas (npm run schemas); this fails when they are
// out of date, or when a YAML file does not name its schema on its first line (for the editor's completion).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesWithoutSchemaLine, generateSchemas, ROOT, SCHEMAS } from '../../scripts/json-schemas.js';

describe('JSON Schemas for the YAML content', () => {
  const generated = generateSchemas();

  it('schemas/ is what `npm run schemas` generates from the zod schemas', () => {
    const stale = Object.entries(generated)
      .filter(([file, text]) => !existsSync(join(ROOT, 'schemas', file)) || readFileSync(join(ROOT, 'schemas', file), 'utf8') !== text)
      .map(([file]) => `schemas/${file}`);
    expect(stale, 'run `npm run schemas` and commit schemas/').toEqual([]);
  });

  it('every YAML file an author edits names its schema on its first line', () => {
    expect(filesWithoutSchemaLine()).toEqual([]);
  });

  it('a playbook schema requires the required languages and lets further ones through', () => {
    type Node = { $ref?: string; required?: string[]; additionalProperties?: Node; type?: string };
    const playbook = JSON.parse(generated['playbook.json'] ?? '{}') as { properties: { title: Node }; definitions?: Record<string, Node> };
    const resolve = (n: Node | undefined): Node | undefined => (n?.$ref ? playbook.definitions?.[n.$ref.split('/').at(-1) ?? ''] : n);
    const local = resolve(playbook.properties.title);
    expect(playbook.properties.title.$ref).toBe('#/definitions/LocalText');
    expect(local?.required).toEqual(['en', 'nl']);
    expect(resolve(local?.additionalProperties)?.type).toBe('string');
  });

  it('covers every dialog and every conversation test', () => {
    const dialogs = SCHEMAS.playbook?.files(ROOT) ?? [];
    expect(dialogs).toContain('dialogs/partner-check.yaml');
    expect(SCHEMAS['conversation-test']?.files(ROOT)).toContain('dialogs/tests/partner-check.yaml');
  });
});
