// Facts that follow from others (content/rules.yaml `derive`) and from EU membership. They are used by the
// outcome and the restrictions only; what the researcher said is never overwritten.
import type { Rules } from '../content/schema/rules.js';
import type { PlaybookId } from './ids.js';
import type { Facts } from './types.js';

function values(v: Facts[string] | undefined): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/** The countries named in the conversation (ISO codes), without "not sure". */
function knownCountries(facts: Facts): string[] {
  return values(facts.countries).filter((c) => /^[A-Z]{2}$/.test(c));
}

/** "yes" when a named country is outside the EU, "no" when every named country is in it; unset otherwise. */
function outsideEu(facts: Facts, rules: Rules): 'yes' | 'no' | undefined {
  const countries = knownCountries(facts);
  if (countries.length === 0) return undefined;
  return countries.some((c) => !rules.eu.includes(c)) ? 'yes' : 'no';
}

export function deriveFacts(facts: Facts, playbook: PlaybookId, rules: Rules, signals: readonly string[] = []): Facts {
  const out: Facts = { ...facts };
  const said = rules.explicitOutsideEuFacts.some((f) => values(facts[f]).includes('yes'));
  const eu = said ? 'yes' : outsideEu(facts, rules);
  if (eu && out.partnerOutsideEu === undefined) out.partnerOutsideEu = eu;
  for (const d of rules.derive) {
    if (out[d.fact] !== undefined) continue;
    if (d.when.playbooks && !d.when.playbooks.includes(playbook)) continue;
    // What is derived counts too, in order: a partner outside the EU is controlled from outside it.
    const factsHold = Object.entries(d.when.facts ?? {}).every(([k, wanted]) => values(out[k]).some((v) => wanted.includes(v)));
    const signalsHold = !d.when.signals || d.when.signals.some((s) => signals.includes(s));
    if (factsHold && signalsHold) out[d.fact] = d.value;
  }
  return out;
}
