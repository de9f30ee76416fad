// Builds, once, the phrase indexes the router searches: gazetteers (countries, institutions,
// funders), technology words, signals, intent cues, partner kinds, home and clarify cues.
import type { DomainId, PartnerKind, PlaybookId } from '../engine/types.js';
import type { InstitutionMention } from '../engine/types.js';
import { PhraseIndex } from './phrases.js';
import type { NegationKind } from './scope.js';
import type { UnderstandContent } from './schema.js';
import { fold } from './text.js';
import { Vocabulary } from './vocabulary.js';

export interface InstitutionEntry {
  id: string;
  name: string;
  country?: string;
  kind: InstitutionMention['kind'];
  contactPoint?: string;
  partnerKind?: PartnerKind;
  signals: string[];
  /** A group of institutions: it signals a risk but names no partner. */
  group?: boolean;
}

export interface FunderEntry {
  id: string;
  name: string;
  country?: string;
  signals: string[];
}

export type Place =
  | { kind: 'country'; code: string; what: 'name' | 'demonym' | 'place' | 'group' }
  | { kind: 'institution'; institution: InstitutionEntry }
  | { kind: 'funder'; funder: FunderEntry }
  | { kind: 'ignore' };

/** Whom a country or institution is said of (context.yaml `attribution`): the owners, the co-authors, a venue where
 * people met, a place named in passing (where someone studied, a trip before) or where someone lives now. */
export type Attribution = 'owners' | 'coAuthors' | 'venue' | 'passing' | 'residence';

export interface Cue {
  playbook: PlaybookId;
  /** Index of the cue group within the playbook: each group is one feature. */
  group: number;
}

export interface Lexicon {
  content: UnderstandContent;
  places: PhraseIndex<Place>;
  domains: PhraseIndex<DomainId>;
  signals: PhraseIndex<string>;
  signalExclusions: PhraseIndex<string>;
  internalSignals: ReadonlySet<string>;
  cues: PhraseIndex<Cue>;
  partnerKinds: PhraseIndex<PartnerKind>;
  homeBefore: PhraseIndex<true>;
  /** "I'm", "ik ben": a demonym right after is the researcher's own nationality. */
  ownNationality: PhraseIndex<true>;
  homeSkip: ReadonlySet<string>;
  clarify: PhraseIndex<true>;
  /** FAQ keywords, payload the FAQ entry id. */
  faqTopics: PhraseIndex<string>;
  en: ReadonlySet<string>;
  nl: ReadonlySet<string>;
  vocabulary: Vocabulary;
  /** Negation and doubt words ("not", "geen", "not sure whether"). */
  negations: PhraseIndex<NegationKind>;
  /** Words that deny the thing named right after them ("no sensors", "geen AI"). */
  nounNegations: PhraseIndex<NegationKind>;
  /** Words a yes/no question opens with ("is", "valt", "does"): a signal it asks about is left open. */
  questionStarts: PhraseIndex<true>;
  /** Words that say whom a fact is about: the owners, the co-authors. */
  attributions: PhraseIndex<Attribution>;
  /** Organisation kinds from words of a name ("University", "GmbH"). */
  kindFromName: PhraseIndex<PartnerKind>;
  /** Person and organisation nouns, after which an ambiguous demonym counts. */
  contextNouns: PhraseIndex<true>;
  europeanPartner: PhraseIndex<true>;
  needContext: ReadonlySet<string>;
  /** Language nouns and verbs around a demonym that make it a language, not a country. */
  spokenAfter: PhraseIndex<true>;
  spokenVerbs: PhraseIndex<true>;
  spokenAtClauseEnd: PhraseIndex<true>;
  /** Words for an area's stuff ("materials") that count as the area before another technology. */
  madeFor: PhraseIndex<DomainId>;
  /** A government's defence body, its link and article words, money words and subject words (funders.yaml `defenceBodies`). */
  defenceBodies: PhraseIndex<true>;
  defenceLinks: ReadonlySet<string>;
  defenceArticles: ReadonlySet<string>;
  defenceFunding: PhraseIndex<true>;
  defenceSubject: PhraseIndex<true>;
}

/** The Dutch adjective with its -e ending: Chinees → Chinese, Iraans → Iraanse, Russisch → Russische. */
function inflectDutch(adjective: string): string {
  return adjective.endsWith('ees') ? `${adjective.slice(0, -3)}ese` : `${adjective}e`;
}

/** Symbols the word splitter drops, so that a name with them would match a different word. */
const UNREADABLE_NAME = /[+#@*=<>|~^]/;

const ENDINGS = ['ieen', 'ies', 'ien', 'en', 'es', 's', 'e', 'y'];

/** FAQ keywords are written once; "critical technologies" should also find "critical technology". */
function loosen(term: string): string {
  return term
    .split(/\s+/)
    .map((w) => {
      const f = fold(w);
      if (f.length < 6 || !/^[a-z]+$/.test(f)) return w;
      const ending = ENDINGS.find((e) => f.endsWith(e) && f.length - e.length >= 5);
      return `${ending ? f.slice(0, -ending.length) : f}*`;
    })
    .join(' ');
}

export function buildLexicon(content: UnderstandContent): Lexicon {
  const cased = new Set(content.language.cased.map(fold));
  const places = new PhraseIndex<Place>(cased);
  for (const c of content.countries.countries) {
    for (const n of [...c.en, ...c.nl, ...c.aliases]) places.add(n, { kind: 'country', code: c.code, what: 'name' });
    const demonyms = [...c.demEn, ...c.demNl, ...c.adjNl, ...c.adjNl.map(inflectDutch)];
    for (const d of demonyms) places.add(d, { kind: 'country', code: c.code, what: 'demonym' });
    for (const p of c.places) places.add(p, { kind: 'country', code: c.code, what: 'place' });
    for (const g of c.groups) places.add(g, { kind: 'country', code: c.code, what: 'group' });
  }
  for (const s of content.sevenSons.entries) {
    const institution: InstitutionEntry = {
      id: s.id,
      name: s.name,
      country: 'CN',
      kind: 'university',
      partnerKind: 'university',
      signals: ['seven-sons', 'military-ties'],
    };
    for (const n of [s.name, ...s.formerNames, ...s.abbreviations, ...s.chinese, ...s.aliases]) {
      places.add(n, { kind: 'institution', institution });
    }
  }
  // The PLA's own universities and academies (content/lists/chinese-military.yaml): a defence
  // body in China, "in the same vein" as the Seven Sons. Only its qualified names are listed there.
  // Its kind is read from the name ("… University" is a university) or else military. An entry that
  // is also one of the Seven Sons (NUDT) keeps its Seven Sons entry.
  const sevenSonsIds = new Set(content.sevenSons.entries.map((e) => e.id));
  for (const s of content.chineseMilitary?.entries ?? []) {
    if (sevenSonsIds.has(s.id)) continue;
    const institution: InstitutionEntry = { id: s.id, name: s.name, country: 'CN', kind: 'defence', signals: ['military-ties'] };
    for (const n of [s.name, ...s.formerNames, ...s.abbreviations, ...s.chinese, ...s.aliases]) {
      places.add(n, { kind: 'institution', institution });
    }
  }
  for (const i of content.institutions.institutions) {
    const institution: InstitutionEntry = {
      id: i.id,
      name: i.name,
      kind: i.kind,
      signals: i.signals,
      ...(i.group ? { group: true } : {}),
      ...(i.country ? { country: i.country } : {}),
      ...(i.contactPoint ? { contactPoint: i.contactPoint } : {}),
      ...(i.partnerKind ? { partnerKind: i.partnerKind } : {}),
    };
    // "Face++" would be read as the word "face": a name whose symbols the words drop is not indexed.
    for (const n of [i.name, ...i.aliases]) if (!UNREADABLE_NAME.test(n)) places.add(n, { kind: 'institution', institution });
  }
  for (const f of content.funders.funders) {
    const funder: FunderEntry = { id: f.id, name: f.name, signals: f.signals, ...(f.country ? { country: f.country } : {}) };
    for (const n of [f.name, ...f.aliases]) places.add(n, { kind: 'funder', funder });
  }
  for (const n of content.language.ignore) places.add(n, { kind: 'ignore' });

  const domains = new PhraseIndex<DomainId>();
  for (const [domain, terms] of Object.entries(content.domains.domains) as Array<[DomainId, string[]]>) {
    for (const t of terms) domains.add(t, domain);
  }

  const signals = new PhraseIndex<string>();
  for (const [signal, terms] of Object.entries(content.signals.signals)) for (const t of terms) signals.add(t, signal);
  const signalExclusions = new PhraseIndex<string>();
  for (const [signal, terms] of Object.entries(content.signals.exclude)) for (const t of terms) signalExclusions.add(t, signal);

  const cues = new PhraseIndex<Cue>();
  for (const [playbook, intent] of Object.entries(content.intents.intents) as Array<[PlaybookId, (typeof content.intents.intents)[PlaybookId]]>) {
    intent.cues.forEach((group, index) => {
      for (const t of group.terms) cues.add(t, { playbook, group: index });
    });
  }

  const partnerKinds = new PhraseIndex<PartnerKind>();
  for (const [kind, terms] of Object.entries(content.context.partnerKinds) as Array<[PartnerKind, string[]]>) {
    for (const t of terms) partnerKinds.add(t, kind);
  }
  const ownNationality = new PhraseIndex<true>();
  for (const t of content.context.ownNationality) ownNationality.add(t, true);
  const homeBefore = new PhraseIndex<true>();
  for (const t of content.context.home.before) homeBefore.add(t, true);
  const clarify = new PhraseIndex<true>();
  for (const t of content.context.clarify) clarify.add(t, true);

  const faqTopics = new PhraseIndex<string>();
  for (const entry of content.faq) for (const k of [...entry.keywords.en, ...entry.keywords.nl]) faqTopics.add(loosen(k), entry.id);
  for (const t of content.intents.faqTopics?.terms ?? []) faqTopics.add(t, 'guideline');

  const en = new Set(content.language.en.map(fold));
  const nl = new Set(content.language.nl.map(fold));
  const common = new Set([...en, ...nl, ...content.language.noFuzzy.map(fold)]);
  const words: string[] = [];
  const stems: string[] = [];
  const typoTargets: string[] = [];
  const conceptWords: string[] = [];
  for (const index of [domains, signals, cues, partnerKinds] as Array<{ vocabulary(): { words: string[]; stems: string[] } }>) {
    const v = index.vocabulary();
    words.push(...v.words);
    typoTargets.push(...v.words);
    conceptWords.push(...v.words);
    stems.push(...v.stems);
  }
  // FAQ topics are known words (never "corrected" into something else), not typo targets.
  const faqVocabulary = faqTopics.vocabulary();
  words.push(...faqVocabulary.words);
  stems.push(...faqVocabulary.stems);
  // Names: all are known words, but only longer country names and institution words are typo
  // targets (a city one letter from an ordinary word would turn "parts" into Paris).
  for (const entry of places.entries) {
    const p = entry.payload;
    for (const part of entry.parts) {
      if (part.kind !== 'word') continue;
      words.push(part.text);
      const target =
        (p.kind === 'country' && p.what !== 'place' && part.text.length >= 6) || (p.kind === 'institution' && part.text.length >= 7 && !entry.cased);
      if (target) typoTargets.push(part.text);
    }
  }

  const negations = new PhraseIndex<NegationKind>();
  for (const t of content.context.negation.not) negations.add(t, 'not');
  for (const t of content.context.negation.unsure) negations.add(t, 'unsure');
  for (const t of content.context.negation.reported) negations.add(t, 'unsure');
  const nounNegations = new PhraseIndex<NegationKind>();
  for (const t of content.context.negation.nouns.words) nounNegations.add(t, 'not');
  const questionStarts = new PhraseIndex<true>();
  for (const t of content.context.negation.questions.starts) questionStarts.add(t, true);
  for (const t of content.context.negation.after.phrases) negations.add(t, 'notAfter');
  const attributions = new PhraseIndex<Attribution>();
  for (const t of content.context.attribution.owners) attributions.add(t, 'owners');
  for (const t of content.context.attribution.coAuthors) attributions.add(t, 'coAuthors');
  for (const t of content.context.attribution.venue) attributions.add(t, 'venue');
  for (const t of content.context.attribution.passing) attributions.add(t, 'passing');
  for (const t of content.context.attribution.residence) attributions.add(t, 'residence');
  const kindFromName = new PhraseIndex<PartnerKind>();
  for (const [kind, terms] of Object.entries(content.context.kindFromName) as Array<[PartnerKind, string[]]>) {
    for (const t of terms) kindFromName.add(t, kind);
  }
  const contextNouns = new PhraseIndex<true>();
  for (const t of [...content.context.contextNouns, ...Object.values(content.context.partnerKinds).flat()]) contextNouns.add(t, true);
  const europeanPartner = new PhraseIndex<true>();
  for (const t of content.context.europeanPartner) europeanPartner.add(t, true);

  const spokenAfter = new PhraseIndex<true>();
  for (const t of content.language.spoken.after) spokenAfter.add(t, true);
  const spokenVerbs = new PhraseIndex<true>();
  for (const t of content.language.spoken.verbs) spokenVerbs.add(t, true);
  const spokenAtClauseEnd = new PhraseIndex<true>();
  for (const t of content.language.spoken.atClauseEnd) spokenAtClauseEnd.add(t, true);
  const madeFor = new PhraseIndex<DomainId>();
  for (const [domain, terms] of Object.entries(content.domains.madeFor) as Array<[DomainId, string[]]>) {
    for (const t of terms) madeFor.add(t, domain);
  }

  const bodies = content.funders.defenceBodies;
  const defenceBodies = new PhraseIndex<true>();
  for (const t of bodies?.bodies ?? []) defenceBodies.add(t, true);
  const defenceFunding = new PhraseIndex<true>();
  for (const t of bodies?.funding ?? []) defenceFunding.add(t, true);
  const defenceSubject = new PhraseIndex<true>();
  for (const t of bodies?.subject ?? []) defenceSubject.add(t, true);

  return {
    defenceBodies,
    defenceLinks: new Set((bodies?.links ?? []).map(fold)),
    defenceArticles: new Set((bodies?.articles ?? []).map(fold)),
    defenceFunding,
    defenceSubject,
    spokenAfter,
    spokenVerbs,
    spokenAtClauseEnd,
    madeFor,
    negations,
    nounNegations,
    questionStarts,
    attributions,
    ownNationality,
    kindFromName,
    contextNouns,
    europeanPartner,
    needContext: new Set(content.language.needContext.map(fold)),
    content,
    places,
    domains,
    signals,
    signalExclusions,
    internalSignals: new Set(content.signals.internal),
    cues,
    partnerKinds,
    homeBefore,
    homeSkip: new Set(content.context.home.skip.map(fold)),
    clarify,
    faqTopics,
    en,
    nl,
    vocabulary: new Vocabulary(words, typoTargets, conceptWords, stems, common, new Set([...en, ...nl])),
  };
}
