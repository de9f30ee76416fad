// Small Block Kit builders. Texts given to them are already escaped or are our own mrkdwn around escaped text;
// the `plain*` helpers take raw text and escape it themselves.
import type { types } from '@slack/bolt';
import { escapeSlack, truncate } from '../escape.js';
import {
  MAX_ACTION_ELEMENTS,
  MAX_BLOCKS_PER_MESSAGE,
  MAX_BUTTON_TEXT,
  MAX_BUTTON_VALUE,
  MAX_FALLBACK_TEXT,
  MAX_HEADER_TEXT,
  MAX_SECTION_TEXT,
} from './limits.js';

export type Block = types.KnownBlock;
export type ButtonElement = types.Button;

/** One chat message: the fallback text (notifications, screen readers) and its blocks. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Escapes raw text and cuts it so that the escaped form fits in `max` characters, never inside an entity. */
export function escapeWithin(raw: string, max: number): string {
  let limit = max;
  let escaped = escapeSlack(truncate(raw, limit));
  while (escaped.length > max && limit > 1) {
    limit -= escaped.length - max;
    escaped = escapeSlack(truncate(raw, limit));
  }
  return escaped;
}

/**
 * Splits mrkdwn into pieces of at most `max` characters, at line breaks where possible and never inside
 * an entity (&amp;) or one of our own <…> links.
 */
export function splitMrkdwn(text: string, max = MAX_SECTION_TEXT): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    const amp = rest.lastIndexOf('&', cut);
    if (amp >= 0 && amp > cut - 6 && !rest.slice(amp, cut).includes(';')) cut = amp;
    const lt = rest.lastIndexOf('<', cut);
    if (lt >= 0 && rest.indexOf('>', lt) >= cut) cut = lt;
    if (cut <= 0) cut = max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** Sections for mrkdwn text of any length. */
export function sections(mrkdwn: string): Block[] {
  if (mrkdwn.trim() === '') return [];
  return splitMrkdwn(mrkdwn).map((piece) => ({ type: 'section', text: { type: 'mrkdwn', text: piece } }));
}

export function header(raw: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: escapeWithin(raw, MAX_HEADER_TEXT) } };
}

export function context(mrkdwn: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(mrkdwn, MAX_SECTION_TEXT) }] };
}

export function divider(): Block {
  return { type: 'divider' };
}

export function button(rawLabel: string, actionId: string, value: string, style?: 'primary' | 'danger'): ButtonElement {
  if (value.length > MAX_BUTTON_VALUE) throw new Error(`button value too long for ${actionId}`);
  const element: ButtonElement = {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: escapeWithin(rawLabel, MAX_BUTTON_TEXT) },
    value,
  };
  if (style) element.style = style;
  return element;
}

/** Buttons in as many actions blocks as needed (25 elements each). */
export function actionRows(buttons: ButtonElement[], blockIdPrefix?: string): Block[] {
  const rows: Block[] = [];
  for (let i = 0; i < buttons.length; i += MAX_ACTION_ELEMENTS) {
    const row: Block = { type: 'actions', elements: buttons.slice(i, i + MAX_ACTION_ELEMENTS) };
    if (blockIdPrefix) row.block_id = `${blockIdPrefix}-${i / MAX_ACTION_ELEMENTS}`;
    rows.push(row);
  }
  return rows;
}

/** Splits blocks over messages of at most 50 blocks each; the fallback text goes with the first, a short one with the rest. */
export function packMessages(blocks: Block[], fallback: string, continued: string): SlackMessage[] {
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += MAX_BLOCKS_PER_MESSAGE) {
    messages.push({
      text: i === 0 ? truncate(fallback, MAX_FALLBACK_TEXT) : continued,
      blocks: blocks.slice(i, i + MAX_BLOCKS_PER_MESSAGE),
    });
  }
  return messages;
}
