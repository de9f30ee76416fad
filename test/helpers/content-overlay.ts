// Builds a content folder for a test: a copy of the shipped content/ and dialogs/ with a fixture's files
// added on top (test/fixtures/<name>/content/..., .../dialogs/...). Proves that a new playbook or a new
// language is content only: the code is the same.
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export function contentWithOverlay(fixtureDir: string): { contentDir: string; dialogsDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'content-overlay-'));
  const contentDir = join(dir, 'content');
  const dialogsDir = join(dir, 'dialogs');
  cpSync(join(ROOT, 'content'), contentDir, { recursive: true });
  // Only the playbooks; the shipped conversation tests stay with the shipped content.
  cpSync(join(ROOT, 'dialogs'), dialogsDir, { recursive: true, filter: (src) => !src.includes(`${join(ROOT, 'dialogs', 'tests')}`) });
  if (existsSync(join(fixtureDir, 'content'))) cpSync(join(fixtureDir, 'content'), contentDir, { recursive: true });
  if (existsSync(join(fixtureDir, 'dialogs'))) {
    cpSync(join(fixtureDir, 'dialogs'), dialogsDir, { recursive: true, filter: (src) => !src.includes(join(fixtureDir, 'dialogs', 'tests')) });
  }
  return { contentDir, dialogsDir };
}
