// The fact registry (content/facts.yaml): a typo in a fact name or value in a playbook fails
// `advisor content check`, naming the file and the path, and says which line to add to content/facts.yaml.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.js';
import { loadContent } from '../../src/content/load.js';
import { contentWithOverlay } from '../helpers/content-overlay.js';

/** A copy of the shipped content with one dialog changed. */
function withDialogEdit(file: string, from: string, to: string) {
  const dirs = contentWithOverlay(join(import.meta.dirname, '..', 'fixtures', 'none'));
  const path = join(dirs.dialogsDir, file);
  const text = readFileSync(path, 'utf8');
  expect(text, `${file} no longer contains ${from}`).toContain(from);
  writeFileSync(path, text.replace(from, to));
  return loadContent(dirs);
}

describe('the fact registry', () => {
  it('declares every fact the shipped playbooks read or write', () => {
    const content = loadContent();
    expect(checkContent(content)).toEqual([]);
    const asked = [...content.playbooks.values()].flatMap((pb) => Object.values(pb.steps).flatMap((s) => (s.type === 'question' ? [s.fact] : [])));
    for (const fact of asked) expect(content.facts.has(fact), fact).toBe(true);
  });

  it('a misspelt fact in a `when` condition names the file, the path and the line to add', () => {
    const content = withDialogEdit(
      'defence-funding.yaml',
      'when: { facts: { classification: [restricted] } }',
      'when: { facts: { clasification: [restricted] } }',
    );
    const problems = checkContent(content);
    const problem = problems.find((p) => p.includes('clasification'));
    expect(problem).toBeDefined();
    expect(problem).toMatch(
      /defence-funding\.yaml steps\.outcome\.steps\[\d+\]\.when\.facts\.clasification: unknown fact "clasification" \(did you mean "classification"\?\)/,
    );
    expect(problem).toContain('Add this line under "facts:" in content/facts.yaml:\n  clasification: { type: choice, values: [restricted] }');
  });

  it('a value the fact does not allow names the allowed values and the changed line', () => {
    const content = withDialogEdit(
      'defence-funding.yaml',
      'when: { facts: { classification: [restricted] } }',
      'when: { facts: { classification: [restricetd] } }',
    );
    const problem = checkContent(content).find((p) => p.includes('restricetd'));
    expect(problem).toMatch(/"restricetd" is not a value of fact classification \(choice\) \(did you mean "restricted"\?\)/);
    expect(problem).toContain('classification: { type: choice, values: [none, restricted, confidential-plus, restricetd]');
  });

  it('a question that fills an undeclared fact is reported with a proposed declaration', () => {
    const content = withDialogEdit('partner-check.yaml', 'fact: partnerSanctions', 'fact: partnerSanction');
    const problem = checkContent(content).find((p) => p.includes('partnerSanction"'));
    expect(problem).toMatch(/partner-check\.yaml steps\.ask-sanctions\.fact: unknown fact "partnerSanction" \(did you mean "partnerSanctions"\?\)/);
    expect(problem).toContain('  partnerSanction: { type: yesno }');
  });

  it('a `known` list and a risk rule are checked too', () => {
    const content = withDialogEdit('defence-funding.yaml', 'when: { facts: { funders: [allied, non-allied, unsure] } }', 'when: { known: [funderz] }');
    expect(checkContent(content).some((p) => /defence-funding\.yaml steps\.[a-z-]+\.when\.known\[0\]: unknown fact "funderz"/.test(p))).toBe(true);
    const rule = withDialogEdit('opaque-company.yaml', 'facts: { sanctionsCheck: [not-checked, unsure] }', 'facts: { sanctionsCheck: [notchecked, unsure] }');
    expect(
      checkContent(rule).some((p) =>
        /opaque-company\.yaml steps\.[a-z-]+\.risk\.rules\[\d+\]\.when\.facts\.sanctionsCheck: "notchecked" is not a value/.test(p),
      ),
    ).toBe(true);
  });
});
