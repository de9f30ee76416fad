// After an outcome: offer the contact point, find the institution, confirm, and create the case.
import { finishOutcomeSilently } from './outcome-refresh.js';
import { contactPointView } from './outcome.js';
import { summaryMarkdown } from './summary.js';
import type { Turn } from './turn.js';
import type { CaseDraft, Choice } from './types.js';

/** A short case number people can read out: RS- and eight characters of the fresh id. */
function caseRef(newId: string): string {
  return `RS-${newId
    .replace(/[^a-zA-Z0-9]/g, '')
    .slice(0, 8)
    .toUpperCase()}`;
}

export function beginEscalation(turn: Turn): void {
  const s = turn.state;
  if (!s.outcome || s.outcome.playbook === turn.ctx.content.knowledgePlaybook) return turn.showMenu();
  const institution = typeof s.facts.institution === 'string' ? s.facts.institution : undefined;
  if (institution && turn.ctx.content.reference.contactPoints.some((c) => c.id === institution)) return confirmPrompt(turn);
  s.phase = 'choosing-institution';
  turn.menu(turn.t('choose-institution'), [
    ...turn.ctx.content.reference.contactPoints.map((c) => ({ label: c.short, value: `inst:${c.id}` })),
    { label: turn.t('institution-other'), value: 'inst:other' },
  ]);
}

export function chooseInstitution(turn: Turn, id: string): void {
  const s = turn.state;
  if (!s.outcome) return turn.showMenu();
  if (id === 'other' || !turn.ctx.content.reference.contactPoints.some((c) => c.id === id)) {
    s.phase = 'idle';
    turn.menu(turn.t('institution-not-listed'), [{ label: turn.t('new-question'), value: 'menu' }]);
    return;
  }
  s.facts.institution = id;
  finishOutcomeSilently(turn);
  confirmPrompt(turn);
}

function confirmPrompt(turn: Turn): void {
  const s = turn.state;
  const cp = s.outcome?.contactPoint ?? contactPointView(turn.ctx.content, String(s.facts.institution), []);
  if (!cp) return turn.showMenu();
  s.phase = 'confirming';
  turn.menu(turn.t('confirm', { name: cp.name, email: cp.email }), [
    { label: turn.t('confirm-yes'), value: 'confirm:yes' },
    { label: turn.t('confirm-no'), value: 'confirm:no' },
  ]);
}

export function confirmEscalation(turn: Turn): void {
  const s = turn.state;
  const outcome = s.outcome;
  const cp = outcome?.contactPoint;
  if (!outcome || !cp || outcome.playbook === turn.ctx.content.knowledgePlaybook) return turn.showMenu();
  const ref = caseRef(turn.meta.newId);
  const draft: CaseDraft = {
    id: turn.meta.newId,
    ref,
    playbook: outcome.playbook,
    lang: s.lang,
    institution: cp.id,
    createdAt: turn.meta.at,
    facts: structuredClone(s.facts),
    answers: structuredClone(s.answers),
    outcome: structuredClone(outcome),
    summaryMarkdown: summaryMarkdown(outcome, s.facts, s.answers, turn.ctx.content, s.lang),
  };
  turn.effects.push({ type: 'escalate', case: draft });
  s.cases = [...s.cases, ref];
  s.phase = 'escalated';
  turn.replies.push({ kind: 'case-created', caseRef: ref, contactPoint: cp, text: turn.t('case-created', { ref, name: cp.name, email: cp.email }) });
}

export function declineEscalation(turn: Turn): void {
  const s = turn.state;
  const cp = s.outcome?.contactPoint;
  s.phase = 'idle';
  const text = cp ? turn.t('escalate-declined', { name: cp.name, email: cp.email }) : turn.t('escalate-declined-unknown');
  turn.menu(text, afterNotNow(turn));
}

export function cancelEscalation(turn: Turn): void {
  turn.state.phase = 'idle';
  turn.menu(turn.t('escalation-cancelled'), afterNotNow(turn));
}

/** After "Not now" or "Cancel" the case can still be sent, as long as this outcome is the last one. */
function afterNotNow(turn: Turn): Choice[] {
  const sendable = turn.state.outcome !== undefined && turn.state.outcome.playbook !== 'faq';
  return [...(sendable ? [{ label: turn.t('escalate-yes'), value: 'escalate:yes' }] : []), { label: turn.t('new-question'), value: 'menu' }];
}
