// The rules of the outcome document: what comes first, what is merged, what each audience sees.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { documentTexts, outcomeDocument, type DocSection } from '../../src/document/index.js';
import type { Outcome } from '../../src/engine/types.js';
import { outcome } from '../channels/cards/samples.js';

const content = loadContent();
const en = documentTexts(content.ui, 'en');
const nl = documentTexts(content.ui, 'nl');

function section(o: Outcome, kind: DocSection['kind'], audience: 'researcher' | 'contact-point' = 'researcher'): DocSection | undefined {
  return outcomeDocument(o, en, audience).sections.find((s) => s.kind === kind);
}

function allText(o: Outcome, audience: 'researcher' | 'contact-point'): string {
  return JSON.stringify(outcomeDocument(o, en, audience));
}

describe('the outcome document', () => {
  it('opens with the headline; without one, with the assessment, which is then not repeated', () => {
    const doc = outcomeDocument(outcome, en, 'researcher');
    expect(doc.sections[0]).toMatchObject({ kind: 'headline', text: 'Not without your contact point.' });
    expect(doc.sections[1]?.kind).toBe('blocker');
    const plain = outcomeDocument({ ...outcome, headline: '' }, en, 'researcher');
    expect(plain.sections[0]?.text).toBe(outcome.assessment);
    expect(plain.sections.find((s) => s.kind === 'risk')?.text).toBeUndefined();
  });

  it('merges the reasons and the flags into one section, each said once; a blocker stands apart', () => {
    const reasons = section(outcome, 'reasons')?.items.map((i) => i.text) ?? [];
    expect(reasons.filter((r) => r === 'Seven Sons of National Defence')).toHaveLength(1);
    expect(reasons).not.toContain('The partner is on a sanctions list');
    expect(section(outcome, 'blocker')?.items.map((i) => i.text)).toEqual(['The partner is on a sanctions list']);
    // The flag that only repeats "not sure" is not a reason: open points say what is unknown.
    expect(reasons.join(' ')).not.toContain('not sure');
    expect(section(outcome, 'open-points')?.items.map((i) => i.text)).toEqual(['Who funds the partner’s part of the work?']);
  });

  it('keeps internal ids, scores and matcher explanations for the contact point only', () => {
    for (const internal of ['xian taken as a campus', '0.93', 'topic-partner-country', 'seven-sons', 'open-funding', '(risks)']) {
      expect(allText(outcome, 'researcher'), internal).not.toContain(internal);
      expect(allText(outcome, 'contact-point'), internal).toContain(internal);
    }
  });

  it('says the contact point is required only when the outcome says so, offers help otherwise, and says nothing when low', () => {
    expect(section(outcome, 'contact')?.text).toBe(en('document.escalation-required'));
    expect(section({ ...outcome, escalation: 'offered' }, 'contact')?.text).toBe(en('document.escalation-offered'));
    expect(section({ ...outcome, escalation: 'none' }, 'contact')?.text).toBeUndefined();
    // The contact point's own document has no "your contact point" section.
    expect(section(outcome, 'contact', 'contact-point')).toBeUndefined();
  });

  it('names the kind of list of each hit, and the lists checked with their dates', () => {
    const items = section(outcome, 'screening')?.items ?? [];
    expect(items[0]).toMatchObject({
      text: 'Harbin Institute of Technology: on the list',
      note: 'Military end users: Seven Sons of National Defence (2025-01-01)',
    });
    expect(items[1]?.note).toBe('Sanctions list: Sanctions (2025-02-01)');
    expect(items.map((i) => i.text)).toContain('Lists checked: Seven Sons of National Defence (2025-01-01); Sanctions (2025-02-01)');
    // Nothing screened and nothing found: the researcher is not told about screening at all.
    expect(section({ ...outcome, screening: [], screened: undefined }, 'screening')).toBeUndefined();
    expect(section({ ...outcome, screening: [], screened: undefined }, 'screening', 'contact-point')).toBeDefined();
  });

  it('links the cited sections and the external sources, and drops what is not a safe link', () => {
    const steps = section(outcome, 'steps');
    expect(steps?.items[0]?.cites).toEqual([
      { label: 'What are the risks?', href: '/sources/vlir#risks' },
      { label: 'Reporting obligation', href: '/sources/vlir#reporting-obligation' },
    ]);
    const links = section({ ...outcome, links: [...outcome.links, { id: 'bad', label: 'Bad', url: 'javascript:alert(1)' }] }, 'links');
    expect(links?.items.map((i) => i.href)).toEqual(['https://www.opensanctions.org/', 'https://unitracker.aspi.org.au/']);
  });

  it('speaks Dutch in a Dutch document, with the guideline\'s word "contactpunt"', () => {
    const doc = outcomeDocument(outcome, nl, 'researcher', 'nl');
    const titles = doc.sections.map((s) => s.title ?? '').join(' | ');
    expect(titles).toContain('Na te gaan met je contactpunt');
    expect(titles).toContain('Je contactpunt');
    expect(JSON.stringify(doc)).not.toMatch(/aanspreekpunt/i);
  });
});
