// The shape of the reference content in content/, after zod validation.
// The zod schemas in src/content/schema/ produce exactly these types.
import type { Dimension, DomainId, Severity } from '../domain/ids.js';
import type { LocalList, LocalText } from '../domain/lang.js';

export type { LocalList, LocalText } from '../domain/lang.js';

/** Where a list or fact comes from, so that screens can say "list X, dated Y". */
export interface Provenance {
  name: string;
  url?: string;
  /** ISO date (YYYY-MM-DD) of the source version the content was taken from. */
  date: string;
}

export interface SourceDoc {
  id: string;
  file: string;
  title: LocalText;
  url: string;
}

export interface Section {
  id: string;
  source: string;
  anchor: string;
  title: LocalText;
}

export interface RiskCountry {
  /** ISO 3166-1 alpha-2 */
  code: string;
  name: LocalText;
  /** Why the guideline names it (sanctions, export measures, human rights, conflict). */
  reasons: LocalText;
  /** True only where the guideline itself calls the state authoritarian. */
  authoritarian: boolean;
  /** Under an arms embargo and export measures, as the guideline names them (G:32-34). */
  embargo: boolean;
  cites: string[];
}

export interface RestrictionCondition {
  fact: string;
  values: string[];
  /** Other facts that say the same for part of the work (the FWO project a visitor on a CSC grant joins): any of them holding makes the condition hold. */
  orFacts?: string[];
  ifUnknown: 'check' | 'no';
  what: LocalText;
}

export interface Restriction {
  id: string;
  /** Who imposes it. */
  by: 'vlir' | 'belgian-rectors' | 'flemish-universities' | 'fwo' | 'european-commission';
  /** Countries it applies to (ISO alpha-2); empty when it targets named entities. */
  countries: string[];
  /** Entity lists it applies to, e.g. seven-sons. */
  lists: string[];
  /** Named entities it applies to when there is no list file, e.g. Huawei and ZTE. */
  entities?: string[];
  /** Partner kinds it applies to (university, company, government, research-institute, military, any). */
  partnerKinds: string[];
  /** The facts that decide whether it bites; all must hold. */
  conditions: RestrictionCondition[];
  /** True when the rule can only ever be a point to check. */
  onlyCheck: boolean;
  /** The rule's name for the researcher. */
  name: LocalText;
  text: LocalText;
  /** The flag raised when a conversation meets this restriction. */
  flag: string;
  cites: string[];
  source: Provenance;
}

export interface TechArea {
  id: DomainId;
  name: LocalText;
  subs: Array<{ id: string; name: LocalText }>;
  cites: string[];
}

export interface Measure {
  id: string;
  category: string;
  title: LocalText;
  text: LocalText;
  cites: string[];
}

export interface Duty {
  id: string;
  title: LocalText;
  text: LocalText;
  /** True when the duty is the reporting obligation to the contact point, or implies it. */
  report: boolean;
  cites: string[];
}

export interface ContactPoint {
  id: string;
  name: string;
  short: string;
  kind: 'university' | 'research-institute';
  emails: {
    main: string;
    exportControl?: string;
    humanRights?: string;
    dualUse?: string;
    ethics?: string;
  };
  phone?: string;
  committees: LocalText[];
  urls: string[];
  /** Words people use for the institution: "KU Leuven", "KUL", "Leuven". */
  aliases: string[];
}

export interface FaqEntry {
  id: string;
  question: LocalText;
  answer: LocalText;
  /** Words and phrases that point to this entry, per language. */
  keywords: LocalList;
  cites: string[];
}

export interface Definition {
  id: string;
  term: LocalText;
  text: LocalText;
  cites: string[];
}

export interface TrlScale {
  levels: Array<{ level: number; text: LocalText }>;
  /** TRL at or below which research counts as fundamental (the guideline: 2). */
  fundamentalMax: number;
  text: LocalText;
  cites: string[];
}

export interface FunderPolicy {
  id: string;
  name: string;
  text: LocalText;
  cites: string[];
}

export interface Link {
  id: string;
  title: LocalText;
  url: string;
  group: 'flemish' | 'european' | 'foreign' | 'academic' | 'screening';
}

export interface SevenSon {
  id: string;
  name: string;
  formerNames: string[];
  abbreviations: string[];
  chinese: string[];
  /** Other spellings, campus names ("Harbin Institute of Technology (Shenzhen)") and so on. */
  aliases: string[];
  city: string;
  url?: string;
}

export interface ReferenceContent {
  riskCountries: RiskCountry[];
  restrictions: Restriction[];
  sevenSons: { source: Provenance; entries: SevenSon[] };
  techAreas: TechArea[];
  measures: Measure[];
  duties: Duty[];
  contactPoints: ContactPoint[];
  faq: FaqEntry[];
  definitions: Definition[];
  trl: TrlScale;
  funderPolicies: FunderPolicy[];
  links: Link[];
}

/** A flag that answers and checks raise; it feeds the risk and the contact point's card. */
export interface FlagDef {
  id: string;
  dimension: Dimension;
  severity: Severity;
  label: LocalText;
  cites: string[];
}
