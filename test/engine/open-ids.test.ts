// Playbook ids and languages are open strings checked against the loaded content: an unknown one never
// reaches the runner, and a text in a language content/languages.yaml does not list is a content error.
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.js';
import { loadContent } from '../../src/content/load.js';
import { freshState } from '../../src/engine/state.js';
import { contentWithOverlay } from '../helpers/content-overlay.js';
import { meta, testEngine } from '../helpers/engine.js';

describe('open playbook ids and languages', () => {
  it('starting a playbook the content does not have shows the menu', () => {
    const r = testEngine().step(null, { type: 'start', playbook: 'no-such-playbook' }, meta());
    expect(r.state.playbook).toBeUndefined();
    expect(r.replies.at(-1)?.kind).toBe('menu');
  });

  it('a stored conversation in a language the content no longer lists goes on in English', () => {
    const stored = { ...freshState(), lang: 'fr' };
    const r = testEngine().step(stored, { type: 'text', text: 'help' }, meta());
    expect(r.state.lang).toBe('en');
    expect(r.replies.some((x) => x.kind === 'menu')).toBe(true);
  });

  it('switching to a language the content does not list is ignored', () => {
    const r = testEngine().step(null, { type: 'set-lang', lang: 'fr' }, meta());
    expect(r.state.lang).toBe('en');
    expect(r.state.langChosen).toBe(false);
  });

  it('menus follow content/playbooks.yaml; the knowledge playbook comes from it too', () => {
    const content = loadContent();
    expect(content.playbookOrder[0]).toBe('hire-military-background');
    expect(content.knowledgePlaybook).toBe('faq');
    const r = testEngine().step(null, { type: 'text', text: 'help' }, meta());
    const menu = r.replies.find((x) => x.kind === 'menu');
    expect(menu?.kind === 'menu' && menu.choices.map((c) => c.value).slice(0, 2)).toEqual(['start:hire-military-background', 'start:opaque-company']);
  });

  it('a text in an unlisted language is reported by the content check', () => {
    const dirs = contentWithOverlay(join(import.meta.dirname, '..', 'fixtures', 'none'));
    const file = join(dirs.dialogsDir, 'faq.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '  nl: Een algemene vraag over kennisveiligheid',
        '  nl: Een algemene vraag over kennisveiligheid\n  de: Eine allgemeine Frage',
      ),
    );
    const problems = checkContent(loadContent(dirs));
    expect(problems.some((p) => p.includes('title.de: language "de" is not listed in content/languages.yaml'))).toBe(true);
  });
});
