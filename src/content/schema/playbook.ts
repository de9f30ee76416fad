// A playbook is a graph of steps: questions, checks and outcomes. Content authors write it in
// dialogs/<id>.yaml; this schema is what they may write.
import { z } from 'zod';
import { DIMENSIONS, RISKS } from '../../domain/ids.js';
import { localList, localText, playbookId } from './local.js';

export { localText } from './local.js';

function validRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case words joined by hyphens, e.g. ask-country');

/** A condition without alternatives: every listed part must hold. */
const conditionParts = {
  /** All of these flags are raised. */
  flags: z.array(id).optional(),
  /** At least one of these flags is raised. */
  anyFlags: z.array(id).optional(),
  /** None of these flags is raised. */
  notFlags: z.array(id).optional(),
  /** The fact has one of these values (for lists: contains one of them). */
  facts: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  /** The fact has none of these values (an unknown fact has none). */
  notFacts: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  /** These facts are known (answered, even with "not sure"). */
  known: z.array(z.string()).optional(),
  /** The computed risk is one of these (outcome items only). */
  risk: z.array(z.enum(RISKS)).optional(),
  /**
   * The checks point to a risk (outcome items only; "if the previous questions point to a risk", G:1025-1026):
   * medium or high because of risk elements, not only because a duty applies (content/rules.yaml
   * `pointsToRisk`), and no restriction or sanction stops the collaboration as planned.
   */
  pointsToRisk: z.boolean().optional(),
};
const simpleCondition = z.object(conditionParts).strict();

/** All listed parts must hold, and, when `any` is given, at least one of its conditions. An empty condition always holds. */
export const condition = z.object({ ...conditionParts, any: z.array(simpleCondition).min(1).optional() }).strict();
export type Condition = z.infer<typeof condition>;

/** Where to go next: a step id, or the first branch whose condition holds (the last one should have none). */
export const goto = z.union([id, z.array(z.object({ when: condition.optional(), goto: id }).strict()).min(1)]);
export type Goto = z.infer<typeof goto>;

const answer = z
  .object({
    value: id,
    label: localText,
    /** Typed words that mean this answer, besides the label. */
    synonyms: localList.optional(),
    /** Generic words ("we pay", "our project") that pick this answer only when no other answer is named. */
    fallback: localList.optional(),
    /**
     * What is named, typed for how (code and data files for "how would it reach them?": electronically): weak like
     * `fallback`, and only when this question itself is answered, never carried over from another question's answer.
     */
    implied: localList.optional(),
    /** Other answers this one includes ("Photos or video (with or without interviews)"): named together, this one is meant. */
    includes: z.array(id).optional(),
    /**
     * Regular expressions, tried on the typed text in lower case without accents, that name this answer like a
     * synonym: '\b\d[abc]\d{3}\b' finds a dual-use list entry of goods, such as 3A001.
     */
    patterns: z.array(z.string().refine((p) => validRegExp(p), 'not a valid regular expression')).optional(),
    /**
     * A finding that needs certainty ("it is on a sanctions list"): said with a hedge ("I think", "denk ik"), the
     * answer is not confirmed and records this value instead — another answer's ("possibly listed") or "unsure".
     */
    hedged: id.optional(),
    /**
     * The answer is a possibility itself ("Owners (possibly) from Russia …"): a text that names it but says it is not
     * verified or not sure ("according to an article …; I haven't verified that") still gives it, not "unsure".
     */
    unconfirmed: z.boolean().optional(),
    /**
     * Answers this one's words qualify when they open with a negation and follow them, in their clause or the next:
     * "photos of the irrigation systems, without people on them" are no photos of people, so `photo-video` is not read.
     */
    qualifies: z.array(id).optional(),
    /**
     * The answer says every country is in the EU or allied (content/rules.yaml `eu`, `alliedOutsideEu`): a text that
     * names a country outside them ("two founders, one Estonian, the other from Kazakhstan") does not give it. When it
     * was all the text named, the answer given here stands instead ("known owners from another country").
     */
    alliedOnly: id.optional(),
    /**
     * A field of work typed for a yes/no question that names the areas it asks about: recognised as a technology area
     * other than these (content/understand/domains.yaml), or as a field outside the critical areas (lexicon
     * `outsideAreas`), it gives this answer — "thermal imaging" is none of nuclear, absorbing material or cryptanalysis.
     */
    fieldOutside: z.array(id).optional(),
    /**
     * A defence body named by its country (fact `defenceFunders`, from the understanding layer) gives this answer:
     * `allied` when the country is in the EU, EFTA, NATO or a defence partner (content/rules.yaml `eu`,
     * `alliedOutsideEu`, `defencePartners`), `elsewhere` when it is not (G:635-637).
     */
    funderOrigin: z.enum(['allied', 'elsewhere']).optional(),
    /** Situations recognised in what the user said earlier that already give this answer. */
    signals: z.array(id).default([]),
    flags: z.array(id).default([]),
    next: id.optional(),
  })
  .strict();

const INPUT_KINDS = ['choice', 'yesno', 'country', 'domain', 'partner', 'text', 'institution'] as const;

export const questionStep = z
  .object({
    type: z.literal('question'),
    /** The fact this question fills; it is not asked when the fact is already known. */
    fact: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'a fact name is one word in camelCase, e.g. partnerKind'),
    input: z.enum(INPUT_KINDS).default('choice'),
    text: localText,
    /** Why we ask, shown under the question. */
    help: localText.optional(),
    /** A short label for the summary card, e.g. "Partner's military ties". */
    short: localText,
    dimension: z.enum(DIMENSIONS),
    cites: z.array(id).default([]),
    answers: z.array(answer).default([]),
    /**
     * A typed answer may name several of these answers at once ("samples by courier, code via GitHub"): it is a complete
     * answer, the first of them in this order is recorded (the one the advice rests on most) and all are echoed and kept
     * in the answer's label. Answers not listed here, named with others, still ask again.
     */
    several: z.array(id).optional(),
    /**
     * The fact keeps every answer named with the recorded one (`several`), so later questions and the outcome see each
     * ("the code via GitLab, and a tutorial at a summer school": two ways it is shared, each with its own questions).
     * Without it the fact is the recorded answer, and the others are on the card and raise their flags.
     */
    keepsAll: z.boolean().optional(),
    /**
     * Later questions a typed answer to this one may answer too ("samples by courier, code via GitHub" says how it is
     * shared): when the text names their answer clearly, their fact is filled and they are not asked.
     */
    answersAlso: z.array(id).optional(),
    /** "I'm not sure" is always accepted; it raises these flags (besides the automatic unsure flag). */
    unsure: z
      .object({ flags: z.array(id).default([]), next: id.optional() })
      .strict()
      .default({ flags: [] }),
    /** Ask only when this holds; otherwise go straight to `next`. */
    when: condition.optional(),
    next: goto.optional(),
  })
  .strict();
export type QuestionStep = z.infer<typeof questionStep>;

export const CHECKS = ['screen-partner', 'country-risk', 'critical-tech', 'restrictions', 'relevance'] as const;
export type CheckName = (typeof CHECKS)[number];

const checkStep = z
  .object({
    type: z.literal('check'),
    check: z.enum(CHECKS),
    when: condition.optional(),
    next: goto,
  })
  .strict();

const adviceItem = z
  .object({
    id,
    when: condition.optional(),
    text: localText,
    cites: z.array(id).min(1, 'every step cites the guideline section it rests on'),
  })
  .strict();

const referenceItem = z.object({ id, when: condition.optional() }).strict();

const CONTACT_TOPICS = ['export-control', 'human-rights', 'dual-use', 'ethics'] as const;

export const outcomeStep = z
  .object({
    type: z.literal('outcome'),
    /** What this comes down to; every matching paragraph is shown, in order. */
    assessment: z.array(z.object({ when: condition.optional(), text: localText }).strict()).min(1),
    risk: z
      .object({
        /** The lowest risk this outcome can have. */
        floor: z.enum(RISKS).default('low'),
        /** Raise the risk to at least this level when the condition holds. */
        rules: z.array(z.object({ when: condition, risk: z.enum(RISKS) }).strict()).default([]),
      })
      .strict()
      .default({ floor: 'low', rules: [] }),
    steps: z.array(adviceItem).min(1),
    /** Ids from content/measures.yaml. */
    measures: z.array(referenceItem).default([]),
    /** Ids from content/duties.yaml. */
    duties: z.array(referenceItem).default([]),
    /** When to recommend involving the contact point; by default at medium risk or above, or when a duty must be reported. */
    escalate: z
      .object({ when: condition.optional(), always: z.boolean().default(false), never: z.boolean().default(false) })
      .strict()
      .default({ always: false, never: false }),
    /** Specialised addresses to show besides the main contact point. */
    contactTopics: z.array(z.enum(CONTACT_TOPICS)).default([]),
  })
  .strict();
export type OutcomeStep = z.infer<typeof outcomeStep>;

/** Answers a knowledge question from content/faq.yaml and ends the conversation there. */
const faqStep = z
  .object({
    type: z.literal('faq'),
  })
  .strict();

export const step = z.discriminatedUnion('type', [questionStep, checkStep, outcomeStep, faqStep]);
export type Step = z.infer<typeof step>;

export const playbookSchema = z
  .object({
    id: playbookId,
    title: localText,
    /** A short description for menus and the App Home. */
    description: localText,
    /** Said when the playbook starts (the FAQ has none: it answers straight away). */
    intro: localText.optional(),
    cites: z.array(id).default([]),
    start: id,
    steps: z.record(id, step),
  })
  .strict();
export type Playbook = z.infer<typeof playbookSchema> & { rev: string; file: string };
