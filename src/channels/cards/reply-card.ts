// Reply (the engine's channel-neutral output) → one Adaptive Card. Used by Teams and by the web chat.
import type { AdviceItem, Outcome, Reply } from '../../engine/types.js';
import {
  bullet,
  citationLine,
  fill,
  flagsSection,
  heading,
  riskBanner,
  screeningSection,
  sectionTitle,
  submitButtons,
} from './blocks.js';
import { labelled, plainText } from './plain-text.js';
import { TYPED_ANSWER_INPUT } from './submit.js';
import { CARD_SCHEMA, CARD_VERSION, type AdaptiveCard, type CardElement, type InputText, type UiLookup } from './types.js';

export function emptyCard(ui: UiLookup): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, body: [], fallbackText: ui('cards.fallback') };
}

export function renderReplyCard(reply: Reply, ui: UiLookup): AdaptiveCard {
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
      card.body.push(...outcomeBody(reply.outcome, ui));
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
  if (reply.typeHint !== undefined || reply.form !== undefined) {
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

function adviceSection(title: string, items: AdviceItem[], ui: UiLookup): CardElement[] {
  if (items.length === 0) return [];
  return [sectionTitle(title), ...items.flatMap((item) => [bullet(item.text), ...citationLine(item.cites, ui)])];
}

export function outcomeBody(outcome: Outcome, ui: UiLookup): CardElement[] {
  const body: CardElement[] = [
    heading(outcome.playbookTitle),
    riskBanner(ui('cards.risk'), outcome.riskLabel, outcome.risk),
    plainText(outcome.assessment, { spacing: 'medium' }),
  ];
  if (outcome.riskReasons.length > 0) {
    body.push(sectionTitle(ui('cards.risk-reasons')), ...outcome.riskReasons.map(bullet));
  }
  body.push(
    ...flagsSection(outcome.flags, ui),
    ...screeningSection(outcome.screening, ui),
    ...adviceSection(ui('cards.steps'), outcome.steps, ui),
    ...adviceSection(ui('cards.measures'), outcome.measures, ui),
    ...adviceSection(ui('cards.duties'), outcome.duties, ui),
  );
  const cp = outcome.contactPoint;
  if (cp) {
    body.push(sectionTitle(ui('cards.contact-point')), plainText(`${cp.name} <${cp.email}>`));
    for (const s of cp.specialised) body.push(bullet(`${s.topic}: ${s.email}`));
  }
  if (outcome.citations.length > 0) {
    body.push(
      sectionTitle(ui('cards.sources')),
      ...outcome.citations.map((c) => bullet(`${c.title} (${c.section})`)),
    );
  }
  return body;
}

/** The welcome card: a greeting and one button per playbook. */
export function renderWelcomeCard(
  playbooks: Array<{ id: string; title: string; description: string }>,
  ui: UiLookup,
): AdaptiveCard {
  const card = emptyCard(ui);
  card.body.push(heading(ui('cards.welcome-title'), 'large'), plainText(ui('cards.welcome-text')));
  for (const p of playbooks) card.body.push(labelled(p.title, p.description, { spacing: 'small' }));
  card.body.push(...submitButtons(playbooks.map((p) => ({ label: p.title, value: p.id })), (c) => ({ start: c.value })));
  card.body.push(plainText(fill(ui('cards.welcome-hint'), {}), { isSubtle: true, spacing: 'medium' }));
  return card;
}
