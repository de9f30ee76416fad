// The researcher's "my cases" card (Teams): their cases with status, playbook and risk, and the contact
// point's open questions, each with the same Reply button (`case-reply:<caseId>`) as the chat's question.
import type { ResearcherCases } from '../../service/researcher-cases.js';
import { fill, heading, submitButtons } from './blocks.js';
import { labelled, plainText } from './plain-text.js';
import { emptyCard } from './reply-card.js';
import type { AdaptiveCard, UiLookup } from './types.js';

/** Cases listed on the card, newest first; the contact point keeps the older ones. */
const MAX_CASES = 20;

export function renderCasesCard(overview: ResearcherCases, playbookTitle: (id: string) => string, ui: UiLookup): AdaptiveCard {
  const card = emptyCard(ui);
  card.body.push(heading(ui('cards.my-cases-title'), 'large'));
  if (overview.questions.length > 0) {
    card.body.push(heading(ui('cards.my-cases-questions')));
    for (const q of overview.questions) {
      card.body.push(labelled(q.ref, q.text, { spacing: 'medium' }));
      if (q.here) card.body.push(...submitButtons([{ label: ui('engine.case-reply'), value: `case-reply:${q.caseId}` }], (c) => ({ action: c.value })));
      // The Reply of another conversation would find no open question here.
      else card.body.push(plainText(ui('cards.my-cases-elsewhere'), { isSubtle: true, spacing: 'small' }));
    }
  }
  if (overview.cases.length === 0) {
    card.body.push(plainText(ui('cards.my-cases-none'), { spacing: 'medium' }));
  } else {
    overview.cases.slice(0, MAX_CASES).forEach((c, i) => {
      const line = fill(ui('cards.my-cases-line'), {
        playbook: playbookTitle(c.playbook),
        status: ui(`cards.researcher-status-${c.status}`),
        risk: ui(`engine.risk-${c.risk}`),
        date: c.createdAt.slice(0, 10),
      });
      card.body.push(labelled(c.ref, line, { spacing: i === 0 ? 'medium' : 'small' }));
    });
    const more = overview.cases.length - MAX_CASES;
    if (more > 0) card.body.push(plainText(fill(ui('cards.my-cases-more'), { count: String(more) }), { isSubtle: true, spacing: 'small' }));
  }
  card.body.push(plainText(ui('cards.my-cases-hint'), { isSubtle: true, spacing: 'medium' }));
  return card;
}
