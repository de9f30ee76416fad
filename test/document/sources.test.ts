// The guideline texts behind the citations: /sources/:id serves each one as a page, escaped, with an anchor
// at every section's anchor phrase and the same CSP as the other pages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { findAnchors, sourcePage } from '../../src/channels/web/sources/page.js';
import { loadConfig } from '../../src/config/index.js';
import { loadContent } from '../../src/content/load.js';
import { createLogger } from '../../src/logger.js';

const content = loadContent();

describe('/sources/:id on the running server', () => {
  let app: RunningApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'advisor-sources-'));
    const config = { ...loadConfig({ DATA_DIR: dir, OUTBOX_POLL_MS: '100' }), PORT: 0 };
    app = await startApp(config, { logger: createLogger('silent') });
  }, 60_000);
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves the VLIR guideline with an anchor at every cited section, under the pages' CSP", async () => {
    const res = await fetch(`${app.url}/sources/vlir`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const page = await res.text();
    expect(page).toContain('<mark id="dual-use">');
    expect(page).toContain('<mark id="case-drone-china">');
    // The anchor sits where the section's phrase is, and the table of contents links to it.
    expect(page).toMatch(/<mark id="seven-sons">[^<]*Seven Sons/);
    expect(page).toContain('<a href="#reporting-obligation">');
    const vlirSections = [...content.sections.values()].filter((s) => s.source === 'vlir');
    for (const s of vlirSections) expect(page, s.id).toContain(`id="${s.id}"`);
    expect(page).not.toMatch(/<script>/);
  });

  it('shows the section titles in Dutch when asked, and knows no other source', async () => {
    const nl = await (await fetch(`${app.url}/sources/uhasselt?lang=nl`)).text();
    expect(nl).toContain('<html lang="nl">');
    expect(nl).toContain('Waarom kennisveiligheid belangrijk is');
    expect((await fetch(`${app.url}/sources/nope`)).status).toBe(404);
    expect((await fetch(`${app.url}/sources/..%2Fpackage.json`)).status).toBe(404);
  });
});

describe('the source page', () => {
  it('escapes the text, so that nothing in a source can become markup', () => {
    const section = { id: 'x', source: 's', anchor: 'the <b> tag', title: { en: 'X', nl: 'X' } };
    const html = sourcePage({
      source: { id: 's', file: 's.txt', title: { en: 'S', nl: 'S' }, url: 'https://example.org/' },
      text: 'Before <script>alert(1)</script> and then the <b> tag & more.',
      sections: [section],
      lang: 'en',
      contentsTitle: 'Sections',
    });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<mark id="x">the &lt;b&gt; tag</mark> &amp; more.');
  });

  it('finds an anchor phrase across a line break and a hyphenated line end, at its place in the text', () => {
    const text = 'Intro.\nThe Seven Sons of Na-\ntional Defence are seven universities.';
    const [found] = findAnchors(text, [{ id: 'seven-sons', source: 'vlir', anchor: 'Seven Sons of National Defence', title: { en: '', nl: '' } }]);
    expect(found && text.slice(found.start, found.end)).toBe('Seven Sons of Na-\ntional Defence');
  });
});
