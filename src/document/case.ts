// A case (what the contact point received) → CaseDocument: the case itself, the outcome's sections for the
// contact point, what the researcher said, what happened since, and the sources. Every case view renders it.
import type { Content } from '../content/load.js';
import type { AnswerRecord, CaseDraft, CaseStatus } from '../engine/types.js';
import { type FactNames, factPairs, namesFromContent } from './facts.js';
import { outcomeSections, sourcesSection } from './outcome.js';
import { documentTexts } from './texts.js';
import type { Audience, CaseDocument, DocItem, DocSection, Texts } from './types.js';

const CONTACT_POINT: readonly Audience[] = ['contact-point'];

/** What a case document needs of a stored case (the store's CaseRecord has all of it). */
export interface CaseInput {
  ref: string;
  status: CaseStatus;
  institution: string;
  createdAt: string;
  researcher: { id: string; name?: string; channel: string };
  assignee?: { id: string; name?: string; channel: string };
  advice?: string;
  draft: CaseDraft;
  history: Array<{ at: string; actor: { id: string; name?: string; channel: string }; action: string; text?: string }>;
}

/** Events whose text the contact point needs to read again. */
const TEXT_EVENTS = new Set(['asked', 'answered', 'closed', 'reopened']);

function when(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}

function answerItem(a: AnswerRecord, t: Texts): DocItem {
  const item: DocItem = { text: a.question, quote: a.label };
  if (a.inferred) item.note = t('document.answer-inferred');
  else if (a.typed) item.note = t('document.answer-typed');
  return item;
}

function historyItems(c: CaseInput, t: Texts): DocItem[] {
  return c.history.map((e) => {
    // Ids (hashed web sessions, Slack or Teams ids) mean nothing to a reader: a role stands in for a missing name.
    const role =
      e.actor.channel === 'admin' ? t('inbox.system') : e.action === 'created' || e.action === 'answered' ? t('inbox.researcher') : t('inbox.default-actor');
    const item: DocItem = { text: t(`inbox.event-${e.action}`), note: `${e.actor.name ?? role} · ${when(e.at)}` };
    if (e.text && TEXT_EVENTS.has(e.action)) item.quote = e.text;
    return item;
  });
}

/** What a view that has no Content at hand (a card renderer) gives instead: texts in the case's language, and names if it has them. */
export interface CaseDocumentSource {
  t: Texts;
  names?: FactNames;
}

export function caseDocument(c: CaseInput, source: Content | CaseDocumentSource): CaseDocument {
  const { draft } = c;
  const lang = draft.lang;
  const t = 'ui' in source ? documentTexts(source.ui, lang) : source.t;
  const names = 'ui' in source ? namesFromContent(source, lang) : (source.names ?? {});
  const outcome = draft.outcome;
  const institution = names.institution?.(c.institution);

  const meta: DocItem[] = [
    { label: t('inbox.case-ref'), text: c.ref },
    { label: t('inbox.created'), text: c.createdAt.slice(0, 10) },
    { label: t('inbox.institution'), text: institution ?? c.institution },
    { label: t('inbox.status'), text: t(`inbox.status-${c.status}`) },
    { label: t('inbox.topic'), text: outcome.playbookTitle },
  ];
  const researcher = { channel: c.researcher.channel, id: c.researcher.id };
  meta.push({
    label: t('inbox.researcher'),
    text: c.researcher.name ?? c.researcher.id,
    internal: `${c.researcher.channel} · ${c.researcher.id}`,
    person: researcher,
  });
  if (c.assignee) {
    meta.push({ label: t('inbox.assignee'), text: c.assignee.name ?? c.assignee.id, person: { channel: c.assignee.channel, id: c.assignee.id } });
  }

  const sections: DocSection[] = [{ kind: 'case', audience: CONTACT_POINT, title: t('document.case'), items: meta }];
  const fromOutcome = outcomeSections(outcome, t, 'contact-point');
  // The contact point reads what the researcher said right after the open points, before the advice.
  const cut = fromOutcome.findIndex((s) => s.kind === 'steps' || s.kind === 'duties' || s.kind === 'measures' || s.kind === 'screening');
  const before = cut < 0 ? fromOutcome : fromOutcome.slice(0, cut);
  const after = cut < 0 ? [] : fromOutcome.slice(cut);
  sections.push(...before);
  const facts = factPairs(draft.facts, t, lang, names).map((f) => ({ label: f.label, text: f.value }));
  if (facts.length > 0) sections.push({ kind: 'facts', audience: CONTACT_POINT, title: t('document.facts'), items: facts, fold: true });
  const answers = draft.answers.map((a) => answerItem(a, t));
  if (answers.length > 0) sections.push({ kind: 'answers', audience: CONTACT_POINT, title: t('document.answers'), items: answers, fold: true });
  sections.push(...after);
  const history = historyItems(c, t);
  if (history.length > 0) sections.push({ kind: 'history', audience: CONTACT_POINT, title: t('document.history'), items: history, fold: true });
  if (c.advice)
    sections.push({
      kind: 'advice',
      audience: CONTACT_POINT,
      title: t('document.advice'),
      items: [{ text: c.assignee?.name ?? t('inbox.default-actor'), quote: c.advice }],
    });
  const sources = sourcesSection(outcome.citations, t, 'contact-point');
  if (sources) sections.push(sources);

  return {
    kind: 'case',
    audience: 'contact-point',
    lang,
    title: `${t('engine.summary-title')}: ${outcome.playbookTitle}`,
    subtitle: t('inbox.export-subtitle'),
    risk: outcome.risk,
    sections,
  };
}
