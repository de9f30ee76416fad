// Modals: the contact point's question and closing advice, and the researcher's long-form answer.
import type { types } from '@slack/bolt';
import type { Lang } from '../../../engine/ids.js';
import { INPUT_ACTION, INPUT_BLOCK, VIEW } from '../actions.js';
import type { SlackTexts } from '../texts.js';
import { escapeWithin } from './blocks.js';
import { MAX_INPUT_LABEL, MAX_MODAL_TITLE, MAX_PLACEHOLDER, MAX_PRIVATE_METADATA } from './limits.js';

function plain(raw: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: escapeWithin(raw, max) };
}

function textModal(
  callbackId: string,
  title: string,
  label: string,
  placeholder: string | undefined,
  privateMetadata: string,
  lang: Lang,
  t: SlackTexts,
): types.ModalView {
  if (privateMetadata.length > MAX_PRIVATE_METADATA) throw new Error('private_metadata too long');
  const input: types.PlainTextInput = { type: 'plain_text_input', action_id: INPUT_ACTION, multiline: true, max_length: 3000 };
  if (placeholder) input.placeholder = plain(placeholder, MAX_PLACEHOLDER);
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: privateMetadata,
    title: plain(title, MAX_MODAL_TITLE),
    submit: plain(t('modal-submit', lang), MAX_MODAL_TITLE),
    close: plain(t('modal-cancel', lang), MAX_MODAL_TITLE),
    blocks: [{ type: 'input', block_id: INPUT_BLOCK, label: plain(label, MAX_INPUT_LABEL), element: input }],
  };
}

export function askModal(privateMetadata: string, lang: Lang, t: SlackTexts): types.ModalView {
  return textModal(VIEW.ask, t('modal-ask-title', lang), t('modal-ask-label', lang), t('modal-ask-placeholder', lang), privateMetadata, lang, t);
}

export function closeModal(privateMetadata: string, lang: Lang, t: SlackTexts): types.ModalView {
  return textModal(VIEW.close, t('modal-close-title', lang), t('modal-close-label', lang), undefined, privateMetadata, lang, t);
}

export function detailsModal(label: string, placeholder: string | undefined, privateMetadata: string, lang: Lang, t: SlackTexts): types.ModalView {
  return textModal(VIEW.form, t('modal-details-title', lang), label, placeholder, privateMetadata, lang, t);
}
