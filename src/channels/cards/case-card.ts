// CaseRecord → the contact point's card: everything needed to judge the case, and the actions on it.
import type { CaseRecord } from '../../store/types.js';
import type { AdviceItem } from '../../engine/types.js';
import { bullet, citationLine, fill, flagsSection, heading, riskBanner, screeningSection, sectionTitle } from './blocks.js';
import { labelled, plainText } from './plain-text.js';
import { emptyCard } from './reply-card.js';
import { CASE_ADVICE_INPUT, CASE_QUESTION_INPUT, type CaseCardActionName } from './submit.js';
import { CARD_VERSION, type AdaptiveCard, type CardAction, type CardElement, type UiLookup } from './types.js';

/** Events whose text the contact point needs to see again (questions, answers, advice). */
const TEXT_EVENTS = new Set(['asked', 'answered', 'closed', 'reopened']);

export function renderCaseCard(c: CaseRecord, ui: UiLookup): AdaptiveCard {
  const card = emptyCard(ui);
  card.msteams = { width: 'Full' };
  const outcome = c.draft.outcome;
  const researcher = c.researcher.name ? `${c.researcher.name} (${c.researcher.id})` : c.researcher.id;
  card.body.push(
    heading(fill(ui('cards.case-title'), { ref: c.ref }), 'large'),
    labelled(ui('cards.status'), ui(`cards.status-${c.status}`)),
    labelled(ui('cards.researcher'), `${researcher} · ${c.researcher.channel}`, { spacing: 'small' }),
    labelled(ui('cards.playbook'), outcome.playbookTitle, { spacing: 'small' }),
    labelled(ui('cards.created'), c.createdAt, { spacing: 'small' }),
  );
  if (c.assignee) {
    card.body.push(labelled(ui('cards.assignee'), c.assignee.name ?? c.assignee.id, { spacing: 'small' }));
  }
  card.body.push(riskBanner(ui('cards.risk'), outcome.riskLabel, outcome.risk), plainText(outcome.assessment));
  if (outcome.riskReasons.length > 0) card.body.push(...outcome.riskReasons.map(bullet));

  card.body.push(...answersSection(c, ui), ...factsSection(c, ui));
  card.body.push(...flagsSection(outcome.flags, ui), ...screeningSection(outcome.screening, ui, true));
  card.body.push(...stepsSection(ui('cards.steps'), outcome.steps, ui));
  if (outcome.citations.length > 0) {
    card.body.push(sectionTitle(ui('cards.sources')), ...outcome.citations.map((x) => bullet(`${x.title} (${x.section})`)));
  }
  card.body.push(...historySection(c, ui));
  if (c.advice) card.body.push(sectionTitle(ui('cards.advice')), plainText(c.advice));

  const actions = caseActions(c, ui);
  if (actions.length > 0) card.actions = actions;
  return card;
}

function answersSection(c: CaseRecord, ui: UiLookup): CardElement[] {
  const answers = c.draft.answers;
  if (answers.length === 0) return [];
  const out: CardElement[] = [sectionTitle(ui('cards.answers'))];
  for (const a of answers) {
    const how = a.inferred ? ` (${ui('cards.answer-inferred')})` : a.typed ? ` (${ui('cards.answer-typed')})` : '';
    out.push(plainText(a.question, { weight: 'bolder', spacing: 'small' }), plainText(`→ ${a.label}${how}`, { spacing: 'none' }));
  }
  return out;
}

function factsSection(c: CaseRecord, ui: UiLookup): CardElement[] {
  const entries = Object.entries(c.draft.facts);
  if (entries.length === 0) return [];
  return [
    sectionTitle(ui('cards.facts')),
    ...entries.map(([key, value]) => bullet(`${key}: ${Array.isArray(value) ? value.join(', ') : value}`)),
  ];
}

function stepsSection(title: string, items: AdviceItem[], ui: UiLookup): CardElement[] {
  if (items.length === 0) return [];
  return [sectionTitle(title), ...items.flatMap((i) => [bullet(i.text), ...citationLine(i.cites, ui)])];
}

function historySection(c: CaseRecord, ui: UiLookup): CardElement[] {
  const events = c.history.filter((e) => e.action !== 'created');
  if (events.length === 0) return [];
  const out: CardElement[] = [sectionTitle(ui('cards.history'))];
  for (const e of events) {
    const who = e.actor.name ?? e.actor.id;
    out.push(plainText(`${e.at} · ${who} · ${ui(`cards.event-${e.action}`)}`, { isSubtle: true, spacing: 'small' }));
    if (e.text && TEXT_EVENTS.has(e.action)) out.push(plainText(e.text, { spacing: 'none' }));
  }
  return out;
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
