// The risk rule of the guideline ("What are the Risks?"): a risk usually arises only where several
// elements (topic, partner, country, nature of the collaboration) come together.
import type { Dimension, Risk } from './ids.js';
import { riskRank, SEVERITIES } from './ids.js';
import type { FlagView } from './types.js';

export interface RiskAssessment {
  risk: Risk;
  /** Dimensions with at least one concern, in the guideline's order. */
  dimensions: Dimension[];
  blockers: FlagView[];
}

const ORDER: Dimension[] = ['topic', 'partner', 'country', 'collaboration'];

function atLeast(severity: FlagView['severity'], min: FlagView['severity']): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(min);
}

export function assessRisk(flags: FlagView[]): RiskAssessment {
  const concerns = flags.filter((f) => atLeast(f.severity, 'concern'));
  const dimensions = ORDER.filter((d) => concerns.some((f) => f.dimension === d));
  const blockers = flags.filter((f) => f.severity === 'blocker');
  const serious = flags.filter((f) => atLeast(f.severity, 'serious')).length;
  let risk: Risk = 'low';
  if (blockers.length > 0 || dimensions.length >= 3 || (serious > 0 && dimensions.length >= 2)) risk = 'high';
  else if (dimensions.length === 2 || serious > 0) risk = 'medium';
  return { risk, dimensions, blockers };
}

export function maxRisk(a: Risk, b: Risk): Risk {
  return riskRank(a) >= riskRank(b) ? a : b;
}
