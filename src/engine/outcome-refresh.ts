// Rebuilds the outcome after the institution became known, so the contact point is the right one.
import { buildOutcome } from './outcome.js';
import type { Turn } from './turn.js';

export function finishOutcomeSilently(turn: Turn): void {
  const pb = turn.playbook;
  const node = pb && turn.state.step ? pb.steps[turn.state.step] : undefined;
  if (!pb || !node || node.type !== 'outcome') return;
  turn.state.outcome = buildOutcome(pb, node, turn.state, turn.ctx.content);
}
