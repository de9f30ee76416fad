// The checks a playbook runs against the lists the guideline names. Pure: the lists are data
// in the context, and screening is an in-memory index.
import type { CheckName } from '../content/schema/playbook.js';
import type { EngineContext } from './context.js';
import type { ConversationState, NotCheckedList, ScreenedList, ScreeningHit, ScreeningSummary } from './types.js';

export interface CheckResult {
  flags: string[];
  hits: ScreeningHit[];
  screened?: ScreeningSummary;
}

function asList(value: ConversationState['facts'][string] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function screenPartner(state: ConversationState, ctx: EngineContext): CheckResult {
  const names = asList(state.facts.partnerName).filter((n) => n !== 'unsure');
  const country = asList(state.facts.countries)[0];
  const flags: string[] = [];
  const hits: ScreeningHit[] = [];
  const lists = new Map<string, ScreenedList>();
  const notChecked = new Map<string, NotCheckedList>();
  for (const name of names) {
    const result = ctx.screen.screen(name, country ? { country, limit: 5 } : { limit: 5 });
    hits.push(...result.hits);
    for (const l of result.lists) lists.set(l.id, l);
    for (const n of result.notChecked ?? []) notChecked.set(n.list, { list: n.list, name: n.name, reason: n.reason });
    if (result.lists.some((l) => l.stale)) flags.push('stale-screening-data');
  }
  for (const h of hits) {
    if (!h.match) flags.push('possible-list-match');
    else if (h.list === 'seven-sons') flags.push('seven-sons');
    else if (h.list === 'sanctions' || (h.topics ?? []).some((t) => t.startsWith('sanction'))) flags.push('sanctions-hit');
    else flags.push('restricted-list-hit');
  }
  // A list that did not answer for one name was not checked for the conversation.
  for (const id of notChecked.keys()) lists.delete(id);
  const screened: ScreeningSummary = { names, lists: [...lists.values()], ...(notChecked.size > 0 ? { notChecked: [...notChecked.values()] } : {}) };
  return { flags, hits, ...(names.length ? { screened } : {}) };
}

function countryRisk(state: ConversationState, ctx: EngineContext): CheckResult {
  const countries = asList(state.facts.countries);
  const risky = ctx.content.reference.riskCountries.some((c) => countries.includes(c.code));
  return { flags: risky ? ['higher-risk-country'] : [], hits: [] };
}

function criticalTech(state: ConversationState): CheckResult {
  const domains = asList(state.facts.domains).filter((d) => d !== 'none' && d !== 'unsure');
  return { flags: domains.length > 0 ? ['critical-technology'] : [], hits: [] };
}

/** Institution-level restrictions: by country and kind of partner, or by the list a partner is on. */
function restrictions(state: ConversationState, ctx: EngineContext, raised: ReadonlySet<string>): CheckResult {
  const countries = asList(state.facts.countries);
  const kind = asList(state.facts.partnerKind)[0];
  const flags: string[] = [];
  for (const r of ctx.content.reference.restrictions) {
    const byCountry =
      r.countries.some((c) => countries.includes(c)) &&
      (r.partnerKinds.includes('any') || (kind !== undefined && r.partnerKinds.includes(kind)));
    const byList = r.lists.some((l) => raised.has(l));
    if (byCountry || byList) flags.push(r.flag);
  }
  return { flags, hits: [] };
}

export function runCheck(name: CheckName, state: ConversationState, ctx: EngineContext): CheckResult {
  switch (name) {
    case 'screen-partner':
      return screenPartner(state, ctx);
    case 'country-risk':
      return countryRisk(state, ctx);
    case 'critical-tech':
      return criticalTech(state);
    case 'restrictions':
      return restrictions(state, ctx, new Set(state.flags));
  }
}
