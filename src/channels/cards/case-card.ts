// CaseRecord → the contact point's card: everything needed to judge the case, and the actions on it.
import type { CaseRecord } from '../../store/types.js';
import { caseDocument, type CaseDocumentSource, type FactNames, textsFromLookup } from '../../document/index.js';
import { fill, heading } from './blocks.js';
import { documentElements } from './document.js';
import { emptyCard } from './reply-card.js';
import { CASE_ADVICE_INPUT, CASE_QUESTION_INPUT, type CaseCardActionName } from './submit.js';
import { CARD_VERSION, type AdaptiveCard, type CardAction, type UiLookup } from './types.js';

/** Everything needed to judge the case (the shared case document), and the actions on it. */
export function renderCaseCard(c: CaseRecord, ui: UiLookup, names?: FactNames): AdaptiveCard {
  const card = emptyCard(ui);
  card.msteams = { width: 'Full' };
  const source: CaseDocumentSource = names ? { t: textsFromLookup(ui), names } : { t: textsFromLookup(ui) };
  card.body.push(heading(fill(ui('cards.case-title'), { ref: c.ref }), 'large'), ...documentElements(caseDocument(c, source), ui));
  const actions = caseActions(c, ui);
  if (actions.length > 0) card.actions = actions;
  return card;
}

function caseActions(c: CaseRecord, ui: UiLookup): CardAction[] {
  if (c.status === 'closed') return [];
  const data = (action: CaseCardActionName) => ({ caseAction: action, caseId: c.id });
  const actions: CardAction[] = [];
  if (c.status === 'open') {
    actions.push({ type: 'Action.Submit', title: ui('cards.take'), data: data('take'), style: 'positive' });
  }
  actions.push(
    {
      type: 'Action.ShowCard',
      title: ui('cards.ask'),
      card: {
        type: 'AdaptiveCard',
        version: CARD_VERSION,
        body: [
          {
            type: 'Input.Text',
            id: CASE_QUESTION_INPUT,
            label: ui('cards.ask-label'),
            placeholder: ui('cards.ask-placeholder'),
            isMultiline: true,
            isRequired: true,
            errorMessage: ui('cards.input-required'),
            maxLength: 2000,
          },
        ],
        actions: [{ type: 'Action.Submit', title: ui('cards.ask-send'), data: data('ask') }],
      },
    },
    {
      type: 'Action.ShowCard',
      title: ui('cards.close'),
      card: {
        type: 'AdaptiveCard',
        version: CARD_VERSION,
        body: [
          {
            type: 'Input.Text',
            id: CASE_ADVICE_INPUT,
            label: ui('cards.close-label'),
            placeholder: ui('cards.close-placeholder'),
            isMultiline: true,
            isRequired: true,
            errorMessage: ui('cards.input-required'),
            maxLength: 4000,
          },
        ],
        actions: [{ type: 'Action.Submit', title: ui('cards.close-send'), data: data('close'), style: 'positive' }],
      },
    },
  );
  return actions;
}
