// The researcher's own view of a case (issue 13 item 5): status, the exchange in order, the advice, downloads.
import { describe, expect, it } from 'vitest';
import { researcherCasePage } from '../../../src/channels/web/chat/case-page.js';
import { loadContent } from '../../../src/content/load.js';
import { at, caseRecord } from '../../store/fixtures.js';

const content = loadContent();

describe("the researcher's case page", () => {
  it('shows the status, the questions and answers in order, the advice and the downloads, without internal ids', () => {
    const base = caseRecord('c1', { userId: 'web-abc123' });
    const record = {
      ...base,
      status: 'closed' as const,
      advice: 'Apply for the licence first.',
      history: [
        ...base.history,
        { at: at(1000), actor: { channel: 'admin' as const, id: 'cp', name: 'An Peeters' }, action: 'asked' as const, text: 'Which lab is involved?' },
        { at: at(2000), actor: { channel: 'web' as const, id: 'web-abc123' }, action: 'answered' as const, text: 'The flight-control lab.' },
        { at: at(3000), actor: { channel: 'admin' as const, id: 'cp', name: 'An Peeters' }, action: 'closed' as const, text: 'Apply for the licence first.' },
      ],
    };
    const page = researcherCasePage(record, content);
    expect(page).toContain('data-status="closed"');
    expect(page.indexOf('Which lab is involved?')).toBeGreaterThan(-1);
    expect(page.indexOf('The flight-control lab.')).toBeGreaterThan(page.indexOf('Which lab is involved?'));
    expect(page).toContain('Apply for the licence first.');
    expect(page).toContain(`/api/chat/cases/${record.ref}/summary.pdf`);
    expect(page).toContain(`/api/chat/cases/${record.ref}/summary.md`);
    expect(page).not.toContain('web-abc123');
  });

  it('lets each part open and close by its title: the exchange and what to do open, the sources closed, the headline and risk always shown', () => {
    const base = caseRecord('c1', { userId: 'web-abc123' });
    const citations = [{ section: 'vlir-4', title: 'Reporting', source: 'vlir' }];
    const record = {
      ...base,
      draft: { ...base.draft, outcome: { ...base.draft.outcome, citations } },
      history: [
        ...base.history,
        { at: at(1000), actor: { channel: 'admin' as const, id: 'cp', name: 'An Peeters' }, action: 'asked' as const, text: 'Which lab?' },
      ],
    };
    const page = researcherCasePage(record, content);
    const part = (kind: string): string => new RegExp(`<section data-kind="${kind}"[^>]*>(.*?)</section>`, 's').exec(page)?.[1] ?? '';
    expect(part('history')).toMatch(/^<details open><summary><h2>[^<]+<\/h2><\/summary>/);
    expect(part('history')).toContain('Which lab?');
    expect(part('steps')).toMatch(/^<details open><summary>/);
    expect(part('sources')).toMatch(/^<details><summary>/);
    expect(part('headline')).not.toContain('<details');
    expect(part('risk')).not.toContain('<details');
  });
});
