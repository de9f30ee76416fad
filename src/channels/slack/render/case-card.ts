// The contact point's card for a case: the shared case document (who, risk, what the researcher said,
// screening, steps, history, sources) and the buttons to take, ask or close. Rendered from the stored
// CaseRecord, so the same function refreshes the card after every status change.
import { caseDocument } from '../../../document/index.js';
import type { Lang } from '../../../engine/ids.js';
import type { CaseStatus } from '../../../engine/types.js';
import type { Actor, CaseRecord } from '../../../store/types.js';
import { ACTION } from '../actions.js';
import { escapeSlack } from '../escape.js';
import type { SlackTexts } from '../texts.js';
import { type Block, actionRows, button, context, divider, header, type SlackMessage } from './blocks.js';
import { documentBlocks, type SlackDocumentOptions } from './document.js';
import { MAX_BLOCKS_PER_MESSAGE } from './limits.js';

/** A Slack user id we can mention safely; anything else is shown as escaped text. */
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

export function actorLabel(actor: Actor): string {
  if (actor.channel === 'slack' && SLACK_USER_ID.test(actor.id)) return `<@${actor.id}>`;
  return escapeSlack(actor.name ?? actor.id);
}

export function statusLabel(status: CaseStatus, lang: Lang, t: SlackTexts): string {
  return t(`status-${status}`, lang);
}

function caseButtons(c: CaseRecord, lang: Lang, t: SlackTexts): Block[] {
  if (c.status === 'closed') return [];
  const buttons = [];
  if (c.status === 'open') buttons.push(button(t('button-take', lang), ACTION.caseTake, c.id, 'primary'));
  buttons.push(button(t('button-ask', lang), ACTION.caseAsk, c.id));
  buttons.push(button(t('button-close', lang), ACTION.caseClose, c.id));
  return actionRows(buttons, `rsa-case-${c.id}`.slice(0, 200));
}

export function renderCaseCard(c: CaseRecord, t: SlackTexts, options: SlackDocumentOptions = {}): SlackMessage {
  const lang = c.draft.lang;
  const outcome = c.draft.outcome;
  const texts = t.document(lang);
  const body = documentBlocks(caseDocument(c, { t: texts, names: t.names(lang) }), texts, options);

  const head: Block[] = [header(t('card-title', lang, { ref: c.ref }))];
  const tail: Block[] = [divider(), ...caseButtons(c, lang, t)];
  const room = MAX_BLOCKS_PER_MESSAGE - head.length - tail.length - 1;
  const kept = body.length > room ? [...body.slice(0, room), context(escapeSlack(t('card-more', lang, { count: String(body.length - room) })))] : body;

  const text = escapeSlack(t('card-notification', lang, { ref: c.ref, playbook: outcome.playbookTitle, risk: outcome.riskLabel }));
  return { text, blocks: [...head, ...kept, ...tail] };
}
