// The risk rule of the guideline ("What are the Risks?", G:103-106): a risk usually arises only where
// several elements (topic, partner, country, nature of the collaboration) come together. The thresholds
// are data (content/rules.yaml); this file only counts what is known. "Not sure" is never counted.
import type { RiskRule, Rules, Situation } from '../content/schema/rules.js';
import type { Dimension, Risk } from './ids.js';
import { riskRank, SEVERITIES } from './ids.js';
import type { FlagView } from './types.js';

export interface RiskAssessment {
  risk: Risk;
  /** Dimensions with at least one concern, in the guideline's order. */
  dimensions: Dimension[];
  blockers: FlagView[];
  serious: number;
  /** The rule of content/rules.yaml that set the risk. */
  rule: RiskRule;
}

const DIMENSION_ORDER: Dimension[] = ['topic', 'partner', 'country', 'collaboration'];

function atLeast(severity: FlagView['severity'], min: FlagView['severity']): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(min);
}

/** What the rules look at, once the outcome's duties, hits and open points are known. */
export interface SituationFacts {
  flags: FlagView[];
  risk?: Risk;
  requiredDuty: boolean;
  licenceDuty: boolean;
  listHit: boolean;
  openPoints: boolean;
  /** Set once the risk is known (rules.yaml `pointsToRisk`); unset while the risk itself is assessed. */
  pointsToRisk?: boolean;
}

export function elementsOf(flags: readonly FlagView[]): Dimension[] {
  const concerns = flags.filter((f) => atLeast(f.severity, 'concern'));
  return DIMENSION_ORDER.filter((d) => concerns.some((f) => f.dimension === d));
}

export function situationHolds(when: Situation, s: SituationFacts): boolean {
  const elements = elementsOf(s.flags).length;
  const serious = s.flags.filter((f) => atLeast(f.severity, 'serious')).length;
  const blockers = s.flags.some((f) => f.severity === 'blocker');
  const concerns = s.flags.some((f) => atLeast(f.severity, 'concern'));
  const flagIds = new Set(s.flags.map((f) => f.id));
  const checks: Array<[boolean | undefined, boolean]> = [
    [when.blockers, blockers],
    [when.requiredDuty, s.requiredDuty],
    [when.licenceDuty, s.licenceDuty],
    [when.listHit, s.listHit],
    [when.openPoints, s.openPoints],
    [when.concerns, concerns],
  ];
  for (const [wanted, actual] of checks) if (wanted !== undefined && wanted !== actual) return false;
  if (when.minElements !== undefined && elements < when.minElements) return false;
  if (when.elements && !when.elements.every((d) => elementsOf(s.flags).includes(d))) return false;
  if (when.anyElements && !when.anyElements.some((d) => elementsOf(s.flags).includes(d))) return false;
  if (when.onlyElements && !elementsOf(s.flags).every((d) => when.onlyElements?.includes(d))) return false;
  if (when.minSerious !== undefined && serious < when.minSerious) return false;
  if (when.maxSerious !== undefined && serious > when.maxSerious) return false;
  if (when.risk && (s.risk === undefined || !when.risk.includes(s.risk))) return false;
  if (when.pointsToRisk !== undefined && when.pointsToRisk !== (s.pointsToRisk ?? false)) return false;
  if (when.anyFlags && !when.anyFlags.some((f) => flagIds.has(f))) return false;
  if (when.notFlags?.some((f) => flagIds.has(f))) return false;
  return true;
}

export function assessRisk(rules: Rules, s: SituationFacts): RiskAssessment {
  const rule = rules.risk.find((r) => situationHolds(r.when, s)) ?? rules.risk[rules.risk.length - 1];
  if (!rule) throw new Error('content/rules.yaml has no risk rule');
  return {
    risk: rule.risk,
    dimensions: elementsOf(s.flags),
    blockers: s.flags.filter((f) => f.severity === 'blocker'),
    serious: s.flags.filter((f) => atLeast(f.severity, 'serious')).length,
    rule,
  };
}

export function maxRisk(a: Risk, b: Risk): Risk {
  return riskRank(a) >= riskRank(b) ? a : b;
}
