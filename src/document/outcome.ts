// Outcome → OutcomeDocument: the sections every view of an outcome shows, in this order, for one audience.
// The researcher's document never holds internal ids, match scores or matcher explanations.
import type { AdviceItem, Citation, FlagView, Lang, Outcome, ScreeningHit, Severity } from '../engine/types.js';
import type { Audience, DocItem, DocLink, DocSection, OutcomeDocument, SectionKind, Texts, Tone } from './types.js';

const BOTH: readonly Audience[] = ['researcher', 'contact-point'];
const RESEARCHER: readonly Audience[] = ['researcher'];

/** More items than this make a section long enough to fold. */
const LONG_LIST = 5;

const SEVERITY_TONE: Record<Severity, Tone | undefined> = { info: undefined, concern: 'warning', serious: 'attention', blocker: 'attention' };

/** Only links a reader can safely follow: http(s) and this server's own paths. */
function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  if (/^https?:\/\/[^\s<>"|]+$/i.test(href)) return href;
  if (/^\/[^\s<>"|/][^\s<>"|]*$/.test(href)) return href;
  return undefined;
}

function cites(list: Citation[], audience: Audience): DocLink[] {
  return list.map((c) => {
    const link: DocLink = { label: audience === 'contact-point' ? `${c.title} (${c.section})` : c.title };
    const href = safeHref(c.href);
    if (href) link.href = href;
    return link;
  });
}

function adviceItems(items: AdviceItem[], audience: Audience): DocItem[] {
  return items.map((a) => {
    const item: DocItem = { text: a.text };
    if (a.cites.length > 0) item.cites = cites(a.cites, audience);
    if (audience === 'contact-point') item.internal = a.id;
    return item;
  });
}

/** Two texts that say the same thing, ignoring case, punctuation and spacing. */
function sameText(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return norm(a) === norm(b);
}

/** True when a reason line "Topic: a; b" already names the label. */
function listedIn(reason: string, label: string): boolean {
  const colon = reason.indexOf(': ');
  if (colon < 0) return false;
  return reason
    .slice(colon + 2)
    .split('; ')
    .some((part) => sameText(part, label));
}

function flagItem(f: FlagView, audience: Audience): DocItem {
  const item: DocItem = { text: f.label };
  const tone = SEVERITY_TONE[f.severity];
  if (tone) item.tone = tone;
  if (audience === 'contact-point') item.internal = `${f.id} · ${f.severity}`;
  return item;
}

/** "Why" and "points of attention" as one list: the risk reasons first, then the flags not already said. */
function reasonItems(outcome: Outcome, audience: Audience): DocItem[] {
  const items: DocItem[] = [];
  for (const reason of outcome.riskReasons) {
    if (!items.some((i) => sameText(i.text, reason))) items.push({ text: reason });
  }
  for (const flag of outcome.flags) {
    if (flag.severity === 'info' || flag.severity === 'blocker') continue;
    const said = items.find((i) => sameText(i.text, flag.label) || listedIn(i.text, flag.label));
    if (said) {
      const tone = SEVERITY_TONE[flag.severity];
      if (tone) said.tone = tone;
      if (audience === 'contact-point') {
        // One reason line may carry several flags ("Topic: a; b"): the contact point sees each.
        const internal = `${flag.id} · ${flag.severity}`;
        said.internal = said.internal ? `${said.internal}; ${internal}` : internal;
      }
    } else {
      items.push(flagItem(flag, audience));
    }
  }
  return items;
}

function hitItem(hit: ScreeningHit, t: Texts, audience: Audience): DocItem {
  const verdict = t(hit.match ? 'document.hit-match' : 'document.hit-possible');
  // Without a kind, the list's own name says what it is.
  const list = `${hit.listName} (${hit.listDate})`;
  const item: DocItem = {
    text: t('document.hit', { name: hit.name, verdict }),
    note: hit.kind ? t('document.hit-list', { kind: t(`document.hit-kind-${hit.kind}`), list }) : list,
    tone: hit.match ? 'attention' : 'warning',
  };
  if (audience === 'contact-point') {
    const why = hit.why ? ` · ${hit.why}` : '';
    item.internal = `${t('document.hit-internal', { matched: hit.matched, score: hit.score.toFixed(2), id: hit.id })}${why}`;
  }
  return item;
}

function screeningItems(outcome: Outcome, t: Texts, audience: Audience): DocItem[] {
  const items = outcome.screening.map((h) => hitItem(h, t, audience));
  const screened = outcome.screened;
  if (screened) {
    if (outcome.screening.length === 0) items.push({ text: t('engine.screening-none', { name: screened.names.join(', ') }) });
    if (screened.lists.length > 0) {
      items.push({ text: t('engine.screening-lists', { lists: screened.lists.map((l) => `${l.name} (${l.date})`).join('; ') }) });
    }
    for (const l of screened.lists.filter((x) => x.stale)) items.push({ text: t('engine.screening-stale', { name: l.name, date: l.date }), tone: 'warning' });
    for (const n of screened.notChecked ?? []) items.push({ text: t(`engine.screening-not-checked-${n.reason}`, { name: n.name }), tone: 'warning' });
    // What no loaded list covers is said plainly, with the places to check by hand.
    for (const kind of screened.missing ?? []) {
      const links = (screened.checkByHand ?? []).find((c) => c.kind === kind)?.links ?? [];
      items.push({ text: t(`document.unchecked-${kind}`), tone: 'warning', cites: links.map((l) => ({ label: l.title, href: l.url })) });
    }
  } else if (outcome.screening.length === 0) {
    items.push({ text: t('engine.screening-not-done') });
  }
  // A name absent from the lists proves nothing: say so wherever screening is shown.
  items.push({ text: t('engine.screening-disclaimer') });
  return items;
}

function contactSection(outcome: Outcome, t: Texts): DocSection {
  const section: DocSection = { kind: 'contact', audience: RESEARCHER, title: t('document.contact'), items: [] };
  if (outcome.escalation === 'required') section.text = t('document.escalation-required');
  else if (outcome.escalation === 'offered') section.text = t('document.escalation-offered');
  const cp = outcome.contactPoint;
  if (cp) {
    section.items.push({ label: cp.name, text: cp.email, href: `mailto:${cp.email}` });
    for (const s of cp.specialised) section.items.push({ label: t(`engine.contact-topic-${s.topic}`), text: s.email, href: `mailto:${s.email}` });
  } else {
    section.items.push({ text: t('engine.contact-generic') });
  }
  return section;
}

/** The outcome's sections, in the one order every view keeps. Empty sections are left out. */
export function outcomeSections(outcome: Outcome, t: Texts, audience: Audience): DocSection[] {
  const sections: DocSection[] = [];
  const add = (kind: SectionKind, who: readonly Audience[], part: Omit<DocSection, 'kind' | 'audience'>) => {
    if (!who.includes(audience)) return;
    if (part.items.length === 0 && !part.text) return;
    sections.push({ kind, audience: who, ...part });
  };
  const headline = outcome.headline || outcome.assessment;
  add('headline', BOTH, { text: headline, items: [] });

  const blockers = outcome.flags.filter((f) => f.severity === 'blocker');
  add('blocker', BOTH, { title: t('document.blocker'), items: blockers.map((f) => flagItem(f, audience)), tone: 'attention' });

  const basis: DocItem[] = [];
  if (outcome.riskBasis) {
    const item: DocItem = { text: outcome.riskBasis.text };
    if (outcome.riskBasis.cites.length > 0) item.cites = cites(outcome.riskBasis.cites, audience);
    if (audience === 'contact-point') item.internal = t('document.rule', { rule: outcome.riskBasis.rule });
    basis.push(item);
  }
  const riskPart: Omit<DocSection, 'kind' | 'audience'> = { title: t('document.risk', { risk: outcome.riskLabel }), items: basis, tone: outcome.risk };
  // Said once: an outcome without its own headline opens with the assessment.
  if (outcome.assessment && outcome.assessment !== headline) riskPart.text = outcome.assessment;
  sections.push({ kind: 'risk', audience: BOTH, ...riskPart });

  const reasons = reasonItems(outcome, audience);
  // A long list of reasons folds where the format can; the headline, blocker and risk basis already say the gist.
  add('reasons', BOTH, { title: t('document.reasons'), items: reasons, ...(reasons.length > LONG_LIST ? { fold: true } : {}) });
  add('open-points', BOTH, { title: t('document.open-points'), items: adviceItems(outcome.openPoints, audience) });
  add('steps', BOTH, { title: t('document.steps'), items: adviceItems(outcome.steps, audience), numbered: true });
  add('duties', BOTH, { title: t('document.duties'), items: adviceItems(outcome.duties, audience) });
  add('measures', BOTH, { title: t('document.measures'), items: adviceItems(outcome.measures, audience), fold: true });
  if (audience === 'contact-point' || outcome.screening.length > 0 || outcome.screened) {
    add('screening', BOTH, { title: t('document.screening'), items: screeningItems(outcome, t, audience), fold: true });
  }
  const links = outcome.links.flatMap((l) => {
    const href = safeHref(l.url);
    return href ? [{ text: l.label, href }] : [];
  });
  add('links', BOTH, { title: t('document.links'), items: links });
  if (audience === 'researcher') sections.push(contactSection(outcome, t));
  return sections;
}

export function sourcesSection(citations: Citation[], t: Texts, audience: Audience): DocSection | null {
  if (citations.length === 0) return null;
  const items = citations.map((c) => {
    const item: DocItem = { text: c.title, note: c.source };
    const href = safeHref(c.href);
    if (href) item.href = href;
    if (audience === 'contact-point') item.internal = c.section;
    return item;
  });
  return { kind: 'sources', audience: BOTH, title: t('document.sources'), items, fold: true };
}

export function outcomeDocument(outcome: Outcome, t: Texts, audience: Audience, lang?: Lang): OutcomeDocument {
  const sections = outcomeSections(outcome, t, audience);
  const sources = sourcesSection(outcome.citations, t, audience);
  if (sources) sections.push(sources);
  const doc: OutcomeDocument = { kind: 'outcome', audience, title: outcome.playbookTitle, risk: outcome.risk, sections };
  if (lang) doc.lang = lang;
  return doc;
}
