// Facts from an analysed message: countries, technology areas, institutions, funders, the kind
// of partner, the user's own institution and the situations recognised, each with its reason.
// A fact keeps whom it is about (the partner, its owners, co-authors) and whether it was said,
// denied ("none of it is on the dual-use list") or left open ("not sure whether").
import type { ExtractedFacts, InstitutionMention, PartnerKind } from '../engine/types.js';
import { typed, type Analysis } from './analyse.js';
import type { Attribution, InstitutionEntry, Lexicon } from './lexicon.js';
import type { Token } from './phrases.js';
import { asked, near, polarity, type Polarity } from './scope.js';
import { fold, words } from './text.js';

/** How many words may sit between "materials" and the technology they are for ("materials for fusion reactors"). */
const MADE_FOR_WINDOW = 3;

function pushUnique<T>(list: T[], value: T): boolean {
  if (list.includes(value)) return false;
  list.push(value);
  return true;
}

const KIND_OF_INSTITUTION: Record<InstitutionMention['kind'], PartnerKind | undefined> = {
  university: 'university',
  academy: 'research-institute',
  company: 'company',
  // A defence body whose name says nothing more (the PLA) is the military, never "a company".
  defence: 'military',
  government: 'government',
  hospital: 'hospital',
  'research-institute': 'research-institute',
  funder: undefined,
};

/** Most specific first: "Academy of Sciences" is an institute, "Military Academy" a university. */
const NAME_KIND_ORDER: PartnerKind[] = ['hospital', 'university', 'research-institute', 'government', 'company', 'military', 'individual'];

/** The kind of organisation its name says: "… University", "… Hospital", "… GmbH". */
function kindFromName(lexicon: Lexicon, name: string): PartnerKind | undefined {
  const tokens: Token[] = words(name).map((w) => ({ orig: w.orig, forms: [w.norm] }));
  const found = lexicon.kindFromName.matchAll(tokens);
  if (found.length === 0) return undefined;
  // The longest phrase decides ("Academy of Sciences" over "Academy"); then the more specific kind.
  const longest = Math.max(...found.map((m) => m.end - m.start));
  const kinds = found.filter((m) => m.end - m.start === longest).map((m) => m.entry.payload);
  return NAME_KIND_ORDER.find((k) => kinds.includes(k));
}

/** "Chinese University", "Dutch Company": a place or demonym and a kind word, no name. */
function onlyPlaceAndKind(lexicon: Lexicon, name: string): boolean {
  const tokens: Token[] = words(name).map((w) => ({ orig: w.orig, forms: [w.norm] }));
  const places = lexicon.places.matchAll(tokens).filter((m) => m.entry.payload.kind === 'country');
  const kinds = lexicon.kindFromName.matchAll(tokens);
  return tokens.every((_, i) => places.some((m) => m.start <= i && i < m.end) || kinds.some((m) => m.start <= i && i < m.end));
}

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

const ORG_SUFFIX = String.raw`(?:GmbH|Ltd\.?|Limited|Inc\.?|LLC|PLC|Corp\.?|Corporation|B\.V\.|BV|N\.V\.|NV|AG|S\.A\.|SRL|Oy|AB|Universit(?:y|eit|é|ät|à|ad)|Hospital|Ziekenhuis|Academy|Institute|Instituut|Technologies|Systems|Labs?)`;
const CAP = String.raw`\p{Lu}[\p{L}\p{N}&'’-]*`;
/** "Hanseatic Photonics GmbH", "Tehran Heart Hospital", "University of Novosibirsk". */
const ORG_NAME = new RegExp(
  String.raw`(?:TU|KU|ETH|UC|TH|HS)\s+${CAP}|(?:${CAP}\s+){0,4}${CAP}\s+${ORG_SUFFIX}(?![\p{L}])|(?:University|Universiteit|Universidad|Université|Academy|Institute|Hospital)\s+(?:of|van|de|for)\s+(?:(?:and|of|for|de|van)\s+)?${CAP}(?:\s+(?:(?:and|of|for)\s+)?${CAP}){0,4}`,
  'gu',
);
const LEADING_SMALL = /^(?:The|De|Het|A|An|Een|Our|Onze|My|Mijn|Their|Hun|This|Deze|Dit|At|Aan|With|Met|From|Van|Uit|Bij)\s+/u;

/** The first organisation-like name that is not one the gazetteers already found. */
function unlistedName(lexicon: Lexicon, text: string, known: readonly string[]): string | undefined {
  const k = known.map((x) => x.toLowerCase());
  const small = (w: string): boolean => lexicon.en.has(fold(w)) || lexicon.nl.has(fold(w));
  for (const m of text.matchAll(ORG_NAME)) {
    let name = m[0].trim();
    while (LEADING_SMALL.test(name)) name = name.replace(LEADING_SMALL, '');
    // Title Case prose ("We Want To Work With A … University"): the name starts after the last small word.
    if (!/^(?:University|Universiteit|Universidad|Université|Academy|Institute|Hospital)\s/u.test(name)) {
      const parts = name.split(/\s+/);
      let from = parts.length - 1;
      while (from > 0 && !small(parts[from - 1] ?? '')) from--;
      name = parts.slice(from).join(' ');
    }
    const lower = name.toLowerCase();
    if (k.some((x) => x.includes(lower) || lower.includes(x))) continue;
    // A bare "University" or "GmbH" after one capital word at the start of a sentence is no name.
    if (name.split(/\s+/).length >= 2) return name;
  }
  return undefined;
}

/**
 * The countries of the defence bodies that pay, by their words (funders.yaml `defenceBodies`, G:635-637): a body with
 * its country right before it ("the Saudi Ministry of Defence", "het Indiase leger", "Chinese PLA-affiliated") or
 * right after it with a link word ("the armed forces of the UAE", "het leger van Pakistan"), in a message that speaks
 * of money. The own country's defence and a body the research is about ("a history of the Indian army") are no
 * foreign funder; a listed defence funder with a country (DARPA, ONR) is one.
 */
function defenceFunderCountries(lexicon: Lexicon, a: Analysis, home: string, why: string[]): string[] {
  const out: string[] = [];
  for (const m of a.places) {
    const p = m.entry.payload;
    if (p.kind === 'funder' && p.funder.country && p.funder.country !== home && p.funder.signals.includes('defence-funding')) {
      if (pushUnique(out, p.funder.country)) why.push(`defence funder from ${p.funder.country} ← "${typed(a.tokens, m)}" (${p.funder.name})`);
    }
  }
  const bodies = lexicon.defenceBodies.matchAll(a.tokens);
  if (bodies.length === 0) return out;
  const { negation } = lexicon.content.context;
  const money = lexicon.defenceFunding.matchAll(a.tokens).some((m) => polarity(a.tokens, a.negations, m.start, negation.window) === 'said');
  if (!money) return out;
  const subjects = lexicon.defenceSubject.matchAll(a.tokens);
  const countries = a.places.filter((m) => m.entry.payload.kind === 'country' && m.entry.payload.what !== 'group');
  const form = (i: number): string => a.tokens[i]?.forms[0] ?? '';
  for (const body of bodies) {
    const before = countries.find((c) => c.end === body.start);
    let after: (typeof countries)[number] | undefined;
    if (!before && lexicon.defenceLinks.has(form(body.end))) {
      const at = lexicon.defenceArticles.has(form(body.end + 1)) ? body.end + 2 : body.end + 1;
      after = countries.find((c) => c.start === at && !a.tokens.slice(body.end, at + 1).some((t) => t.clause));
    }
    const c = before ?? after;
    if (c?.entry.payload.kind !== 'country') continue;
    const code = c.entry.payload.code;
    const words = typed(a.tokens, { start: Math.min(c.start, body.start), end: Math.max(c.end, body.end) });
    const first = Math.min(c.start, body.start);
    if (subjects.some((x) => x.end <= first && first - x.end <= 2 && !a.tokens.slice(x.end, first + 1).some((t) => t.clause))) {
      why.push(`defence body "${words}" (the subject of the research, no funder)`);
      continue;
    }
    if (code === home) {
      why.push(`defence body "${words}" (the own government's: no foreign funder)`);
      continue;
    }
    if (pushUnique(out, code)) why.push(`defence funder from ${code} ← "${words}"`);
  }
  return out;
}

export function extractFacts(lexicon: Lexicon, a: Analysis): ExtractedFacts {
  const home = lexicon.content.intents.homeCountry;
  const { negation, attribution } = lexicon.content.context;
  const why: string[] = [...a.notes.map((n) => `typo or compound: ${n}`)];
  const countries: string[] = [];
  const groupCountries: Array<{ code: string; words: string }> = [];
  const ownerCountries: Array<{ code: string; words: string }> = [];
  const coAuthorCountries: Array<{ code: string; words: string }> = [];
  const venueCountries: Array<{ code: string; words: string }> = [];
  const passingCountries: Array<{ code: string; words: string }> = [];
  const residenceCountries: Array<{ code: string; words: string }> = [];
  const ownCountries: Array<{ code: string; words: string }> = [];
  const institutions: InstitutionMention[] = [];
  const coAuthorInstitutions: Array<{ mention: InstitutionMention; entry: InstitutionEntry; words: string }> = [];
  const funders: string[] = [];
  const signals: string[] = [];
  const groupMentions: Array<{ inst: InstitutionEntry; words: string }> = [];
  const negated: string[] = [];
  const unsure: string[] = [];
  let homeInstitution: string | undefined;
  const homeSpans: Array<{ start: number; end: number }> = [];
  const kindCandidates: Array<{ at: number; kind: PartnerKind; words: string }> = [];
  const notKinds: PartnerKind[] = [];
  const ownEnds = new Set(lexicon.ownNationality.matchAll(a.tokens).map((x) => x.end));
  // A place in passing is said before its marker only right before it ("die in Polen woont"): in "a lab in Russia
  // and has lived in Germany" Russia is not where he lived.
  const about = (m: { start: number; end: number }): Attribution | undefined =>
    near(
      a.tokens,
      a.attributions.filter((x) => (x.entry.payload !== 'passing' && x.entry.payload !== 'residence') || x.start <= m.end),
      m,
      attribution,
    )?.entry.payload;

  const addSignal = (signal: string, reason: string, said: Polarity = 'said'): void => {
    if (lexicon.internalSignals.has(signal)) return;
    if (said === 'said' || negation.keep.includes(signal)) {
      if (pushUnique(signals, signal)) why.push(`signal ${signal} ← ${reason}`);
    } else if (said === 'denied') {
      if (pushUnique(negated, signal)) why.push(`not ${signal} ← ${reason} (denied)`);
    } else if (pushUnique(unsure, signal)) why.push(`unsure ${signal} ← ${reason} (left open)`);
  };
  const mentionOf = (inst: InstitutionEntry, words: string): InstitutionMention => ({
    id: inst.id,
    name: inst.name,
    kind: inst.kind,
    matched: words,
    ...(inst.country ? { country: inst.country } : {}),
  });

  for (const m of a.places) {
    const p = m.entry.payload;
    const words = typed(a.tokens, m);
    if (p.kind === 'country') {
      const whose = about(m);
      if (p.what === 'group') groupCountries.push({ code: p.code, words });
      else if (whose === 'owners') ownerCountries.push({ code: p.code, words });
      else if (whose === 'coAuthors') coAuthorCountries.push({ code: p.code, words });
      else if (whose === 'venue' && p.what !== 'demonym') venueCountries.push({ code: p.code, words });
      else if (whose === 'passing' && p.what !== 'demonym') passingCountries.push({ code: p.code, words });
      else if (whose === 'residence' && p.what !== 'demonym') residenceCountries.push({ code: p.code, words });
      else if (p.what === 'demonym' && ownEnds.has(m.start)) ownCountries.push({ code: p.code, words });
      else if (pushUnique(countries, p.code)) why.push(`country ${p.code} ← "${words}"`);
    } else if (p.kind === 'institution') {
      const inst: InstitutionEntry = p.institution;
      // The user's own institution ("I work at KU Leuven") routes the case; it is neither a partner nor a partner country.
      if (inst.contactPoint && homeInstitution === undefined && saidAsHome(lexicon, a, m.start)) {
        homeInstitution = inst.contactPoint;
        homeSpans.push(m);
        why.push(`home institution ${inst.contactPoint} ← "${words}"`);
        continue;
      }
      // A group named for the co-authors ("co-authors from the Seven Sons") is about them too, not the partner.
      if (about(m) === 'coAuthors') {
        coAuthorInstitutions.push({ mention: mentionOf(inst, words), entry: inst, words });
        continue;
      }
      if (!inst.group && !institutions.some((i) => i.id === inst.id)) {
        institutions.push(mentionOf(inst, words));
        why.push(`institution ${inst.id} ← "${words}"`);
      }
      if (inst.country && pushUnique(countries, inst.country)) why.push(`country ${inst.country} ← "${words}" (${inst.name})`);
      if (inst.group) groupMentions.push({ inst, words });
      else for (const s of inst.signals) addSignal(s, `"${words}" (${inst.name})`);
      const kind = inst.partnerKind ?? kindFromName(lexicon, inst.name) ?? KIND_OF_INSTITUTION[inst.kind];
      if (kind) kindCandidates.push({ at: m.start, kind, words });
    } else if (p.kind === 'funder') {
      if (pushUnique(funders, p.funder.id)) why.push(`funder ${p.funder.id} ← "${words}"`);
      // A funder at home (FWO, BOF) says nothing about where the partner is: "a university in Saratov, with an
      // FWO project" must still ask the partner's country. A foreign funder's country is the case's.
      if (p.funder.country && p.funder.country !== home && pushUnique(countries, p.funder.country)) {
        why.push(`country ${p.funder.country} ← "${words}" (${p.funder.name})`);
      }
      for (const s of p.funder.signals) addSignal(s, `"${words}" (${p.funder.name})`);
    }
  }

  // A group said by its name ("I read that a Nanjing is among the Seven Sons") describes the partner only when no
  // partner is named: beside a named institution the name decides, and the screening says whether it is in the group.
  const namedPartner = institutions.some((i) => i.kind !== 'funder' && i.country !== home);
  // Co-authors are the subject when nothing else is named; beside a named partner they are facts
  // about the co-authors only ("co-authors from a Seven Sons university on a paper with TU Delft").
  const coAuthorsOnly: string[] = [];
  const coAuthorCountrySet = new Set(coAuthorInstitutions.map((c) => c.entry.country));
  const otherPartner = lexicon.europeanPartner.matchAll(a.tokens).length > 0 || namedPartner || countries.some((c) => c !== home && !coAuthorCountrySet.has(c));
  // A group named after the co-authors' institution ("co-authors from Harbin Institute of Technology … that's one of
  // the Seven Sons, isn't it?") says again what their institution is: one Seven Sons affiliation of the co-authors, a
  // point of attention for the partner (G:128-130), not the partner's own military ties counted a second time.
  const coAuthorsOfGroup = (g: InstitutionEntry): boolean =>
    otherPartner && coAuthorInstitutions.some((c) => !c.entry.group && c.entry.country === g.country && g.signals.every((s) => c.entry.signals.includes(s)));
  for (const g of groupMentions) {
    if (namedPartner) why.push(`group ${g.inst.id} ← "${g.words}" (named beside a partner: the partner's name decides)`);
    else if (coAuthorsOfGroup(g.inst)) why.push(`group ${g.inst.id} ← "${g.words}" (the co-authors' institution, not the partner)`);
    else for (const sig of g.inst.signals) addSignal(sig, `"${g.words}" (${g.inst.name})`);
  }

  for (const c of coAuthorInstitutions) {
    if (otherPartner) {
      why.push(`co-author institution ${c.entry.id} ← "${c.words}" (not the partner)`);
      if (c.entry.country) pushUnique(coAuthorsOnly, c.entry.country);
      if (c.entry.signals.length > 0) addSignal('co-author-risk', `"${c.words}" (${c.entry.name}: ${c.entry.signals.join(', ')})`);
      continue;
    }
    if (!c.entry.group) institutions.push(c.mention);
    why.push(`institution ${c.entry.id} ← "${c.words}" (co-authors)`);
    if (c.entry.country && pushUnique(countries, c.entry.country)) why.push(`country ${c.entry.country} ← "${c.words}" (${c.entry.name})`);
    for (const s of c.entry.signals) addSignal(s, `"${c.words}" (${c.entry.name})`);
  }
  const foreignNamed = countries.some((c) => c !== home);
  const incidental: string[] = [];
  // Co-authors are never the partner (G:128-130: Seven Sons co-authors on a European university's paper), so
  // their country is theirs only. The owners', a venue's or a place in passing's country is the case's country too when no
  // other country is named.
  for (const o of coAuthorCountries) {
    pushUnique(coAuthorsOnly, o.code);
    why.push(`co-authors ${o.code} ← "${o.words}" (not the partner's country)`);
  }
  for (const [list, whose] of [
    [ownerCountries, 'owners'],
    [venueCountries, 'a venue'],
    [passingCountries, 'a place in passing'],
    [residenceCountries, 'where someone lives'],
    [ownCountries, "the researcher's own nationality"],
  ] as const) {
    for (const o of list) {
      if (!foreignNamed && pushUnique(countries, o.code)) why.push(`country ${o.code} ← "${o.words}" (${whose})`);
      else {
        why.push(`${whose} ${o.code} ← "${o.words}" (not the partner's country)`);
        if (whose === 'where someone lives') pushUnique(incidental, o.code);
      }
    }
  }
  // A people (Uyghur, Tibetan) points to its country only when no other country is named:
  // interviews with Uyghur refugees in Turkey are fieldwork in Turkey.
  for (const g of groupCountries) {
    if (!foreignNamed && pushUnique(countries, g.code)) why.push(`country ${g.code} ← "${g.words}" (a people of ${g.code})`);
  }
  // The home country goes last, so that countries[0] is the foreign one when there is one.
  if (countries.length > 1 && countries.includes(home)) {
    countries.splice(countries.indexOf(home), 1);
    countries.push(home);
  }

  const domains: ExtractedFacts['domains'] = [];
  const nounNegations = lexicon.nounNegations.matchAll(a.tokens);
  for (const m of a.domains) {
    if (polarity(a.tokens, nounNegations, m.start, negation.nouns.window) === 'denied') {
      why.push(`not domain ${m.entry.payload} ← "${typed(a.tokens, m)}" (denied)`);
      continue;
    }
    if (pushUnique(domains, m.entry.payload)) why.push(`domain ${m.entry.payload} ← "${typed(a.tokens, m)}"`);
  }
  // "materialen voor kernfusiereactoren": the stuff of an area, made for another technology named
  // within a few words of it in the same clause, is that area too.
  for (const m of a.domains.length > 0 ? lexicon.madeFor.matchAll(a.tokens) : []) {
    const forTech = a.domains.some((d) => d.start >= m.end && d.start <= m.end + MADE_FOR_WINDOW && !a.tokens.slice(m.end, d.start + 1).some((t) => t.clause));
    if (forTech && pushUnique(domains, m.entry.payload)) why.push(`domain ${m.entry.payload} ← "${typed(a.tokens, m)}" (for a technology named after it)`);
  }

  // A signal said anywhere counts; one only denied or left open is reported as such.
  // A signal a yes/no question asks about ("is dat dual use?") is left open, like one after "whether".
  const questionStarts = new Set(
    lexicon.questionStarts
      .matchAll(a.tokens)
      .filter((m) => a.tokens[m.start]?.sentence)
      .map((m) => m.start),
  );
  const bySignal = new Map<string, Polarity[]>();
  for (const m of a.signals) {
    const list = bySignal.get(m.entry.payload) ?? [];
    const said = polarity(a.tokens, a.negations, m.start, negation.window, negation.after.window);
    list.push(said === 'said' && asked(a.tokens, questionStarts, m, negation.questions.trailing) ? 'unsure' : said);
    bySignal.set(m.entry.payload, list);
  }
  for (const m of a.signals) {
    const seen = bySignal.get(m.entry.payload) ?? [];
    const said: Polarity = seen.includes('said') ? 'said' : seen.includes('unsure') ? 'unsure' : 'denied';
    addSignal(m.entry.payload, `"${typed(a.tokens, m)}"`, said);
  }
  for (const s of signals) {
    const i = negated.indexOf(s);
    if (i >= 0) negated.splice(i, 1);
    const j = unsure.indexOf(s);
    if (j >= 0) unsure.splice(j, 1);
  }
  if (ownerCountries.length > 0) {
    addSignal('foreign-owners', ownerCountries.map((o) => `"${o.words}"`).join(', '));
    const risky = ownerCountries.filter((o) => lexicon.content.intents.riskCountries.includes(o.code));
    if (risky.length > 0) addSignal('risk-country-owners', risky.map((o) => `"${o.words}"`).join(', '));
  }

  for (const m of a.partnerKinds) {
    if (homeSpans.some((h) => m.start < h.end && h.start < m.end)) continue;
    const words = typed(a.tokens, m);
    if (polarity(a.tokens, a.negations, m.start, 2) === 'denied') {
      if (pushUnique(notKinds, m.entry.payload)) why.push(`not a ${m.entry.payload} ← "${words}" (denied)`);
      continue;
    }
    kindCandidates.push({ at: m.start, kind: m.entry.payload, words });
  }

  let unlistedPartner: ExtractedFacts['unlistedPartner'];
  if (!institutions.some((i) => i.kind !== 'funder')) {
    const known = a.places.filter((p) => p.entry.payload.kind !== 'country').map((p) => typed(a.tokens, p));
    const name = unlistedName(lexicon, a.text, known);
    if (name && !onlyPlaceAndKind(lexicon, name)) {
      const kind = kindFromName(lexicon, name);
      unlistedPartner = kind ? { name, kind } : { name };
      why.push(`organisation "${name}"${kind ? ` (a ${kind}, from its name)` : ''}`);
      if (kind) kindCandidates.push({ at: -1, kind, words: name });
    }
  }

  // The first organisation named is the partner; a person only when no organisation is named.
  kindCandidates.sort((x, y) => x.at - y.at);
  const allowed = kindCandidates.filter((c) => !notKinds.includes(c.kind));
  const partner = allowed.find((c) => c.kind !== 'individual') ?? allowed[0];
  if (partner) why.push(`partner kind ${partner.kind} ← "${partner.words}"`);

  const facts: ExtractedFacts = { countries, domains, institutions, funders, signals, why };
  if (partner) facts.partnerKind = partner.kind;
  if (homeInstitution) facts.homeInstitution = homeInstitution;
  if (negated.length > 0) facts.negatedSignals = negated;
  if (unsure.length > 0) facts.unsureSignals = unsure;
  if (notKinds.length > 0) facts.notPartnerKinds = notKinds;
  if (ownerCountries.length > 0) facts.ownerCountries = [...new Set(ownerCountries.map((o) => o.code))];
  const coAuthorsOnlyCountries = coAuthorsOnly.filter((c) => !countries.includes(c));
  if (coAuthorsOnlyCountries.length > 0) facts.coAuthorCountries = coAuthorsOnlyCountries;
  if (coAuthorInstitutions.length > 0 && otherPartner) facts.coAuthorInstitutions = coAuthorInstitutions.map((c) => c.mention);
  if (unlistedPartner) facts.unlistedPartner = unlistedPartner;
  const incidentalCountries = incidental.filter((c) => !countries.includes(c) && c !== home);
  if (incidentalCountries.length > 0) facts.incidentalCountries = incidentalCountries;
  const defenceFunders = defenceFunderCountries(lexicon, a, home, why);
  if (defenceFunders.length > 0) facts.defenceFunderCountries = defenceFunders;
  return facts;
}
