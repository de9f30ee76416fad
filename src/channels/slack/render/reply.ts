// The engine's replies as Block Kit messages. Pure: same replies, same blocks.
import type { Lang } from '../../../engine/ids.js';
import type { Choice, Reply } from '../../../engine/types.js';
import { ACTION, type ChoiceValue, type FormValue } from '../actions.js';
import { escapeSlack, truncate } from '../escape.js';
import type { SlackTexts } from '../texts.js';
import { type Block, type ButtonElement, actionRows, button, context, packMessages, sections, type SlackMessage } from './blocks.js';
import { MAX_BUTTON_VALUE } from './limits.js';
import { emailLink, renderOutcome } from './outcome.js';

function choiceButtons(choices: Choice[], step: string | undefined): ButtonElement[] {
  return choices.map((choice, index) => {
    const value: ChoiceValue = step ? { v: choice.value, s: step } : { v: choice.value };
    return button(choice.label, `${ACTION.choice}:${index}`, JSON.stringify(value));
  });
}

function formButton(reply: Extract<Reply, { kind: 'question' }>, lang: Lang, t: SlackTexts): ButtonElement | null {
  if (!reply.form) return null;
  const value: FormValue = { s: reply.step, f: reply.form.field, l: truncate(reply.form.label, 300) };
  if (reply.form.placeholder) value.p = truncate(reply.form.placeholder, 150);
  const json = JSON.stringify(value);
  if (json.length > MAX_BUTTON_VALUE) return null;
  return button(t('button-enter-details', lang), ACTION.form, json, 'primary');
}

function replyBlocks(reply: Reply, lang: Lang, t: SlackTexts): Block[] {
  switch (reply.kind) {
    case 'text':
      return sections(escapeSlack(reply.text));
    case 'question': {
      const blocks = sections(`*${escapeSlack(reply.text)}*`);
      if (reply.help) blocks.push(context(escapeSlack(reply.help)));
      const buttons = choiceButtons(reply.choices, reply.step);
      const form = formButton(reply, lang, t);
      if (form) buttons.unshift(form);
      blocks.push(...actionRows(buttons));
      if (reply.typeHint) blocks.push(context(escapeSlack(t('reply-type-hint', lang, { hint: reply.typeHint }))));
      return blocks;
    }
    case 'menu': {
      const blocks = sections(escapeSlack(reply.text));
      blocks.push(...actionRows(choiceButtons(reply.choices, undefined)));
      return blocks;
    }
    case 'outcome':
      return renderOutcome(reply.outcome, lang, t);
    case 'case-created': {
      const ref = escapeSlack(t('case-created-ref', lang, { ref: reply.caseRef }));
      const contact = escapeSlack(t('case-created-contact', lang, { name: reply.contactPoint.name }));
      return sections(`${escapeSlack(reply.text)}\n*${ref}*\n${contact} – ${emailLink(reply.contactPoint.email)}`);
    }
  }
}

/** A short plain summary for notifications. */
function fallbackText(reply: Reply): string {
  switch (reply.kind) {
    case 'outcome':
      // The notification says the answer first, as the outcome itself does.
      return `${reply.outcome.playbookTitle}: ${reply.outcome.headline || reply.outcome.riskLabel}`;
    case 'case-created':
      return reply.caseRef;
    default:
      return reply.text;
  }
}

/** All replies of one turn, packed into as few messages as the 50-block limit allows. */
export function renderReplies(replies: Reply[], lang: Lang, t: SlackTexts): SlackMessage[] {
  const blocks = replies.flatMap((reply) => replyBlocks(reply, lang, t));
  if (blocks.length === 0) return [];
  const first = replies[0];
  const fallback = escapeSlack(first ? fallbackText(first) : '');
  return packMessages(blocks, fallback, escapeSlack(t('continued', lang)));
}
