// The channel-neutral document of an outcome or a case: an ordered list of sections, each with a kind and
// the audiences it is for. Everything in it is plain text (never markup); each renderer escapes it for its
// own format. Renderers keep the order and add nothing of their own, so every view shows the same parts.
import type { Lang, Risk } from '../engine/types.js';

export const AUDIENCES = ['researcher', 'contact-point'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const SECTION_KINDS = [
  /** One line that answers the question asked. */
  'headline',
  /** What stops the plan for now (a blocker flag). */
  'blocker',
  /** The risk level, what it comes down to, and the rule that set it. */
  'risk',
  /** Why, and points of attention: the risk reasons and the flags, merged, without duplicates. */
  'reasons',
  /** What the researcher could not answer: to check with the contact point. */
  'open-points',
  'steps',
  'duties',
  'measures',
  /** The names screened, the hits and the lists checked, with their dates. */
  'screening',
  /** External sources the steps need. */
  'links',
  /** Whom to ask, and how strongly the guideline asks it. */
  'contact',
  /** The case itself: reference, dates, institution, status, researcher. */
  'case',
  'facts',
  'answers',
  /** What happened to the case: taken, questions, answers, closing. */
  'history',
  /** The contact point's advice when the case was closed. */
  'advice',
  /** The guideline sections cited, with a link to that place in the source text. */
  'sources',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export type Tone = 'high' | 'medium' | 'low' | 'attention' | 'warning';

/** A link a reader can follow; a relative href ("/sources/vlir#dual-use") points into this server. */
export interface DocLink {
  label: string;
  href?: string;
}

export interface DocItem {
  text: string;
  /** "Label: text" pairs (facts, the case's reference, a contact address). */
  label?: string;
  /** Where the item leads: an external source, a mailto: address. */
  href?: string;
  /** The guideline sections the item rests on. */
  cites?: DocLink[];
  /** Secondary text under the item, for every reader of this document. */
  note?: string;
  /** Internal ids, match scores and matcher explanations: only ever set in a contact point's document. */
  internal?: string;
  /** Text someone wrote (a question, an answer, the advice), quoted under the item. */
  quote?: string;
  tone?: Tone;
  /** The person the item names, so that a channel that can mention them (Slack) does. */
  person?: { channel: string; id: string };
}

export interface DocSection {
  kind: SectionKind;
  /** Who this section is for; a document built for one audience holds only its sections. */
  audience: readonly Audience[];
  /** Absent for the headline, which is shown as the lead line. */
  title?: string;
  /** A paragraph before the items. */
  text?: string;
  items: DocItem[];
  numbered?: boolean;
  tone?: Tone;
  /**
   * A long part: it starts closed where parts open and close by their title (the Adaptive Card, the case
   * pages' <details>); every other titled part starts open there.
   */
  fold?: boolean;
}

export interface DocumentBase {
  audience: Audience;
  title: string;
  risk: Risk;
  sections: DocSection[];
}

export interface OutcomeDocument extends DocumentBase {
  kind: 'outcome';
  lang?: Lang;
}

export interface CaseDocument extends DocumentBase {
  kind: 'case';
  lang: Lang;
  subtitle: string;
}

export type AnyDocument = OutcomeDocument | CaseDocument;

/** Looks up a UI text by its full key ("document.steps") in the document's language, filling {placeholders}. */
export type Texts = (key: string, values?: Record<string, string>) => string;
