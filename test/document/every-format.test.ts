// @vitest-environment jsdom
// One outcome and one case, rendered in every format: each shows the document's sections, in the
// document's order, for its audience. The researcher's views never show internals; the contact point's keep them.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { renderCaseCard, renderReplyCard, uiLookup } from '../../src/channels/cards/index.js';
import { documentText, toPlain } from '../../src/channels/cli/render.js';
import { renderCaseCard as renderSlackCaseCard } from '../../src/channels/slack/render/case-card.js';
import { renderReplies } from '../../src/channels/slack/render/reply.js';
import { slackTexts } from '../../src/channels/slack/texts.js';
import { casePage, inboxTexts } from '../../src/channels/web/inbox/pages.js';
import { loadContent } from '../../src/content/load.js';
import { caseDocument, documentTexts, outcomeDocument, type AnyDocument, type SectionKind } from '../../src/document/index.js';
import type { Lang } from '../../src/engine/ids.js';

const LANGS: Lang[] = ['en', 'nl'];
import { summaryMarkdown } from '../../src/engine/summary.js';
import type { Reply } from '../../src/engine/types.js';
import { caseMarkdown } from '../../src/server/exports/markdown.js';
import { renderCasePdf } from '../../src/server/exports/pdf.js';
import { checkCard } from '../channels/cards/validate-card.js';
import { HOSTILE, outcome, sampleCase } from '../channels/cards/samples.js';

const content = loadContent();
const ZWSP = /\u200B/g;

/** What only the contact point may see: a matcher explanation, a score, a rule id, section and step ids. */
const INTERNALS = ['xian taken as a campus', 'score 0.93', 'topic-partner-country', 'open-funding', 'seven-sons · serious'];

function kindsIn(json: unknown, pattern: RegExp): SectionKind[] {
  // A section's body and its open and closed titles ("doc-measures-body", "-open", "-closed") belong to it.
  return [...JSON.stringify(json).matchAll(pattern)].map((m) => m[1] as SectionKind).filter((k) => !/-(body|open|closed)$/.test(k));
}

/** Each section's title (the headline's text) occurs in `text` after the previous one. */
function expectInOrder(text: string, doc: AnyDocument, format: string): void {
  let at = -1;
  for (const s of doc.sections) {
    const marker = (s.kind === 'headline' ? s.text : s.title) ?? '';
    const found = text.indexOf(marker, at + 1);
    expect(found, `${format}: "${marker}" (${s.kind}) after position ${at}`).toBeGreaterThan(at);
    at = found;
  }
}

function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

async function pdfText(data: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  let text = '';
  for (let n = 1; n <= pdf.numPages; n++) {
    const items = (await (await pdf.getPage(n)).getTextContent()).items;
    text += items.map((item) => ('str' in item ? item.str : '')).join(' ');
  }
  await pdf.destroy();
  return text;
}

function htmlText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

describe.each(LANGS)('the researcher sees one outcome the same way everywhere (%s)', (lang: Lang) => {
  const t = documentTexts(content.ui, lang);
  const doc = outcomeDocument(outcome, t, 'researcher', lang);
  const reply: Reply = { kind: 'outcome', outcome, summaryMarkdown: summaryMarkdown(outcome, {}, [], content, lang) };
  const kinds = doc.sections.map((s) => s.kind);

  it('has the sections a researcher reads, headline first and the blocker next', () => {
    expect(kinds).toEqual(['headline', 'blocker', 'risk', 'reasons', 'open-points', 'steps', 'duties', 'measures', 'screening', 'links', 'contact', 'sources']);
    expect(doc.sections.every((s) => s.audience.includes('researcher'))).toBe(true);
  });

  it('Adaptive Card (web chat, Teams) and Block Kit (Slack) show the same sections in the same order', () => {
    const card = renderReplyCard(reply, uiLookup(content.ui, lang), { relativeLinks: true });
    expect(kindsIn(card, /"id":"doc-([a-z-]+)"/g)).toEqual(kinds);
    const visible = checkCard(card).visibleText.replace(ZWSP, '');
    expectInOrder(visible, doc, 'card');
    const blocks = renderReplies([reply], lang, slackTexts(content.ui)).flatMap((m) => m.blocks);
    expect([...new Set(kindsIn(blocks, /"block_id":"doc-([a-z-]+)-\d+"/g))]).toEqual(kinds);
    expectInOrder(JSON.stringify(blocks), doc, 'slack');
    for (const internal of INTERNALS) {
      expect(visible, internal).not.toContain(internal);
      expect(JSON.stringify(blocks), internal).not.toContain(internal);
    }
  });

  it('Markdown (the summary) and terminal text show the same sections in the same order', () => {
    const md = reply.kind === 'outcome' ? reply.summaryMarkdown : '';
    const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(doc.sections.filter((s) => s.kind !== 'headline').map((s) => s.title?.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)));
    expect(md.indexOf(`**${outcome.headline}**`)).toBeLessThan(md.indexOf('## '));
    const terminal = toPlain(reply, t).text;
    expect(terminal).toBe(documentText(doc, t));
    expectInOrder(terminal, doc, 'terminal');
    for (const internal of INTERNALS) {
      expect(md, internal).not.toContain(internal);
      expect(terminal, internal).not.toContain(internal);
    }
    // Real links where the format has them: the external sources and the cited section in the source text.
    expect(md).toContain('[OpenSanctions](https://www.opensanctions.org/)');
    expect(md).toContain('[What are the risks?](/sources/vlir#risks)');
    expect(terminal).toContain('OpenSanctions <https://www.opensanctions.org/>');
  });
});

describe.each(LANGS)('the contact point sees one case the same way everywhere (%s)', (lang: Lang) => {
  const record = sampleCase('closed');
  record.draft = { ...record.draft, lang };
  const doc = caseDocument(record, content);
  const kinds = doc.sections.map((s) => s.kind);

  it('has the case, the outcome with its internals, what the researcher said, the history, the advice and the sources', () => {
    expect(kinds).toEqual([
      'case',
      'headline',
      'blocker',
      'risk',
      'reasons',
      'open-points',
      'facts',
      'answers',
      'steps',
      'duties',
      'measures',
      'screening',
      'links',
      'history',
      'advice',
      'sources',
    ]);
    expect(doc.sections.every((s) => s.audience.includes('contact-point'))).toBe(true);
  });

  it('the Adaptive Card and the Slack card show the same sections, history, measures and duties included', () => {
    const card = renderCaseCard(record, uiLookup(content.ui, lang));
    const cardKinds = kindsIn(card, /"id":"doc-([a-z-]+)"/g);
    const blocks = renderSlackCaseCard(record, slackTexts(content.ui)).blocks;
    const slackKinds = [...new Set(kindsIn(blocks, /"block_id":"doc-([a-z-]+)-\d+"/g))];
    expect(cardKinds).toEqual(slackKinds);
    expect(cardKinds).toEqual(expect.arrayContaining(['history', 'measures', 'duties']));
    // Without content names a card shows a technology area's id; everything else is the same document.
    expect(cardKinds).toEqual(kinds);
    const visible = checkCard(card).visibleText.replace(ZWSP, '');
    expectInOrder(visible, doc, 'card');
    expectInOrder(JSON.stringify(blocks), doc, 'slack');
    for (const internal of INTERNALS) {
      expect(visible, internal).toContain(internal);
      expect(JSON.stringify(blocks), internal).toContain(internal);
    }
  });

  it('the inbox page, the Markdown download and the PDF show the same sections in the same order', async () => {
    const page = casePage(inboxTexts(content, lang), { record, content, lang, tokenLogin: false });
    expect(kindsIn(page, /data-kind=\\"([a-z-]+)\\"/g)).toEqual(kinds);
    const text = htmlText(page);
    expectInOrder(text, doc, 'html');
    const md = caseMarkdown(record, content);
    expect([...md.matchAll(/^## (.+)$/gm)].length).toBe(doc.sections.filter((s) => s.kind !== 'headline').length);
    // jsdom's typed arrays confuse fontkit; the embedded Unicode fonts are tested in test/server/export.test.ts (node).
    const pdf = squash(await pdfText(await renderCasePdf(doc, 'See', { fonts: null })));
    let at = -1;
    for (const s of doc.sections) {
      const marker = squash((s.kind === 'headline' ? s.text : s.title) ?? '');
      const found = pdf.indexOf(marker, at + 1);
      expect(found, `pdf: ${marker}`).toBeGreaterThan(at);
      at = found;
    }
    for (const internal of INTERNALS) {
      expect(text, internal).toContain(internal);
      expect(md, internal).toContain(internal);
      expect(pdf, internal).toContain(squash(internal));
    }
    // Someone's text stays text in every format.
    expect(page).not.toContain('<b>x</b>');
    expect(md).not.toContain('[click](https://evil.example)');
    expect(text).toContain(HOSTILE.split('\n')[0]!);
  });
});
