// The engine's contract: what goes in, what comes out. Channel-neutral and plain JSON.
import type { DomainId, Lang, PlaybookId, Risk, Severity } from './ids.js';

export type { DomainId, Lang, PlaybookId, Risk, Severity } from './ids.js';

// ---------- understanding (src/understand implements it) ----------

/** A named organisation recognised in text. */
export interface InstitutionMention {
  id: string;
  name: string;
  country?: string;
  kind: 'university' | 'academy' | 'company' | 'defence' | 'government' | 'hospital' | 'research-institute' | 'funder';
  /** The words in the text that matched. */
  matched: string;
}

export type PartnerKind = 'university' | 'company' | 'government' | 'research-institute' | 'hospital' | 'military' | 'individual';

export interface ExtractedFacts {
  /** ISO 3166-1 alpha-2, in order of mention. */
  countries: string[];
  domains: DomainId[];
  institutions: InstitutionMention[];
  /** Funding programme ids: csc, edf, defra, horizon-europe, fwo, belspo, erc, msca, ... */
  funders: string[];
  partnerKind?: PartnerKind;
  /** The Flemish institution the user belongs to, a contact-point id, when they say so. */
  homeInstitution?: string;
  /** Situations recognised in the text, e.g. military-background, sanctions, human-rights, unknown-owners, dual-use, classified, online-lecture, export, fieldwork, minorities, visiting, scholarship, commissioned, repressive. */
  signals: string[];
  /** Signals the text explicitly denies ("none of it is on the dual-use list"); never also in `signals`. */
  negatedSignals?: string[];
  /** Signals the text leaves open ("I don't know whether it falls under the dual-use list"); never also in `signals`. */
  unsureSignals?: string[];
  /** Partner kinds the text explicitly denies ("it's not a company", "geen bedrijf"). */
  notPartnerKinds?: PartnerKind[];
  /** Countries of the partner's owners or shareholders ("the main shareholder is a Russian businessman"). */
  ownerCountries?: string[];
  /** Institutions of co-authors: facts about them, not about the partner (G:128-130). */
  coAuthorInstitutions?: InstitutionMention[];
  /** Countries said of the co-authors only, never the partner's or the case's (G:128-130). */
  coAuthorCountries?: string[];
  /** Countries where a person in the case lives now ("a Russian candidate who has been living in Georgia"), when another
   * country is the case's (G:99: where the partners are located): named and kept, never the partner's country. */
  incidentalCountries?: string[];
  /** An organisation named in the text that no gazetteer knows, when it looks like a name ("Hanseatic Photonics GmbH"), with the kind its name says. */
  unlistedPartner?: { name: string; kind?: PartnerKind };
  /** Countries of the foreign defence bodies named as paying ("the Saudi Ministry of Defence offered to fund"; G:635-637). */
  defenceFunderCountries?: string[];
  /** Why: which words produced which fact. */
  why: string[];
}

export interface Understanding {
  playbook: PlaybookId | null;
  /** 0..1 */
  confidence: number;
  /** Other playbooks that scored, best first, for a clarifying question. */
  alternatives: Array<{ playbook: PlaybookId; score: number }>;
  /** Set when confidence is low and the router would rather ask than guess. */
  clarify: boolean;
  facts: ExtractedFacts;
  /** Human-readable reasons: which words counted for the playbook and the facts. */
  why: string[];
  /** Detected language of the text, when it can tell. */
  lang?: Lang;
}

export interface Understander {
  route(text: string): Understanding;
  extract(text: string): ExtractedFacts;
}

// ---------- screening (src/screening implements it; the types live in src/domain/) ----------

export { HIT_KINDS } from '../domain/screening.js';
export type { HitKind, ScreenedList, ScreeningHit, ScreeningResult, Screener, UncheckedKind } from '../domain/screening.js';
import type { HitKind, ScreenedList, ScreeningHit, UncheckedKind } from '../domain/screening.js';

// ---------- conversation state ----------

export const STATE_VERSION = 1;

export type FactValue = string | string[];
export type Facts = Record<string, FactValue>;

export interface AnswerRecord {
  step: string;
  fact: string;
  /** The question, in the conversation's language when it was asked. */
  question: string;
  /** The chosen value, or "unsure". */
  value: string;
  /** What the user clicked or typed, for the contact point. */
  label: string;
  typed: boolean;
  /** True when the answer was taken from what the user said earlier, not asked. */
  inferred: boolean;
}

export type Phase =
  | 'idle'
  | 'clarifying'
  | 'asking'
  | 'outcome'
  | 'choosing-institution'
  | 'confirming'
  | 'escalated'
  /** Asked for one more sentence ("None of these: tell me more"); the next text is routed with the question. */
  | 'telling-more'
  /** Asked whether a typed text is the organisation's name (see `nameCheck`). */
  | 'confirming-name';

export interface PendingCaseQuestion {
  caseId: string;
  caseRef: string;
  /**
   * open: just arrived, a message is sent only after the researcher confirms it; replying: the researcher clicked
   * Reply, the next message is the answer; later: "Answer later", messages are new questions. Missing means open.
   */
  mode?: 'open' | 'replying' | 'later';
  /** A message waiting for "Send this as your answer to case RS-…?". */
  draft?: string;
}

export interface ConversationState {
  v: typeof STATE_VERSION;
  lang: Lang;
  phase: Phase;
  playbook?: { id: PlaybookId; rev: string };
  step?: string;
  facts: Facts;
  answers: AnswerRecord[];
  flags: string[];
  screening: ScreeningHit[];
  /** The names screened in this conversation and the lists they were checked against. */
  screened?: ScreeningSummary;
  outcome?: Outcome;
  /** The alternatives offered by a clarifying question. */
  clarify?: PlaybookId[];
  /** Case refs created in this conversation. */
  cases: string[];
  pendingCaseQuestion?: PendingCaseQuestion;
  /** Playbooks the user said it is not about; left out of routing until a playbook starts. */
  excluded?: PlaybookId[];
  /** A typed text that may not be a name: the question step and the text, until the user says yes or no. */
  nameCheck?: { step: string; text: string };
  /** The user chose the language; it is no longer taken from what they type. */
  langChosen: boolean;
  /** The question that started the playbook; the FAQ answers it. Kept only in this conversation. */
  question?: string;
  /** Situations recognised in what the user said, used to skip questions. */
  signals: string[];
  turn: number;
}

// ---------- outcome ----------

export interface Citation {
  section: string;
  title: string;
  source: string;
  /** Where the section is in the source text, e.g. "/sources/vlir#s-case-drone-china". */
  href?: string;
}

/** An external source a step needs (OpenSanctions, the EU sanctions map, the tracker ...). */
export interface LinkView {
  id: string;
  label: string;
  url: string;
}

/** How strongly the outcome involves the contact point: a duty requires it, help is offered, or neither. */
export type Escalation = 'required' | 'offered' | 'none';

export interface AdviceItem {
  id: string;
  text: string;
  cites: Citation[];
}

export interface FlagView {
  id: string;
  label: string;
  severity: Severity;
  dimension: string;
}

export interface ContactPointView {
  id: string;
  name: string;
  email: string;
  /** Specialised addresses that fit this outcome (export control, human rights, dual use). */
  specialised: Array<{ topic: string; email: string }>;
}

export interface ScreeningSummary {
  names: string[];
  lists: ScreenedList[];
  /** Kinds of list not checked (no data loaded), from ScreeningResult.missing. */
  missing?: HitKind[];
  checkByHand?: UncheckedKind[];
  /** Remote lists (yente) that did not answer: not checked, which is not "no hits". */
  notChecked?: NotCheckedList[];
}

export interface NotCheckedList {
  list: string;
  name: string;
  reason: 'timeout' | 'error' | 'pending';
}

export interface Outcome {
  playbook: PlaybookId;
  playbookTitle: string;
  risk: Risk;
  riskLabel: string;
  /** One line that answers the question asked ("Possible, but only after ..."). */
  headline: string;
  /** One paragraph: what this comes down to. */
  assessment: string;
  /** Why this risk: which elements came together. */
  riskReasons: string[];
  flags: FlagView[];
  screening: ScreeningHit[];
  /** What was screened, so that "no hits" can name the lists and their dates. */
  screened?: ScreeningSummary;
  steps: AdviceItem[];
  measures: AdviceItem[];
  duties: AdviceItem[];
  /** What the researcher could not answer: to check with the contact point. Not a risk element. */
  openPoints: AdviceItem[];
  /** The rule of content/rules that set the risk ("High because: topic + partner + country"). */
  riskBasis?: { rule: string; text: string; cites: Citation[] };
  /** External sources the steps need. */
  links: LinkView[];
  /** Offer to send the case to the contact point. */
  escalate: boolean;
  /** Why: a duty requires the contact point, or help is only offered. */
  escalation: Escalation;
  contactPoint?: ContactPointView;
  citations: Citation[];
}

// ---------- input, replies, effects ----------

export type EngineInput =
  | { type: 'text'; text: string }
  /** A button click. `step` is the step the button belonged to, to ignore stale clicks. */
  | { type: 'action'; value: string; step?: string }
  | { type: 'start'; playbook: PlaybookId }
  | { type: 'set-lang'; lang: Lang }
  /** A contact point asks the researcher something about a case. */
  | { type: 'case-question'; caseId: string; caseRef: string; text: string }
  /** A case changed status; the researcher is told. */
  | { type: 'case-status'; caseRef: string; status: CaseStatus; advice?: string };

export type CaseStatus = 'open' | 'taken' | 'awaiting-info' | 'closed';

/** Values the engine needs from outside to stay pure. */
export interface TurnMeta {
  /** ISO timestamp of the turn. */
  at: string;
  /** A fresh random id the engine may use (case ids). */
  newId: string;
  /** Who is talking, for the case. */
  user?: { id: string; name?: string; channel: string };
  /**
   * The refs of every case this user sent on this channel, from any of their conversations. The service
   * reads them only for a turn that forgets the user and runs that step again with them, so that
   * "forget me" can name what stays with the institution.
   */
  sentCases?: string[];
}

export interface Choice {
  label: string;
  value: string;
}

export type Reply =
  | { kind: 'text'; text: string }
  | {
      kind: 'question';
      text: string;
      help?: string;
      step: string;
      choices: Choice[];
      /** What a typed answer may be, e.g. "a country", "the partner's name". */
      typeHint?: string;
      /** A free-text field (a partner's name or details): channels may open a form. */
      form?: { field: string; label: string; placeholder?: string };
      /** A structured value is asked (a name, a country): cards show a field of their own; otherwise buttons and the message box suffice. */
      structured?: boolean;
    }
  | { kind: 'outcome'; outcome: Outcome; summaryMarkdown: string }
  | { kind: 'case-created'; caseRef: string; contactPoint: ContactPointView; text: string }
  /** A menu of choices that is not a playbook question (start menu, clarifying question). */
  | { kind: 'menu'; text: string; choices: Choice[] };

export interface CaseDraft {
  id: string;
  ref: string;
  playbook: PlaybookId;
  lang: Lang;
  institution: string;
  createdAt: string;
  facts: Facts;
  answers: AnswerRecord[];
  outcome: Outcome;
  summaryMarkdown: string;
}

export type Effect = { type: 'escalate'; case: CaseDraft } | { type: 'case-answer'; caseId: string; caseRef: string; text: string } | { type: 'forget-user' };

export interface StepResult {
  state: ConversationState;
  replies: Reply[];
  effects: Effect[];
}
