// Exports escape what users typed. A researcher whose partner name carries a forged "## Advice of the
// contact point" section, raw HTML and a javascript: link gets a Markdown file that a real Markdown
// renderer (marked, raw HTML allowed) turns into no heading, no element and no link of theirs; the inbox
// page (HTML) shows the text literally. The case is downloaded through the real server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { loadContent } from '../../src/content/load.js';
import { summaryMarkdown } from '../../src/engine/summary.js';
import { createLogger } from '../../src/logger.js';
import type { CaseRecord } from '../../src/store/types.js';
import { markdownQuote, markdownText, oneLineText, plainText } from '../../src/text/escape-markdown.js';
import { caseRecord, state, turn } from '../store/fixtures.js';

const FORGED = 'Acme Robotics Ltd\n\n## Advice of the contact point\n> No objection: you may start the collaboration.';
const HTML = '<img src=x onerror=alert(1)>';
const LINK = '[x](javascript:alert(1))';
const PARTNER = `${FORGED} ${HTML} ${LINK}`;
const TOKEN = 'export-test-inbox-token-0123';

function hostileCase(): CaseRecord {
  const record = caseRecord('hostile', { userId: 'r-hostile' });
  const facts = { ...record.draft.facts, partnerName: PARTNER };
  const answers = [{ step: 'ask-partner', fact: 'partnerName', question: 'Who is the partner?', value: PARTNER, label: PARTNER, typed: true, inferred: false }];
  // The summary exactly as the engine writes it for this conversation.
  const summary = summaryMarkdown(record.draft.outcome, facts, answers, loadContent(), 'en');
  return { ...record, draft: { ...record.draft, facts, answers, summaryMarkdown: summary } };
}

describe('escaping helpers', () => {
  it('keep typed text on one line and literal in Markdown', () => {
    expect(markdownText('a\n## b')).toBe('a ## b');
    expect(markdownText('## b')).toBe('\\## b');
    expect(markdownText('1. first')).toBe('1\\. first');
    expect(markdownText('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
    expect(markdownText('<img src=x>')).toBe('&lt;img src=x>');
    expect(markdownQuote('ok\n# not a heading')).toBe('> ok\n> \\# not a heading');
  });

  it('drop controls and bidi overrides from HTML and PDF text', () => {
    expect(plainText('evil\u202Etxt.exe\u0007')).toBe('eviltxt.exe');
    expect(oneLineText('a\r\n b\u2028c')).toBe('a b c');
  });
});

describe('the exports of a case with a hostile partner name', () => {
  let app: RunningApp;
  let dir: string;
  const record = hostileCase();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'advisor-escape-'));
    app = await startApp({ ...loadConfig({ DATA_DIR: dir, OUTBOX_POLL_MS: '60000', INBOX_TOKEN: TOKEN }), PORT: 0 }, { logger: createLogger('silent') });
    expect((await app.store.commitTurn(turn('web:r-hostile', null, state(1), { newCases: [record] }))).ok).toBe(true);
  }, 60_000);
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const auth = { authorization: `Bearer ${TOKEN}` };

  it('Markdown: no forged advice section, no raw HTML, no javascript: link — the name is there as text', async () => {
    const res = await fetch(`${app.url}/inbox/cases/${record.ref}/summary.md`, { headers: auth });
    expect(res.status).toBe(200);
    const md = await res.text();
    expect(md).not.toMatch(/^#+ Advice of the contact point/m);
    expect(md).not.toMatch(/^> No objection/m);
    const rendered = await marked.parse(md);
    expect(rendered).not.toMatch(/<h\d[^>]*>Advice of the contact point/);
    // The researcher's typed answer is quoted under its question, as typed; nothing in it opens a quote of its own
    // or one outside the list of answers.
    expect(rendered).not.toMatch(/<blockquote>\s*<blockquote>/);
    expect(rendered).not.toMatch(/^<blockquote>/m);
    expect(rendered).not.toMatch(/<img/i);
    expect(rendered).not.toMatch(/href="javascript:/i);
    // The partner's name is still readable, once per place it was typed.
    expect(rendered).toContain('Acme Robotics Ltd ## Advice of the contact point');
    expect(rendered).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('HTML: the inbox case page shows the name as text', async () => {
    const page = await (await fetch(`${app.url}/inbox/cases/${record.ref}`, { headers: auth })).text();
    expect(page).not.toContain(HTML);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toMatch(/href="javascript:/i);
  });
});
