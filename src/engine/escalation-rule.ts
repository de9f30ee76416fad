// The escalation rule (content/rules.yaml `escalation`): the contact point is required where a duty, a
// restriction that bites, a real list hit or high risk makes it necessary; otherwise help is offered when
// there is something to look at (G:525-526); otherwise neither.
import type { EscalationRule, Rules } from '../content/schema/rules.js';
import { situationHolds, type SituationFacts } from './risk.js';
import type { Escalation } from './types.js';

export interface EscalationDecision {
  escalation: Escalation;
  rule?: EscalationRule;
}

export function decideEscalation(rules: Rules, s: SituationFacts): EscalationDecision {
  const required = rules.escalation.required.find((r) => situationHolds(r.when, s));
  if (required) return { escalation: 'required', rule: required };
  const offered = rules.escalation.offered.find((r) => situationHolds(r.when, s));
  if (offered) return { escalation: 'offered', rule: offered };
  return { escalation: 'none' };
}
