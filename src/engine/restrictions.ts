// Institution-level restrictions (content/restrictions.yaml), applied only where they bite: the partner is in
// their scope (country and kind, a named list, a named entity) AND every deciding condition holds. A condition
// the researcher could not answer makes the restriction a point to check with the contact point, never a hit.
import type { Restriction, RestrictionCondition } from '../content/types.js';
import type { Facts, ScreeningHit } from './types.js';

export interface RestrictionCheck {
  restriction: Restriction;
  /** The conditions still to be checked (unknown or "not sure"). */
  open: RestrictionCondition[];
}

export interface RestrictionResult {
  bites: Restriction[];
  toCheck: RestrictionCheck[];
  /** Rules of the funder that funds the work which concern this partner, whether or not they bite. */
  funderRules: Restriction[];
}

function values(v: Facts[string] | undefined): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

function wordIn(haystack: string, word: string): boolean {
  return new RegExp(`(^|[^\\p{L}])${word.toLowerCase()}([^\\p{L}]|$)`, 'u').test(haystack.toLowerCase());
}

/** Whether the restriction concerns this partner at all. */
export function inScope(r: Restriction, facts: Facts, hits: readonly ScreeningHit[]): boolean {
  const real = hits.filter((h) => h.match);
  if (r.lists.some((l) => real.some((h) => h.list === l))) return true;
  const names = values(facts.partnerName);
  if ((r.entities ?? []).some((e) => names.some((n) => wordIn(n, e)) || real.some((h) => (h.topics ?? []).includes(r.flag)))) return true;
  // A rule without countries, lists or entities (Horizon's Article 22(5)) concerns a partner when what is
  // known about the work fits it, and what is still open is only to check (whether the call is closed); who funds the
  // work is then asked.
  if (r.countries.length === 0 && r.lists.length === 0 && (r.entities ?? []).length === 0) {
    const others = r.conditions.filter((c) => c.fact !== 'funders');
    return others.some((c) => conditionState(c, facts) === 'holds') && others.every((c) => conditionState(c, facts) !== 'fails');
  }
  if (r.countries.length === 0) return false;
  const countries = values(facts.countries);
  if (!r.countries.some((c) => countries.includes(c))) return false;
  if (r.partnerKinds.includes('any')) return true;
  // A colleague's institution signs the agreement: in an institutional collaboration the partner is the
  // institution, whatever the researcher's own contact is (G:590-592, G:599-601).
  const said = values(facts.partnerKind)[0];
  const kind = said === 'individual' && values(facts.institutional).includes('yes') ? undefined : said;
  // A rule for military institutions says nothing about a partner we cannot classify; other rules on a
  // country's knowledge institutions keep the partner in scope until we know it is something else.
  if (kind === undefined || kind === 'unsure') return !r.partnerKinds.every((k) => k === 'military');
  return r.partnerKinds.includes(kind);
}

type ConditionState = 'holds' | 'fails' | 'open';

function conditionState(c: RestrictionCondition, facts: Facts): ConditionState {
  const vs = values(facts[c.fact]);
  if (vs.some((v) => c.values.includes(v))) return 'holds';
  if ((c.orFacts ?? []).some((f) => values(facts[f]).some((v) => c.values.includes(v)))) return 'holds';
  const known = vs.filter((v) => v !== 'unsure');
  if (vs.includes('unsure') && known.length === 0) return 'open';
  if (known.length > 0) return 'fails';
  return c.ifUnknown === 'check' ? 'open' : 'fails';
}

export function evaluateRestrictions(restrictions: readonly Restriction[], facts: Facts, hits: readonly ScreeningHit[]): RestrictionResult {
  const bites: Restriction[] = [];
  const toCheck: RestrictionCheck[] = [];
  const funderRules: Restriction[] = [];
  for (const r of restrictions) {
    if (!inScope(r, facts, hits)) continue;
    const states = r.conditions.map((c) => ({ c, s: conditionState(c, facts) }));
    if (states.some((x) => x.c.fact === 'funders' && x.s === 'holds')) funderRules.push(r);
    if (states.some((x) => x.s === 'fails')) continue;
    const open = states.filter((x) => x.s === 'open').map((x) => x.c);
    if (open.length === 0 && !r.onlyCheck) bites.push(r);
    else toCheck.push({ restriction: r, open: open.length > 0 ? open : r.conditions });
  }
  return { bites, toCheck, funderRules };
}
