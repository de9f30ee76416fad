// Facts from an analysed message: countries, technology areas, institutions, funders, the kind
// of partner, the user's own institution and the situations recognised, each with its reason.
import type { ExtractedFacts, InstitutionMention, PartnerKind } from '../engine/types.js';
import { typed, type Analysis } from './analyse.js';
import type { InstitutionEntry, Lexicon } from './lexicon.js';

function pushUnique<T>(list: T[], value: T): boolean {
  if (list.includes(value)) return false;
  list.push(value);
  return true;
}

const KIND_OF_INSTITUTION: Record<InstitutionMention['kind'], PartnerKind | undefined> = {
  university: 'university',
  academy: 'research-institute',
  company: 'company',
  defence: 'company',
  government: 'government',
  hospital: 'hospital',
  'research-institute': 'research-institute',
  funder: undefined,
};

/** True when a "where I work" phrase ends just before position `at` (a "the"/"de" may sit between). */
function saidAsHome(lexicon: Lexicon, a: Analysis, at: number): boolean {
  let i = at;
  for (let skipped = 0; skipped <= 2; skipped++) {
    if (a.homeEnds.has(i)) return true;
    const before = a.tokens[i - 1];
    if (!before || !lexicon.homeSkip.has(before.forms[0] ?? '')) return false;
    i--;
  }
  return false;
}

export function extractFacts(lexicon: Lexicon, a: Analysis): ExtractedFacts {
  const home = lexicon.content.intents.homeCountry;
  const why: string[] = [...a.notes.map((n) => `typo or compound: ${n}`)];
  const countries: string[] = [];
  const institutions: InstitutionMention[] = [];
  const funders: string[] = [];
  const signals: string[] = [];
  let homeInstitution: string | undefined;
  const homeSpans: Array<{ start: number; end: number }> = [];
  const kindCandidates: Array<{ at: number; kind: PartnerKind; words: string }> = [];

  const addSignal = (signal: string, reason: string): void => {
    if (lexicon.internalSignals.has(signal)) return;
    if (pushUnique(signals, signal)) why.push(`signal ${signal} ← ${reason}`);
  };

  for (const m of a.places) {
    const p = m.entry.payload;
    const words = typed(a.tokens, m);
    if (p.kind === 'country') {
      if (pushUnique(countries, p.code)) why.push(`country ${p.code} ← "${words}"`);
    } else if (p.kind === 'institution') {
      const inst: InstitutionEntry = p.institution;
      // The user's own institution ("I work at KU Leuven") routes the case; it is neither a partner nor a partner country.
      if (inst.contactPoint && homeInstitution === undefined && saidAsHome(lexicon, a, m.start)) {
        homeInstitution = inst.contactPoint;
        homeSpans.push(m);
        why.push(`home institution ${inst.contactPoint} ← "${words}"`);
        continue;
      }
      if (!inst.group && !institutions.some((i) => i.id === inst.id)) {
        institutions.push({
          id: inst.id,
          name: inst.name,
          kind: inst.kind,
          matched: words,
          ...(inst.country ? { country: inst.country } : {}),
        });
        why.push(`institution ${inst.id} ← "${words}"`);
      }
      if (inst.country && pushUnique(countries, inst.country)) why.push(`country ${inst.country} ← "${words}" (${inst.name})`);
      for (const s of inst.signals) addSignal(s, `"${words}" (${inst.name})`);
      const kind = inst.partnerKind ?? KIND_OF_INSTITUTION[inst.kind];
      if (kind) kindCandidates.push({ at: m.start, kind, words });
    } else if (p.kind === 'funder') {
      if (pushUnique(funders, p.funder.id)) why.push(`funder ${p.funder.id} ← "${words}"`);
      if (p.funder.country && pushUnique(countries, p.funder.country)) {
        why.push(`country ${p.funder.country} ← "${words}" (${p.funder.name})`);
      }
      for (const s of p.funder.signals) addSignal(s, `"${words}" (${p.funder.name})`);
    }
  }
  // The home country goes last, so that countries[0] is the foreign one when there is one.
  if (countries.length > 1 && countries.includes(home)) {
    countries.splice(countries.indexOf(home), 1);
    countries.push(home);
  }

  const domains: ExtractedFacts['domains'] = [];
  for (const m of a.domains) {
    if (pushUnique(domains, m.entry.payload)) why.push(`domain ${m.entry.payload} ← "${typed(a.tokens, m)}"`);
  }

  for (const m of a.signals) addSignal(m.entry.payload, `"${typed(a.tokens, m)}"`);

  for (const m of a.partnerKinds) {
    if (homeSpans.some((h) => m.start < h.end && h.start < m.end)) continue;
    kindCandidates.push({ at: m.start, kind: m.entry.payload, words: typed(a.tokens, m) });
  }
  // The first organisation named is the partner; a person only when no organisation is named.
  kindCandidates.sort((x, y) => x.at - y.at);
  const partner = kindCandidates.find((c) => c.kind !== 'individual') ?? kindCandidates[0];
  if (partner) why.push(`partner kind ${partner.kind} ← "${partner.words}"`);

  const facts: ExtractedFacts = { countries, domains, institutions, funders, signals, why };
  if (partner) facts.partnerKind = partner.kind;
  if (homeInstitution) facts.homeInstitution = homeInstitution;
  return facts;
}
