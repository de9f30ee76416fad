// Playbook ids in an evaluation set are checked against the loaded playbooks (no enum in the code).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { loadEvalSet } from '../../src/understand/evaluate.js';

describe('evaluation sets', () => {
  it('name playbooks that dialogs/ has; a misspelt one is an error naming the item', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'eval-')), 'set.yaml');
    writeFileSync(file, '- q: can I hire a former officer?\n  playbooks: [hire-military-backround]\n');
    const playbooks = loadContent().playbooks;
    expect(() => loadEvalSet(file, playbooks)).toThrow(/\[0\]\.playbooks\[0\]: no playbook "hire-military-backround" in dialogs\//);
    writeFileSync(file, '- q: can I hire a former officer?\n  playbooks: [hire-military-background]\n');
    expect(loadEvalSet(file, playbooks)).toHaveLength(1);
  });
});
