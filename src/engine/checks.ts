// The checks a playbook runs against the lists the guideline names. Pure: the lists are data
// in the context, and screening is an in-memory index.
import type { CheckName } from '../content/schema/playbook.js';
import type { EngineContext } from './context.js';
import { holds } from './conditions.js';
import { deriveFacts } from './derived-facts.js';
import { inScope } from './restrictions.js';
import type { ConversationState, HitKind, NotCheckedList, ScreenedList, ScreeningHit, ScreeningSummary, UncheckedKind } from './types.js';

export interface CheckResult {
  flags: string[];
  hits: ScreeningHit[];
  screened?: ScreeningSummary;
}

function asList(value: ConversationState['facts'][string] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * A "hit" that is only a rule about the partner's country (the screener may report one) is not a list hit:
 * the engine applies country rules itself, from the facts (src/engine/restrictions.ts).
 */
function isCountryRule(h: ScreeningHit, ctx: EngineContext): boolean {
  return ctx.content.reference.restrictions.some((r) => r.id === h.id && (r.entities ?? []).length === 0 && r.lists.length === 0);
}

/** The flag a real hit raises, as the guideline treats each kind of listing (G:920-928). */
export function hitFlag(h: ScreeningHit): string | undefined {
  if (!h.match) return 'possible-list-match';
  if (h.list === 'seven-sons') return 'seven-sons';
  const kind = h.kind ?? (h.list === 'sanctions' || (h.topics ?? []).some((t) => t.startsWith('sanction')) ? 'sanction' : undefined);
  switch (kind) {
    case 'sanction':
      return 'sanctions-hit';
    case 'military':
      return 'military-list-hit';
    case 'risk-list':
      return 'risk-list-hit';
    case 'debarment':
      return 'debarment-hit';
    case 'export-control':
      return 'restricted-list-hit';
    case 'crime':
    case 'pep':
    case 'other':
      return 'other-list-hit';
    default:
      break;
  }
  if (h.list === 'chinese-military') return 'military-list-hit';
  // A named entity of a restriction (Huawei, ZTE): the restriction itself decides, from the facts.
  if ((h.topics ?? []).includes('restriction')) return undefined;
  return 'restricted-list-hit';
}

function screenPartner(state: ConversationState, ctx: EngineContext): CheckResult {
  const names = asList(state.facts.partnerName).filter((n) => n !== 'unsure');
  const country = asList(state.facts.countries)[0];
  const flags: string[] = [];
  const hits: ScreeningHit[] = [];
  const lists = new Map<string, ScreenedList>();
  const notChecked = new Map<string, NotCheckedList>();
  // Kinds of list that no loaded data covers (no sanctions list, say): said plainly, with where to check by hand.
  const missing = new Set<HitKind>();
  const checkByHand = new Map<HitKind, UncheckedKind>();
  for (const name of names) {
    const result = ctx.screen.screen(name, country ? { country, limit: 5 } : { limit: 5 });
    hits.push(...result.hits.filter((h) => !isCountryRule(h, ctx)));
    for (const l of result.lists) lists.set(l.id, l);
    for (const kind of result.missing ?? []) missing.add(kind);
    for (const c of result.checkByHand ?? []) if (!checkByHand.has(c.kind)) checkByHand.set(c.kind, c);
    for (const n of result.notChecked ?? []) notChecked.set(n.list, { list: n.list, name: n.name, reason: n.reason });
    if (result.lists.some((l) => l.stale)) flags.push('stale-screening-data');
  }
  for (const h of hits) {
    const flag = hitFlag(h);
    if (flag) flags.push(flag);
    // A PLA university on the list of Chinese military institutions has military ties by definition.
    if (flag === 'military-list-hit') flags.push('military-ties');
  }
  // A list that did not answer for one name was not checked for the conversation.
  for (const id of notChecked.keys()) lists.delete(id);
  const screened: ScreeningSummary = {
    names,
    lists: [...lists.values()],
    ...(notChecked.size > 0 ? { notChecked: [...notChecked.values()] } : {}),
    ...(missing.size > 0 ? { missing: [...missing], checkByHand: [...checkByHand.values()] } : {}),
  };
  return { flags, hits, ...(names.length ? { screened } : {}) };
}

function countryRisk(state: ConversationState, ctx: EngineContext): CheckResult {
  const countries = asList(state.facts.countries);
  const named = ctx.content.reference.riskCountries.filter((c) => countries.includes(c.code));
  const flags = named.length > 0 ? ['higher-risk-country'] : [];
  if (named.some((c) => c.authoritarian)) flags.push('authoritarian-state');
  // Iran, Russia, Belarus (G:32-34): what may be shared is a legal question (G:709-711), not a risk element.
  if (named.some((c) => c.embargo)) flags.push('embargo-country');
  return { flags, hits: [] };
}

function criticalTech(state: ConversationState): CheckResult {
  const domains = asList(state.facts.domains).filter((d) => d !== 'none' && d !== 'unsure');
  return { flags: domains.length > 0 ? ['critical-technology'] : [], hits: [] };
}

/**
 * Institution-level restrictions are applied when the outcome is built, once the deciding facts are in
 * (src/engine/restrictions.ts). Here we only note that one concerns this partner, so that the playbook
 * asks the facts that decide it (an agreement, the funder, the rectors' statement) and nothing else.
 */
function restrictions(state: ConversationState, ctx: EngineContext): CheckResult {
  const facts = state.playbook ? deriveFacts(state.facts, state.playbook.id, ctx.content.rules, state.signals) : state.facts;
  const scoped = ctx.content.reference.restrictions.some((r) => inScope(r, facts, state.screening));
  return { flags: scoped ? ['restriction-in-scope'] : [], hits: [] };
}

/** The flags of content/rules.yaml `relevance` whose condition holds now: which questions can change the advice. */
function relevance(state: ConversationState, ctx: EngineContext): CheckResult {
  // Derived facts count: a partner outside the EU is controlled from outside it (rules.yaml `derive`).
  const facts = state.playbook ? deriveFacts(state.facts, state.playbook.id, ctx.content.rules, state.signals) : state.facts;
  const scope = { facts, flags: new Set(state.flags) };
  return { flags: ctx.content.rules.relevance.filter((r) => holds(r.when, scope)).map((r) => r.flag), hits: [] };
}

export function runCheck(name: CheckName, state: ConversationState, ctx: EngineContext): CheckResult {
  switch (name) {
    case 'relevance':
      return relevance(state, ctx);
    case 'screen-partner':
      return screenPartner(state, ctx);
    case 'country-risk':
      return countryRisk(state, ctx);
    case 'critical-tech':
      return criticalTech(state);
    case 'restrictions':
      return restrictions(state, ctx);
  }
}
