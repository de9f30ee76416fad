// A case as a document: the parts a committee reads (facts, answers, risk, steps, measures, citations),
// in the case's language. The PDF and the inbox page both render this one structure.
import type { Content } from '../../content/load.js';
import { factLines } from '../../engine/summary.js';
import type { AdviceItem, Lang } from '../../engine/types.js';
import type { CaseRecord } from '../../store/types.js';

export interface DocItem {
  text: string;
  /** Guideline sections the item rests on, shown under it. */
  note?: string;
}

export interface DocSection {
  title: string;
  items: DocItem[];
  /** Numbered steps rather than bullets. */
  numbered?: boolean;
}

export interface CaseDocument {
  lang: Lang;
  title: string;
  subtitle: string;
  meta: Array<{ label: string; value: string }>;
  risk: { label: string; level: string; assessment: string };
  sections: DocSection[];
}

export type Texts = (key: string) => string;

/** UI texts for a language: engine.* for the summary's headings, inbox.* for the case chrome. */
export function textsFor(content: Content, lang: Lang): Texts {
  return (key) => content.ui[key]?.[lang] ?? content.ui[key]?.en ?? `[${key}]`;
}

function advice(items: AdviceItem[], see: string): DocItem[] {
  return items.map((item) => {
    const doc: DocItem = { text: item.text };
    if (item.cites.length > 0) doc.note = `${see}: ${item.cites.map((c) => `${c.title} (${c.section})`).join('; ')}`;
    return doc;
  });
}

export function caseDocument(record: CaseRecord, content: Content): CaseDocument {
  const { draft } = record;
  const lang = draft.lang;
  const t = textsFor(content, lang);
  const outcome = draft.outcome;
  const institution = content.reference.contactPoints.find((cp) => cp.id === record.institution);
  const meta = [
    { label: t('inbox.case-ref'), value: record.ref },
    { label: t('inbox.created'), value: record.createdAt.slice(0, 10) },
    { label: t('inbox.institution'), value: institution?.name ?? record.institution },
    { label: t('inbox.status'), value: t(`inbox.status-${record.status}`) },
  ];
  if (record.researcher.name) meta.push({ label: t('inbox.researcher'), value: record.researcher.name });

  const sections: DocSection[] = [];
  const facts = factLines(draft.facts, content, lang);
  sections.push({ title: t('engine.summary-facts'), items: facts.map((f) => ({ text: `${f.label}: ${f.value}` })) });
  sections.push({
    title: t('engine.summary-answers'),
    items: draft.answers.map((a) => ({
      text: `${a.question} — ${a.label}`,
      ...(a.inferred ? { note: t('engine.summary-inferred') } : a.typed ? { note: t('inbox.typed') } : {}),
    })),
  });
  sections.push({ title: t('engine.summary-why'), items: outcome.riskReasons.map((r) => ({ text: r })) });
  const flags = outcome.flags.filter((f) => f.severity !== 'info');
  if (flags.length > 0) sections.push({ title: t('engine.summary-flags'), items: flags.map((f) => ({ text: f.label })) });
  sections.push({
    title: t('engine.summary-screening'),
    items: [
      ...outcome.screening.map((h) => ({
        text: `${h.name} — ${h.listName} (${h.listDate}): ${h.match ? t('engine.screening-match') : t('engine.screening-possible')}`,
        note: h.why,
      })),
      { text: t('engine.screening-disclaimer') },
    ],
  });
  sections.push({ title: t('engine.summary-steps'), items: advice(outcome.steps, t('cards.see')), numbered: true });
  if (outcome.measures.length > 0) sections.push({ title: t('engine.summary-measures'), items: advice(outcome.measures, t('cards.see')) });
  if (outcome.duties.length > 0) sections.push({ title: t('engine.summary-duties'), items: advice(outcome.duties, t('cards.see')) });
  if (outcome.contactPoint) {
    sections.push({
      title: t('engine.summary-contact'),
      items: [
        { text: `${outcome.contactPoint.name}: ${outcome.contactPoint.email}` },
        ...outcome.contactPoint.specialised.map((s) => ({ text: `${t(`engine.contact-topic-${s.topic}`)}: ${s.email}` })),
      ],
    });
  }
  if (record.status === 'closed' && record.advice) {
    sections.push({ title: t('inbox.advice'), items: [{ text: record.advice }] });
  }
  sections.push({ title: t('engine.summary-sources'), items: outcome.citations.map((c) => ({ text: `${c.title} (${c.section})`, note: c.source })) });

  return {
    lang,
    title: `${t('engine.summary-title')}: ${outcome.playbookTitle}`,
    subtitle: t('inbox.export-subtitle'),
    meta,
    risk: { label: t('engine.summary-risk'), level: outcome.riskLabel, assessment: outcome.assessment },
    sections: sections.filter((s) => s.items.length > 0),
  };
}
