// Reply (the engine's channel-neutral output) → one Adaptive Card. Used by Teams and by the web chat.
import type { Outcome, Reply } from '../../engine/types.js';
import { outcomeDocument, textsFromLookup } from '../../document/index.js';
import { fill, heading, submitButtons } from './blocks.js';
import { type CardDocumentOptions, documentElements } from './document.js';
import { labelled, plainText } from './plain-text.js';
import { TYPED_ANSWER_INPUT } from './submit.js';
import { CARD_SCHEMA, CARD_VERSION, type AdaptiveCard, type CardElement, type InputText, type UiLookup } from './types.js';

export function emptyCard(ui: UiLookup): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, body: [], fallbackText: ui('cards.fallback') };
}

export function renderReplyCard(reply: Reply, ui: UiLookup, options: CardDocumentOptions = {}): AdaptiveCard {
  const card = emptyCard(ui);
  switch (reply.kind) {
    case 'text':
      card.body.push(plainText(reply.text));
      return card;
    case 'menu':
      card.body.push(plainText(reply.text), ...submitButtons(reply.choices, (c) => ({ action: c.value })));
      return card;
    case 'question':
      return questionCard(card, reply, ui);
    case 'outcome':
      card.msteams = { width: 'Full' };
      card.body.push(heading(reply.outcome.playbookTitle), ...outcomeBody(reply.outcome, ui, options));
      return card;
    case 'case-created': {
      const cp = reply.contactPoint;
      card.body.push(
        plainText(reply.text),
        labelled(ui('cards.case-ref'), reply.caseRef, { spacing: 'medium' }),
        labelled(ui('cards.contact-point'), `${cp.name} <${cp.email}>`, { spacing: 'small' }),
      );
      return card;
    }
  }
}

function questionCard(card: AdaptiveCard, reply: Extract<Reply, { kind: 'question' }>, ui: UiLookup): AdaptiveCard {
  card.body.push(plainText(reply.text, { weight: 'bolder' }));
  if (reply.help) card.body.push(plainText(reply.help, { isSubtle: true, spacing: 'small' }));
  card.body.push(...submitButtons(reply.choices, (c) => ({ action: c.value, step: reply.step })));
  // One way to answer (issue 13): buttons and the message box; a field of its own only for a structured value
  // (a name, a country) or when there is nothing to click.
  if (reply.form !== undefined || reply.structured || (reply.choices.length === 0 && reply.typeHint !== undefined)) {
    const input: InputText = {
      type: 'Input.Text',
      id: TYPED_ANSWER_INPUT,
      label: reply.form?.label ?? ui('cards.type-answer'),
      isRequired: true,
      errorMessage: ui('cards.input-required'),
      maxLength: 500,
      spacing: 'medium',
    };
    const placeholder = reply.form?.placeholder ?? reply.typeHint;
    if (placeholder) input.placeholder = placeholder;
    card.body.push(input, {
      type: 'ActionSet',
      spacing: 'small',
      actions: [{ type: 'Action.Submit', title: ui('cards.send'), data: { typed: true, step: reply.step } }],
    });
  }
  return card;
}

/** The outcome for the researcher: the shared document's sections, in its order. */
function outcomeBody(outcome: Outcome, ui: UiLookup, options: CardDocumentOptions = {}): CardElement[] {
  return documentElements(outcomeDocument(outcome, textsFromLookup(ui), 'researcher'), ui, options);
}

/** The welcome card: a greeting and one button per playbook. */
export function renderWelcomeCard(playbooks: Array<{ id: string; title: string; description: string }>, ui: UiLookup): AdaptiveCard {
  const card = emptyCard(ui);
  card.body.push(heading(ui('cards.welcome-title'), 'large'), plainText(ui('cards.welcome-text')));
  for (const p of playbooks) card.body.push(labelled(p.title, p.description, { spacing: 'small' }));
  card.body.push(
    ...submitButtons(
      playbooks.map((p) => ({ label: p.title, value: p.id })),
      (c) => ({ start: c.value }),
    ),
  );
  card.body.push(plainText(fill(ui('cards.welcome-hint'), {}), { isSubtle: true, spacing: 'medium' }));
  return card;
}
