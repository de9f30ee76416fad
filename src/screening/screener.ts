// The screener: every list indexed once at construction, then synchronous, I/O-free queries.
import type { Link, ReferenceContent, Restriction, SevenSon } from '../content/types.js';
import { pick, type Lang } from '../domain/lang.js';
import type { HitKind, ScreenedList, Screener, ScreeningHit, ScreeningResult, UncheckedKind } from '../domain/screening.js';
import type { LoadedDataset } from './datasets.js';
import { NONE, type ListRef, type NameKind, type ScreeningEntity } from './entity.js';
import { CHINESE_MILITARY_LIST, compileNameRule, readChineseMilitary, type MilitaryList, type RuleFinding } from './military-list.js';
import { readLinks } from './reference-files.js';
import { NameIndex, type PreparedQuery, type RecordDetail } from './name-index/index.js';
import { compactKey, Normaliser, splitQualifiers } from './normalise.js';
import { defaultNormalisationTable, type NormalisationTable } from './normalisation-table.js';
import { defaultScreeningTexts, fill, type ScreeningTexts } from './texts.js';

const MATCH_THRESHOLD = 0.8;
const POSSIBLE_THRESHOLD = 0.7;
const DEFAULT_LIMIT = 10;
const COUNTRY_PENALTY = 0.9;
const ABBREVIATION_INSIDE_SCORE = 0.7;
const SEVEN_SONS_LIST = 'seven-sons';
const RESTRICTED_LIST = 'restricted';
/** A name the military name rule catches but no list entry matches. */
const RULE_MATCH_SCORE = 0.9;
/** A match this much below the closest entry of its list is only a possible hit (one typo costs about 0.065). */
const CLOSER_MARGIN = 0.04;
/** How much agreeing on every written word (legal forms included) adds to closeness. */
const WORDS_WEIGHT = 0.15;
/**
 * The Seven Sons are "military": the guideline names them for civil-military fusion, they do
 * defence research under top-secret clearances, and funders and universities restrict them
 * (G:572-586). A risk list is only an indication to weigh (G:926-928), which says too little here.
 */
const SEVEN_SONS_KIND: HitKind = 'military';

export interface ScreenerOptions {
  sevenSons: ReferenceContent['sevenSons'];
  restrictions?: Restriction[];
  /** Defaults to content/lists/chinese-military.yaml; null leaves the list out. */
  chineseMilitary?: MilitaryList | null;
  /** Links for what was not screened (content/links.yaml by default). */
  links?: Link[];
  datasets: LoadedDataset[];
  staleAfterDays: number;
  /** ISO date, for staleness: the screener reads no clock. */
  today: string;
  /** Defaults to content/lists/name-normalisation.yaml. */
  normalisation?: NormalisationTable;
  /** Defaults to content/lists/screening-texts.yaml. */
  texts?: ScreeningTexts;
  /** Language of the explanations; English by default. */
  lang?: Lang;
}

interface Candidate {
  entity: number;
  record: number;
  score: number;
  match: boolean;
  /** The explanation so far; token matches are explained only for the hits returned. */
  why: string[];
  query?: PreparedQuery;
  qualifiers?: string;
}

export function daysBetween(from: string, to: string): number {
  return Math.floor((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export class ListScreener implements Screener {
  readonly index: NameIndex;
  /** Replaced, never changed in place, when the day changes (see atDay). */
  lists: ScreenedList[];
  private readonly staleAfterDays: number;
  /** Lists that can go stale: the loaded datasets (the curated lists carry their own date). */
  private readonly datedLists = new Set<string>();
  private day: string;
  private readonly normaliser: Normaliser;
  private readonly texts: ScreeningTexts;
  private readonly lang: Lang;
  private readonly restrictions: Restriction[];
  private readonly militaryRule: ((name: string, country: string | undefined) => RuleFinding | undefined) | undefined;
  private readonly militaryList: ListRef | undefined;
  /** Kinds the guideline asks to check that no loaded list holds, with where to check by hand. */
  readonly missing: HitKind[];
  readonly checkByHand: UncheckedKind[];

  constructor(options: ScreenerOptions) {
    const table = options.normalisation ?? defaultNormalisationTable();
    this.staleAfterDays = options.staleAfterDays;
    this.day = options.today;
    this.texts = options.texts ?? defaultScreeningTexts();
    this.lang = options.lang ?? 'en';
    this.restrictions = options.restrictions ?? [];
    const military = options.chineseMilitary === undefined ? readChineseMilitary() : options.chineseMilitary;
    const cities = [...options.sevenSons.entries.map((e) => e.city), ...(military?.entries ?? []).map((e) => e.city)];
    this.normaliser = new Normaliser(table, cities);
    const sevenSonsList: ListRef = {
      id: SEVEN_SONS_LIST,
      name: options.sevenSons.source.name,
      date: options.sevenSons.source.date,
      ...(options.sevenSons.source.url ? { url: options.sevenSons.source.url } : {}),
    };
    const sevenSons = institutionEntities(options.sevenSons.entries, sevenSonsList, SEVEN_SONS_KIND, this.restrictions, this.normaliser);
    let militaryEntities: ScreeningEntity[] = [];
    if (military) {
      this.militaryList = {
        id: CHINESE_MILITARY_LIST,
        name: military.source.name,
        date: military.source.date,
        ...(military.source.url ? { url: military.source.url } : {}),
      };
      militaryEntities = institutionEntities(military.entries, this.militaryList, 'military', this.restrictions, this.normaliser);
      this.militaryRule = compileNameRule(military.nameRule);
    }
    const restricted = restrictedEntities(this.restrictions);
    const entities: ScreeningEntity[] = [...sevenSons, ...militaryEntities, ...restricted];
    for (const dataset of options.datasets) for (const e of dataset.entities) entities.push(e);
    this.index = new NameIndex(entities, this.normaliser);

    const counts = new Map<string, number>();
    const kinds = new Map<string, Set<HitKind>>();
    for (const e of entities) {
      counts.set(e.list.id, (counts.get(e.list.id) ?? 0) + 1);
      let k = kinds.get(e.list.id);
      if (!k) {
        k = new Set();
        kinds.set(e.list.id, k);
      }
      k.add(e.kind);
    }
    const stale = (date: string): boolean => daysBetween(date, options.today) > options.staleAfterDays;
    const describe = (l: ListRef, isStale: boolean): ScreenedList => ({
      id: l.id,
      name: l.name,
      date: l.date,
      stale: isStale,
      entries: counts.get(l.id) ?? 0,
      kinds: [...(kinds.get(l.id) ?? [])].sort(),
      ...(l.url ? { url: l.url } : {}),
    });
    this.lists = [describe(sevenSonsList, false)];
    if (this.militaryList) this.lists.push(describe(this.militaryList, false));
    for (const d of options.datasets) {
      for (const l of d.lists) {
        this.lists.push(describe(l, stale(l.date)));
        this.datedLists.add(l.id);
      }
    }
    if (restricted.length > 0) {
      const dates = this.restrictions
        .filter((r) => (r.entities ?? []).length > 0)
        .map((r) => r.source.date)
        .sort();
      this.lists.push(describe({ id: RESTRICTED_LIST, name: fill(this.texts.lists.restricted, this.lang), date: dates[dates.length - 1] ?? '' }, false));
    }

    // Say what was not screened: a kind the guideline asks to check that no list has entries of.
    const held = new Set<HitKind>();
    for (const l of this.lists) if (l.entries > 0) for (const k of l.kinds ?? []) held.add(k);
    const links = options.links ?? readLinks();
    this.missing = [];
    this.checkByHand = [];
    for (const [kind, unchecked] of Object.entries(this.texts.unchecked) as Array<[HitKind, (typeof this.texts.unchecked)[HitKind]]>) {
      if (!unchecked || held.has(kind)) continue;
      this.missing.push(kind);
      this.checkByHand.push({
        kind,
        text: fill(unchecked.text, this.lang),
        links: unchecked.links.flatMap((id) => {
          const link = links.find((l) => l.id === id);
          return link ? [{ id, title: pick(link.title, this.lang), url: link.url }] : [];
        }),
      });
    }
  }

  /** Staleness as of another day (a server runs for weeks); cheap, and a no-op on the same day. */
  atDay(today: string): void {
    if (today === this.day) return;
    this.day = today;
    this.lists = this.lists.map((l) => (this.datedLists.has(l.id) ? { ...l, stale: daysBetween(l.date, today) > this.staleAfterDays } : l));
  }

  screen(name: string, options: { country?: string; limit?: number } = {}): ScreeningResult {
    return this.run(name, options, false);
  }

  /** The same screening with every listed name scored, no index: the benchmark's baseline. */
  screenLinear(name: string, options: { country?: string; limit?: number } = {}): ScreeningResult {
    return this.run(name, options, true);
  }

  private run(name: string, options: { country?: string; limit?: number }, exhaustive: boolean): ScreeningResult {
    const country = options.country?.trim().toLowerCase() || undefined;
    const best = new Map<number, Candidate>();
    const offer = (c: Candidate): void => {
      const known = best.get(c.entity);
      if (!known || Number(c.match) > Number(known.match) || (c.match === known.match && c.score > known.score)) {
        best.set(c.entity, c);
      }
    };

    const parts = splitQualifiers(name);
    const fullTokens = this.normaliser.tokens(parts.full);
    const variants: Array<{ tokens: string[]; qualifiers?: string }> = [{ tokens: fullTokens }];
    if (parts.core !== undefined) {
      const coreTokens = this.normaliser.tokens(parts.core);
      if (coreTokens.length > 0 && coreTokens.join(' ') !== fullTokens.join(' ')) {
        variants.push({ tokens: coreTokens, qualifiers: parts.qualifiers ?? '' });
      }
    }

    for (const variant of variants) {
      if (variant.tokens.length === 0) continue;
      const query = this.index.prepare(variant.tokens, exhaustive);
      for (const s of this.index.search(query, POSSIBLE_THRESHOLD, exhaustive)) {
        const match = s.aligned && s.score >= MATCH_THRESHOLD;
        offer({
          entity: this.index.entityIndexOf(s.record),
          record: s.record,
          score: s.score,
          match,
          why: [],
          query,
          ...(variant.qualifiers !== undefined ? { qualifiers: variant.qualifiers } : {}),
        });
      }
    }
    this.screenAbbreviations(fullTokens, offer);

    const hits: Candidate[] = [];
    for (const c of best.values()) {
      const entity = this.index.entities[c.entity]!;
      if (country && entity.countries.length > 0) {
        if (entity.countries.includes(country)) {
          c.why.push(fill(this.texts.why.countryAgrees, this.lang, { country: country.toUpperCase() }));
        } else {
          c.score *= COUNTRY_PENALTY;
          c.match = c.match && c.score >= MATCH_THRESHOLD;
          c.why.push(
            fill(this.texts.why.countryDiffers, this.lang, {
              listed: entity.countries.map((x) => x.toUpperCase()).join(', '),
              country: country.toUpperCase(),
            }),
          );
        }
      }
      if (c.match || c.score >= POSSIBLE_THRESHOLD) hits.push(c);
    }
    this.preferClosest(hits, name);
    hits.sort((a, b) => Number(b.match) - Number(a.match) || b.score - a.score);
    const limit = options.limit ?? DEFAULT_LIMIT;
    const out = hits.slice(0, limit).map((c) => this.toHit(c));
    const rule = this.militaryRuleHit(name, country, out);
    if (rule) {
      // A rule match goes after the list matches and before the possible hits.
      const firstPossible = out.findIndex((h) => !h.match);
      out.splice(rule.match && firstPossible >= 0 ? firstPossible : out.length, 0, rule);
    }
    const result: ScreeningResult = { query: name, hits: out.slice(0, limit), lists: this.lists };
    if (this.missing.length > 0) {
      result.missing = this.missing;
      result.checkByHand = this.checkByHand;
    }
    return result;
  }

  /**
   * Of entries of one list that all match, the name names the closest: "Chiara Cadel" is Chiara
   * Cadel, not Chiara Casel one letter away, and "John Wu" is not Sarah John Wu. An entry clearly
   * further from the name than the closest becomes a possible hit, still shown. Lists are kept
   * apart, so that a sanctions entry is never hidden behind a Seven Sons one.
   */
  private preferClosest(hits: Candidate[], name: string): void {
    const matched = hits.filter((c) => c.match);
    if (matched.length < 2) return;
    // Words the score leaves out (legal forms, "Holding") still tell namesakes apart:
    // "Seltron Southern AG" is the AG, not Seltron Southern LLC.
    const queryWords = new Set(this.normaliser.rawTokens(name));
    const closeness = new Map<Candidate, number>();
    const closest = new Map<string, Candidate>();
    for (const c of matched) {
      const listed = new Set(this.normaliser.rawTokens(this.index.textOf(c.record)));
      let shared = 0;
      for (const w of listed) if (queryWords.has(w)) shared++;
      const agreement = queryWords.size + listed.size > 0 ? (2 * shared) / (queryWords.size + listed.size) : 0;
      closeness.set(c, c.score + WORDS_WEIGHT * agreement);
      const list = this.index.entities[c.entity]!.list.id;
      const known = closest.get(list);
      if (!known || closeness.get(c)! > closeness.get(known)!) closest.set(list, c);
    }
    for (const c of matched) {
      const best = closest.get(this.index.entities[c.entity]!.list.id)!;
      if (best === c || closeness.get(c)! >= closeness.get(best)! - CLOSER_MARGIN) continue;
      c.match = false;
      c.why.push(fill(this.texts.why.closerEntry, this.lang, { better: this.index.textOf(best.record) }));
    }
  }

  /**
   * A name that says it belongs to China's armed forces is a hit on the Chinese military list even
   * when no entry matches it; a rule about the country alone never is.
   */
  private militaryRuleHit(name: string, country: string | undefined, hits: ScreeningHit[]): ScreeningHit | undefined {
    if (!this.militaryRule || !this.militaryList) return undefined;
    if (hits.some((h) => h.list === CHINESE_MILITARY_LIST && h.match)) return undefined;
    const finding = this.militaryRule(name, country);
    if (!finding) return undefined;
    const words = finding.words.join(' + ');
    const list = this.militaryList;
    return {
      list: list.id,
      listName: list.name,
      listDate: list.date,
      id: `${list.id}:name-rule`,
      name: name.trim(),
      matched: words,
      score: finding.match ? RULE_MATCH_SCORE : POSSIBLE_THRESHOLD,
      match: finding.match,
      why: fill(finding.match ? this.texts.why.militaryRule : this.texts.why.militaryRulePossible, this.lang, { words }),
      kind: 'military',
      ...(country ? { country: country.toUpperCase() } : finding.match ? { country: 'CN' } : {}),
    };
  }

  /**
   * An abbreviation matches only as the whole query, or followed by a campus of that entity
   * ("HIT Shenzhen"); inside a longer name ("BIT Mesra") it is only a possible hit.
   */
  private screenAbbreviations(tokens: string[], offer: (c: Candidate) => void): void {
    if (tokens.length === 0) return;
    const kind = this.kindLabel('abbreviation');
    for (const r of this.index.abbreviationRecords(compactKey(tokens))) {
      offer({
        entity: this.index.entityIndexOf(r),
        record: r,
        score: 1,
        match: true,
        why: [fill(this.texts.why.abbreviation, this.lang, { matched: this.index.textOf(r), kind })],
      });
    }
    if (tokens.length === 1) return;
    tokens.forEach((token, i) => {
      if (token.length < 2) return;
      for (const r of this.index.abbreviationRecords(token)) {
        const campuses = this.index.campusesOf(r);
        const others = tokens.filter((_, j) => j !== i);
        const notCampus = others.filter((t) => !this.normaliser.places.has(t) && campuses?.has(t) !== true);
        const matched = this.index.textOf(r);
        if (notCampus.length === 0) {
          offer({
            entity: this.index.entityIndexOf(r),
            record: r,
            score: 0.97,
            match: true,
            why: [fill(this.texts.why.abbreviation, this.lang, { matched }), fill(this.texts.why.campus, this.lang, { words: others.join(' ') })],
          });
        } else if (token.length >= 3) {
          offer({
            entity: this.index.entityIndexOf(r),
            record: r,
            score: ABBREVIATION_INSIDE_SCORE,
            match: false,
            why: [fill(this.texts.why.abbreviationInside, this.lang, { matched, words: notCampus.join(' ') })],
          });
        }
      }
    });
  }

  private kindLabel(kind: NameKind): string {
    return fill(this.texts.kinds[kind], this.lang);
  }

  private explainTokens(query: PreparedQuery, record: number, match: boolean, qualifiers: string | undefined): string[] {
    const detail: RecordDetail = this.index.explain(query, record);
    const values = { kind: this.kindLabel(this.index.kindOf(record)), matched: this.index.textOf(record) };
    const why = this.texts.why;
    const out: string[] = [];
    if (match) out.push(fill(detail.compact ? why.compact : why.allWords, this.lang, values));
    else out.push(fill(why.possible, this.lang, values));
    for (const p of detail.pairs) {
      if (p.credit < 1 && p.query !== p.listed) out.push(fill(why.typo, this.lang, { query: p.query, listed: p.listed }));
      else if (p.query !== p.listed) out.push(fill(why.campus, this.lang, { words: p.query.slice(p.listed.length) }));
    }
    if (detail.forgiven.length > 0) out.push(fill(why.campus, this.lang, { words: detail.forgiven.join(' ') }));
    if (qualifiers) out.push(fill(why.qualifier, this.lang, { words: qualifiers }));
    if (!match && !detail.compact) {
      if (detail.unmatchedQuery.length > 0) out.push(fill(why.queryExtra, this.lang, { words: detail.unmatchedQuery.join(' ') }));
      if (detail.unmatchedListed.length > 0) out.push(fill(why.listedExtra, this.lang, { words: detail.unmatchedListed.join(' ') }));
    }
    return out;
  }

  private toHit(c: Candidate): ScreeningHit {
    const entity = this.index.entities[c.entity]!;
    const explained = c.query ? this.explainTokens(c.query, c.record, c.match, c.qualifiers) : [];
    const why = [...explained, ...c.why];
    if (entity.source) why.push(fill(this.texts.why.source, this.lang, { source: entity.source }));
    for (const r of this.restrictions) {
      if (c.match && r.lists.includes(entity.list.id)) why.push(fill(this.texts.why.restriction, this.lang, { text: pick(r.text, this.lang) }));
    }
    const hit: ScreeningHit = {
      list: entity.list.id,
      listName: entity.list.name,
      listDate: entity.list.date,
      id: entity.id,
      name: entity.name,
      matched: this.index.textOf(c.record),
      score: Math.round(c.score * 1000) / 1000,
      match: c.match,
      why: why.join('; '),
    };
    if (entity.countries.length > 0) hit.country = entity.countries.map((x) => x.toUpperCase()).join(';');
    if (entity.topics.length > 0) hit.topics = [...entity.topics];
    hit.kind = entity.kind;
    if (entity.source) hit.source = entity.source;
    return hit;
  }
}

/** A curated institution: a Seven Sons entry's names, with its own source when its list gives one per entry. */
type InstitutionEntry = Omit<SevenSon, 'url'> & { source?: { name: string; url?: string | undefined; date: string } };

/**
 * Curated institutions (the Seven Sons, the Chinese military list) as entities: every name, former
 * name, abbreviation and Chinese name, and their campuses.
 */
function institutionEntities(
  entries: InstitutionEntry[],
  list: ListRef,
  kind: HitKind,
  restrictions: Restriction[],
  normaliser: Normaliser,
): ScreeningEntity[] {
  const topics = restrictions.filter((r) => r.lists.includes(list.id)).map((r) => `restriction:${r.id}`);
  return entries.map((e) => {
    const nameTokens = new Set(normaliser.tokens(e.name));
    const abbreviationTokens = new Set(e.abbreviations.flatMap((a) => normaliser.rawTokens(a)));
    const campuses = new Set(normaliser.rawTokens(e.city));
    // "Harbin Institute of Technology (Shenzhen)", "HIT Shenzhen": what follows the name is a campus.
    for (const alias of e.aliases) {
      const tokens = normaliser.tokens(alias);
      const extra = tokens.filter((t) => !nameTokens.has(t) && !abbreviationTokens.has(t));
      if (extra.length > 0 && extra.length <= 2 && extra.length < tokens.length) for (const t of extra) campuses.add(t);
    }
    return {
      id: e.id,
      name: e.name,
      aliases: e.aliases,
      formerNames: e.formerNames,
      abbreviations: e.abbreviations,
      chineseNames: e.chinese,
      countries: ['cn'],
      topics: topics.length > 0 ? topics : NONE,
      kind,
      person: false,
      campuses: [...campuses],
      ...(e.source ? { source: `${e.source.name} (${e.source.date})` } : {}),
      list,
    };
  });
}

/** Entities a restriction names without a list file (e.g. companies), on the list "restricted". */
function restrictedEntities(restrictions: Restriction[]): ScreeningEntity[] {
  return restrictions.flatMap((r) =>
    (r.entities ?? []).map((name, i) => ({
      id: `${r.id}:${i + 1}`,
      name,
      aliases: NONE,
      formerNames: NONE,
      abbreviations: NONE,
      chineseNames: NONE,
      countries: r.countries.map((c) => c.toLowerCase()),
      topics: ['restriction', r.flag],
      kind: 'restriction' as const,
      person: false,
      campuses: NONE,
      list: { id: RESTRICTED_LIST, name: r.source.name, date: r.source.date },
    })),
  );
}

export function createScreener(options: ScreenerOptions): ListScreener {
  return new ListScreener(options);
}
