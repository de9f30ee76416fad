// An outcome as Block Kit: risk and assessment first, then why, flags, screening, steps, measures, duties,
// the contact point and the cited sections. Every engine text is escaped.
import type { AdviceItem, Citation, Outcome, ScreeningHit } from '../../../engine/types.js';
import type { Lang } from '../../../engine/ids.js';
import { escapeSlack } from '../escape.js';
import type { SlackTexts } from '../texts.js';
import { type Block, bulletList, context, header, sections } from './blocks.js';

function titled(title: string, body: string): Block[] {
  if (body.trim() === '') return [];
  return sections(`*${escapeSlack(title)}*\n${body}`);
}

function adviceLines(items: AdviceItem[]): string {
  return items
    .map((item) => {
      const cites = item.cites.map((c) => c.section).join(', ');
      return `• ${escapeSlack(item.text)}${cites ? ` _(${escapeSlack(cites)})_` : ''}`;
    })
    .join('\n');
}

export function screeningLine(hit: ScreeningHit, lang: Lang, t: SlackTexts): string {
  const verdict = t(hit.match ? 'screening-match' : 'screening-possible', lang);
  const list = t('screening-list', lang, { list: hit.listName, date: hit.listDate });
  return `${hit.name} (${verdict}; ${list}): ${hit.why}`;
}

export function citationLines(citations: Citation[]): string {
  return citations.map((c) => `${escapeSlack(c.section)}: ${escapeSlack(c.title)}`).join('\n');
}

function isEmail(text: string): boolean {
  return /^[^\s<>|@&]+@[^\s<>|@&]+\.[a-z]{2,}$/i.test(text);
}

/** A mailto link when the address looks like one; otherwise the escaped text. */
export function emailLink(email: string): string {
  return isEmail(email) ? `<mailto:${email}|${email}>` : escapeSlack(email);
}

export function renderOutcome(outcome: Outcome, lang: Lang, t: SlackTexts): Block[] {
  const blocks: Block[] = [header(outcome.playbookTitle)];
  blocks.push(
    ...sections(`*${escapeSlack(t('outcome-risk', lang, { risk: outcome.riskLabel }))}*\n${escapeSlack(outcome.assessment)}`),
  );
  blocks.push(...titled(t('outcome-why', lang), bulletList(outcome.riskReasons)));
  blocks.push(...titled(t('outcome-flags', lang), bulletList(outcome.flags.map((f) => f.label))));
  blocks.push(
    ...titled(t('outcome-screening', lang), bulletList(outcome.screening.map((h) => screeningLine(h, lang, t)))),
  );
  blocks.push(...titled(t('outcome-steps', lang), adviceLines(outcome.steps)));
  blocks.push(...titled(t('outcome-measures', lang), adviceLines(outcome.measures)));
  blocks.push(...titled(t('outcome-duties', lang), adviceLines(outcome.duties)));
  const cp = outcome.contactPoint;
  if (cp) {
    const lines = [`${escapeSlack(cp.name)}: ${emailLink(cp.email)}`];
    for (const s of cp.specialised) lines.push(`• ${escapeSlack(s.topic)}: ${emailLink(s.email)}`);
    blocks.push(...titled(t('outcome-contact', lang), lines.join('\n')));
  }
  if (outcome.citations.length > 0) {
    blocks.push(context(`${escapeSlack(t('outcome-sources', lang))}\n${citationLines(outcome.citations)}`));
  }
  return blocks;
}
