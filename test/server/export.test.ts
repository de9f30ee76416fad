// The case summary downloads as Markdown and as PDF; the PDF is opened again (pdfjs-dist) and must show
// the facts, the answers, the risk, the steps, the mitigation measures and the citations.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import type { CaseDraft, Outcome } from '../../src/engine/types.js';
import { caseDocument } from '../../src/document/index.js';
import { caseMarkdown } from '../../src/server/exports/markdown.js';
import { renderCasePdf } from '../../src/server/exports/pdf.js';
import type { CaseRecord } from '../../src/store/types.js';

const content = loadContent();

const outcome: Outcome = {
  playbook: 'sensitive-tech-partner',
  playbookTitle: 'Sensitive technology with a partner abroad',
  risk: 'high',
  riskLabel: 'High',
  assessment: 'Several risk elements come together in this collaboration.',
  riskReasons: ['The partner is one of the Seven Sons of National Defence'],
  flags: [{ id: 'seven-sons', label: 'Partner on the Seven Sons list', severity: 'blocker', dimension: 'partner' }],
  screening: [],
  steps: [
    {
      id: 'licence',
      text: 'Check whether an export licence is needed.',
      cites: [{ section: 'export-control', title: 'Dual-use export control', source: 'VLIR' }],
    },
  ],
  measures: [{ id: 'clauses', text: 'Confidentiality and end-use clauses.', cites: [{ section: 'mitigation', title: 'Mitigating measures', source: 'VLIR' }] }],
  duties: [],
  escalate: true,
  escalation: 'required',
  openPoints: [],
  links: [],
  headline: 'Not without your contact point.',
  contactPoint: { id: 'uhasselt', name: 'Universiteit Hasselt', email: 'rri@uhasselt.be', specialised: [] },
  citations: [{ section: 'case-drone-china', title: 'Case: drone technology with a university in China', source: 'VLIR guidelines' }],
};

const draft: CaseDraft = {
  id: 'c1',
  ref: 'RS-TEST1',
  playbook: 'sensitive-tech-partner',
  lang: 'en',
  institution: 'uhasselt',
  createdAt: '2026-11-22T10:00:00.000Z',
  facts: { countries: ['CN'], partnerName: 'Northwestern Polytechnical University', institution: 'uhasselt' },
  answers: [
    {
      step: 'ask-trl',
      fact: 'trl',
      question: 'How far from application is the work?',
      value: 'applied',
      label: 'Applied research',
      typed: false,
      inferred: false,
    },
    {
      step: 'ask-hr',
      fact: 'humanRights',
      question: 'Is the partner linked to human-rights violations?',
      value: 'no',
      label: 'no reports found',
      typed: true,
      inferred: false,
    },
  ],
  outcome,
  summaryMarkdown: '# Research security summary: Sensitive technology with a partner abroad\n\n**Risk:** High',
};

const record: CaseRecord = {
  id: 'c1',
  ref: 'RS-TEST1',
  status: 'closed',
  institution: 'uhasselt',
  playbook: 'sensitive-tech-partner',
  risk: 'high',
  researcher: { channel: 'web', id: 'web-x', conversationKey: 'web:x', address: {} },
  advice: 'Apply for the licence first.\n# not a heading',
  draft,
  createdAt: draft.createdAt,
  updatedAt: draft.createdAt,
  history: [],
};

async function pdfText(data: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  let text = '';
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const items = (await page.getTextContent()).items;
    text += items.map((item) => ('str' in item ? item.str : '')).join(' ');
  }
  await pdf.destroy();
  return text;
}

/** Lines wrap and items split where the PDF put them: compare without white space. */
function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

describe('case exports', () => {
  it('the PDF shows the facts, the answers, the risk, the steps, the measures and the citations', async () => {
    const pdf = await renderCasePdf(caseDocument(record, content), 'See');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = squash(await pdfText(pdf));
    for (const expected of [
      'RS-TEST1',
      'Northwestern Polytechnical University',
      'How far from application is the work?',
      'Applied research',
      'no reports found',
      'High',
      'The partner is one of the Seven Sons of National Defence',
      'Check whether an export licence is needed.',
      'Confidentiality and end-use clauses.',
      'Case: drone technology with a university in China',
      'case-drone-china',
      'Apply for the licence first.',
      'Universiteit Hasselt',
    ]) {
      expect(text).toContain(squash(expected));
    }
  });

  it('the PDF prints Chinese, Cyrillic and accented names, keeps typed line breaks, and has a footer on every page', async () => {
    const withNames: CaseRecord = {
      ...record,
      researcher: { ...record.researcher, name: 'Zoë Ñúñez-Łukasiewicz' },
      advice: 'Apply for the licence first.\r\nThen talk to Дмитрий Иванов.',
      draft: { ...draft, facts: { ...draft.facts, partnerName: '西北工业大学 (NPU)' } },
    };
    const pdf = await renderCasePdf(caseDocument(withNames, content), 'See', { ref: withNames.ref });
    const text = await pdfText(pdf);
    expect(squash(text)).toContain('西北工业大学(NPU)');
    expect(text).toContain('Дмитрий Иванов');
    expect(text).toContain('Zoë Ñúñez-Łukasiewicz');
    expect(text).not.toContain('?Then');
    expect(text).not.toMatch(/first\.\s*\?/);
    const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    const pages = doc.numPages;
    await doc.destroy();
    expect(pages).toBeGreaterThan(1);
    expect(squash(text)).toContain(squash(`RS-TEST1 · ${pages} / ${pages}`));
    expect(squash(text)).toContain(squash(`RS-TEST1 · 1 / ${pages}`));
  });

  it('the Markdown is the case document, and quotes the advice so that it cannot restructure it', () => {
    const md = caseMarkdown(record, content);
    expect(md.startsWith('# Research security summary: Sensitive technology with a partner abroad')).toBe(true);
    expect(md).toContain('RS-TEST1');
    expect(md).toContain('How far from application is the work?');
    expect(md).toContain('> Apply for the licence first.');
    // The advice's own "# ..." line stays text inside the quote, not a heading of the document.
    expect(md).toContain('> \\# not a heading');
    expect(md).not.toMatch(/^\s*>\s*# not a heading/m);
  });
});
