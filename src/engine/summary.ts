// The case summary as Markdown: what the researcher downloads and the contact point reads.
import type { Content } from '../content/load.js';
import { makeT } from './i18n.js';
import type { Lang } from './ids.js';
import type { AdviceItem, AnswerRecord, Citation, Facts, Outcome } from './types.js';

// Building an Intl.DisplayNames costs more than a whole turn; one per language is enough.
const regionNames = new Map<Lang, Intl.DisplayNames>();

export function countryName(code: string, lang: Lang): string {
  try {
    let names = regionNames.get(lang);
    if (!names) {
      names = new Intl.DisplayNames([lang], { type: 'region' });
      regionNames.set(lang, names);
    }
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

function list(value: Facts[string] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The facts worth showing, as label/value pairs in the conversation's language. */
export function factLines(facts: Facts, content: Content, lang: Lang): Array<{ label: string; value: string }> {
  const t = makeT(content, lang);
  const lines: Array<{ label: string; value: string }> = [];
  const countries = list(facts.countries).filter((c) => /^[A-Z]{2}$/.test(c));
  if (countries.length) lines.push({ label: t('fact-countries'), value: countries.map((c) => `${countryName(c, lang)} (${c})`).join(', ') });
  const domains = list(facts.domains).flatMap((d) => content.reference.techAreas.filter((a) => a.id === d).map((a) => a.name[lang]));
  if (domains.length) lines.push({ label: t('fact-domains'), value: domains.join(', ') });
  // "not sure" is an open point, never a raw value in the facts ("Partner: unsure").
  const partner = list(facts.partnerName).filter((v) => v !== 'unsure')[0];
  if (partner) lines.push({ label: t('fact-partner'), value: partner });
  const institution = content.reference.contactPoints.find((c) => c.id === facts.institution);
  if (institution) lines.push({ label: t('fact-institution'), value: institution.name });
  const funders = list(facts.funders).filter((v) => v !== 'unsure');
  if (funders.length) lines.push({ label: t('fact-funders'), value: funders.join(', ').toUpperCase() });
  return lines;
}

function sections(cites: Citation[]): string {
  return cites.length ? ` _(${cites.map((c) => c.title).join('; ')})_` : '';
}

function items(list: AdviceItem[], numbered: boolean): string[] {
  return list.map((item, i) => `${numbered ? `${i + 1}.` : '-'} ${item.text}${sections(item.cites)}`);
}

export function summaryMarkdown(outcome: Outcome, facts: Facts, answers: AnswerRecord[], content: Content, lang: Lang): string {
  const t = makeT(content, lang);
  const out: string[] = [];
  out.push(`# ${t('summary-title')}: ${outcome.playbookTitle}`, '');
  if (outcome.headline) out.push(`**${outcome.headline}**`, '');
  out.push(`**${t('summary-risk')}:** ${outcome.riskLabel}${outcome.riskBasis ? ` — ${outcome.riskBasis.text}` : ''}`, '');
  if (outcome.assessment) out.push(outcome.assessment, '');
  out.push(`**${t('summary-why')}:**`, ...outcome.riskReasons.map((r) => `- ${r}`), '');
  const facts_ = factLines(facts, content, lang);
  if (facts_.length) out.push(`## ${t('summary-facts')}`, ...facts_.map((f) => `- **${f.label}:** ${f.value}`), '');
  if (answers.length) {
    out.push(`## ${t('summary-answers')}`);
    for (const a of answers) out.push(`- ${a.question} — **${a.label}**${a.inferred ? ` _(${t('summary-inferred')})_` : ''}`);
    out.push('');
  }
  out.push(`## ${t('summary-screening')}`);
  for (const h of outcome.screening) {
    out.push(`- ${h.name} — ${h.listName} (${h.listDate}): ${h.match ? t('screening-match') : t('screening-possible')} (${Math.round(h.score * 100)} %, ${h.why})`);
  }
  const screened = outcome.screened;
  if (screened) {
    if (outcome.screening.length === 0) out.push(`- ${t('screening-none', { name: screened.names.join(', ') })}`);
    out.push(`- ${t('screening-lists', { lists: screened.lists.map((l) => `${l.name} (${l.date})`).join('; ') })}`);
    for (const l of screened.lists.filter((x) => x.stale)) out.push(`- ${t('screening-stale', { name: l.name, date: l.date })}`);
  } else {
    out.push(`- ${t('screening-not-done')}`);
  }
  out.push(`- ${t('screening-disclaimer')}`, '');
  out.push(`## ${t('summary-steps')}`, ...items(outcome.steps, true), '');
  if (outcome.measures.length) out.push(`## ${t('summary-measures')}`, ...items(outcome.measures, false), '');
  if (outcome.duties.length) out.push(`## ${t('summary-duties')}`, ...items(outcome.duties, false), '');
  if (outcome.openPoints.length) out.push(`## ${t('summary-open-points')}`, ...items(outcome.openPoints, false), '');
  if (outcome.links.length) out.push(`## ${t('summary-links')}`, ...outcome.links.map((l) => `- [${l.label}](${l.url})`), '');
  out.push(`## ${t('summary-contact')}`);
  if (outcome.contactPoint) {
    out.push(`- ${outcome.contactPoint.name}: ${outcome.contactPoint.email}`);
    for (const s of outcome.contactPoint.specialised) out.push(`- ${t(`contact-topic-${s.topic}`)}: ${s.email}`);
  } else {
    out.push(`- ${t('contact-generic')}`);
  }
  out.push('', `## ${t('summary-sources')}`, ...outcome.citations.map((c) => `- ${c.title} — ${c.source}`));
  return out.join('\n');
}
