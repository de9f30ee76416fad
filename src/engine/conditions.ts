// Evaluates the `when` conditions of playbook steps and outcome items.
import type { Condition } from '../content/schema/playbook.js';
import type { Risk } from './ids.js';
import type { Facts } from './types.js';

export interface ConditionScope {
  facts: Facts;
  flags: ReadonlySet<string>;
  risk?: Risk;
  /** See the `pointsToRisk` condition; set for outcome items once the risk is known. */
  pointsToRisk?: boolean;
}

function factMatches(value: Facts[string] | undefined, wanted: string | string[]): boolean {
  if (value === undefined) return false;
  const wantedList = Array.isArray(wanted) ? wanted : [wanted];
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => wantedList.includes(v));
}

export function holds(condition: Condition | undefined, scope: ConditionScope): boolean {
  if (!condition) return true;
  if (condition.flags && !condition.flags.every((f) => scope.flags.has(f))) return false;
  if (condition.anyFlags && !condition.anyFlags.some((f) => scope.flags.has(f))) return false;
  if (condition.notFlags?.some((f) => scope.flags.has(f))) return false;
  if (condition.known && !condition.known.every((k) => scope.facts[k] !== undefined)) return false;
  if (condition.facts) {
    for (const [fact, wanted] of Object.entries(condition.facts)) {
      if (!factMatches(scope.facts[fact], wanted)) return false;
    }
  }
  if (condition.notFacts) {
    for (const [fact, unwanted] of Object.entries(condition.notFacts)) {
      if (factMatches(scope.facts[fact], unwanted)) return false;
    }
  }
  if (condition.risk && (scope.risk === undefined || !condition.risk.includes(scope.risk))) return false;
  if (condition.pointsToRisk !== undefined && condition.pointsToRisk !== (scope.pointsToRisk ?? false)) return false;
  if (condition.any && !condition.any.some((c) => holds(c, scope))) return false;
  return true;
}
