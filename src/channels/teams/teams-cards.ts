// Adaptive Cards as Teams sends them: attachments, and case actions as Universal Actions (Action.Execute)
// so that Teams sends an invoke and the answer replaces the case card in place.
import { CardFactory, type Attachment } from 'botbuilder';
import type { AdaptiveCard, CardAction, CardElement } from '../cards/index.js';

export function attachmentOf(card: AdaptiveCard): Attachment {
  return CardFactory.adaptiveCard(card);
}

function convertAction(action: CardAction): CardAction {
  if (action.type === 'Action.Submit' && typeof action.data.caseAction === 'string') {
    const { title, data, style } = action;
    return style
      ? { type: 'Action.Execute', title, verb: action.data.caseAction, data, style }
      : { type: 'Action.Execute', title, verb: action.data.caseAction, data };
  }
  if (action.type === 'Action.ShowCard') return { ...action, card: withUniversalActions(action.card) };
  return action;
}

function convertElement(element: CardElement): CardElement {
  if (element.type === 'ActionSet') return { ...element, actions: element.actions.map(convertAction) };
  if (element.type === 'Container') return { ...element, items: element.items.map(convertElement) };
  if (element.type === 'ColumnSet') {
    return { ...element, columns: element.columns.map((c) => ({ ...c, items: c.items.map(convertElement) })) };
  }
  return element;
}

/** The case card with its take / ask / close buttons as Action.Execute; everything else unchanged. */
export function withUniversalActions(card: AdaptiveCard): AdaptiveCard {
  const out: AdaptiveCard = { ...card, body: card.body.map(convertElement) };
  if (card.actions) out.actions = card.actions.map(convertAction);
  return out;
}
