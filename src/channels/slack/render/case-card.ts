// The contact point's card for a case: who, what, every question and answer, flags, screening, risk, cited
// sections, next steps, and the buttons to take, ask or close. Rendered from the stored CaseRecord, so the
// same function refreshes the card after every status change.
import type { Lang } from '../../../engine/ids.js';
import type { CaseStatus, FactValue } from '../../../engine/types.js';
import type { Actor, CaseRecord } from '../../../store/types.js';
import { ACTION } from '../actions.js';
import { escapeSlack } from '../escape.js';
import type { SlackTexts } from '../texts.js';
import { type Block, actionRows, bulletList, button, context, divider, header, sections, type SlackMessage } from './blocks.js';
import { MAX_BLOCKS_PER_MESSAGE, MAX_FIELD_TEXT } from './limits.js';
import { citationLines, screeningLine } from './outcome.js';

/** A Slack user id we can mention safely; anything else is shown as escaped text. */
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

export function actorLabel(actor: Actor): string {
  if (actor.channel === 'slack' && SLACK_USER_ID.test(actor.id)) return `<@${actor.id}>`;
  return escapeSlack(actor.name ?? actor.id);
}

export function statusLabel(status: CaseStatus, lang: Lang, t: SlackTexts): string {
  return t(`status-${status}`, lang);
}

function factText(value: FactValue): string {
  return Array.isArray(value) ? value.join(', ') : value;
}

function field(title: string, valueMrkdwn: string): { type: 'mrkdwn'; text: string } {
  const text = `*${escapeSlack(title)}*\n${valueMrkdwn}`;
  return { type: 'mrkdwn', text: text.length > MAX_FIELD_TEXT ? `${text.slice(0, MAX_FIELD_TEXT - 1)}…` : text };
}

function titled(title: string, bodyMrkdwn: string): Block[] {
  if (bodyMrkdwn.trim() === '') return [];
  return sections(`*${escapeSlack(title)}*\n${bodyMrkdwn}`);
}

export function caseButtons(c: CaseRecord, lang: Lang, t: SlackTexts): Block[] {
  if (c.status === 'closed') return [];
  const buttons = [];
  if (c.status === 'open') buttons.push(button(t('button-take', lang), ACTION.caseTake, c.id, 'primary'));
  buttons.push(button(t('button-ask', lang), ACTION.caseAsk, c.id));
  buttons.push(button(t('button-close', lang), ACTION.caseClose, c.id));
  return actionRows(buttons, `rsa-case-${c.id}`.slice(0, 200));
}

export function renderCaseCard(c: CaseRecord, t: SlackTexts): SlackMessage {
  const lang = c.draft.lang;
  const outcome = c.draft.outcome;
  const none = `_${escapeSlack(t('card-none', lang))}_`;
  const fields = [
    field(t('card-researcher', lang), actorLabel(c.researcher)),
    field(t('card-playbook', lang), escapeSlack(outcome.playbookTitle)),
    field(t('card-risk', lang), `*${escapeSlack(outcome.riskLabel)}*`),
    field(t('card-status', lang), escapeSlack(statusLabel(c.status, lang, t))),
  ];
  if (c.assignee) fields.push(field(t('card-assignee', lang), actorLabel(c.assignee)));

  const body: Block[] = [{ type: 'section', fields }];
  if (outcome.assessment) body.push(...sections(escapeSlack(outcome.assessment)));
  if (outcome.riskReasons.length > 0) body.push(...sections(bulletList(outcome.riskReasons)));

  const facts = Object.entries(c.draft.facts).map(([name, value]) => `${name}: ${factText(value)}`);
  body.push(...titled(t('card-facts', lang), facts.length > 0 ? bulletList(facts) : none));

  const answers = c.draft.answers.map((a) => {
    const notes: string[] = [];
    if (a.typed) notes.push(t('card-answer-typed', lang));
    if (a.inferred) notes.push(t('card-answer-inferred', lang));
    const note = notes.length > 0 ? ` _(${escapeSlack(notes.join(', '))})_` : '';
    return `*${escapeSlack(a.question)}*\n→ ${escapeSlack(a.label)}${note}`;
  });
  body.push(...titled(t('card-answers', lang), answers.length > 0 ? answers.join('\n') : none));

  body.push(...titled(t('card-flags', lang), outcome.flags.length > 0 ? bulletList(outcome.flags.map((f) => `${f.label} (${f.severity})`)) : none));
  body.push(
    ...titled(
      t('card-screening', lang),
      outcome.screening.length > 0 ? bulletList(outcome.screening.map((h) => screeningLine(h, lang, t))) : none,
    ),
  );
  body.push(...titled(t('card-steps', lang), bulletList(outcome.steps.map((s) => s.text))));
  if (outcome.citations.length > 0) body.push(...titled(t('card-citations', lang), citationLines(outcome.citations)));
  if (c.advice) body.push(...titled(t('card-advice', lang), escapeSlack(c.advice)));

  const head: Block[] = [header(t('card-title', lang, { ref: c.ref }))];
  const tail: Block[] = [divider(), ...caseButtons(c, lang, t)];
  const room = MAX_BLOCKS_PER_MESSAGE - head.length - tail.length - 1;
  const kept = body.length > room ? [...body.slice(0, room), context(escapeSlack(t('card-more', lang, { count: String(body.length - room) })))] : body;

  const text = escapeSlack(
    t('card-notification', lang, { ref: c.ref, playbook: outcome.playbookTitle, risk: outcome.riskLabel }),
  );
  return { text, blocks: [...head, ...kept, ...tail] };
}
