// Conversation tests a content author writes next to the playbooks (dialogs/tests/*.yaml): what the user
// says or clicks, and what must be true afterwards. Run by test/conversations.test.ts.
import { z } from 'zod';
import { RISKS } from '../../domain/ids.js';
import { langCodeSchema, playbookIdSchema } from '../../domain/schemas.js';

const ids = z.array(z.string().min(1));
/** The parts of an outcome a user reads. */
export const OUTCOME_PARTS = ['headline', 'assessment', 'reasons', 'flags', 'steps', 'measures', 'duties', 'openPoints', 'riskBasis'] as const;
const outcomePartSchema = z.enum(OUTCOME_PARTS);
const escalationSchema = z.enum(['required', 'offered', 'none']);
/** A typed text, or a button (its label, its value, or the answer's value). */
const answerSchema = z.union([z.string().min(1), z.object({ click: z.string().min(1) }).strict()]);
const answersSchema = z.record(z.string(), answerSchema);

export const conversationExpectSchema = z
  .object({
    /** The playbook the conversation is in (or ended in). */
    playbook: playbookIdSchema.optional(),
    /** Where the conversation stands: asking, outcome, clarifying, idle, confirming, escalated ... */
    phase: z.string().optional(),
    /** The outcome's risk is one of these. */
    risk: z.array(z.enum(RISKS)).min(1).optional(),
    /** Outcome step ids that must be there / must not be there. */
    steps: ids.optional(),
    noSteps: ids.optional(),
    /** Question step ids that were / were not put to the user so far. */
    asked: ids.optional(),
    notAsked: ids.optional(),
    /** The question being asked now. */
    question: z.string().optional(),
    /** Flags raised / not raised. */
    flags: ids.optional(),
    noFlags: ids.optional(),
    /** Flags the outcome shows / does not show (a flag can be raised and still not be shown). */
    outcomeFlags: ids.optional(),
    noOutcomeFlags: ids.optional(),
    /** Duty and measure ids in the outcome / not in it. */
    duties: ids.optional(),
    noDuties: ids.optional(),
    measures: ids.optional(),
    /** The outcome offers to send the case to the contact point (true) or does not (false). */
    escalate: z.boolean().optional(),
    /** The conversation's language. */
    lang: langCodeSchema.optional(),
    /** Screening matched an entry of these lists (e.g. sanctions, seven-sons). */
    hits: ids.optional(),
    /** How the outcome involves the contact point: this, or one of these. */
    escalation: z.union([escalationSchema, z.array(escalationSchema).min(1)]).optional(),
    /** The outcome's headline starts with this phrase, or with one of these (exactly as written). */
    headline: z.union([z.string().min(1), ids.min(1)]).optional(),
    /** The outcome's risk label as the user reads it (e.g. "Gemiddeld"). */
    riskLabel: z.string().optional(),
    /** The rule that set the risk (an id of content/rules.yaml or the playbook), and phrases its explanation says. */
    riskBasis: z
      .object({ rule: z.string().min(1).optional(), texts: ids.optional() })
      .strict()
      .optional(),
    /** Open points (what the user could not answer, to check with the contact point) there / not there. */
    openPoints: ids.optional(),
    noOpenPoints: ids.optional(),
    /** At least this many open points. */
    openPointsAtLeast: z.number().int().min(1).optional(),
    /** At most this many questions were put to the user so far. */
    questionsAtMost: z.number().int().min(0).optional(),
    /** Phrases (any case) that must / must not appear in the outcome's summary as shown (with the lists checked, what to check by hand). */
    summaryTexts: ids.optional(),
    noSummaryTexts: ids.optional(),
    /** Phrases (any case) that must / must not appear in these parts of the outcome, e.g. `noTextsIn: { reasons: ["not sure"] }`. */
    textsIn: z.partialRecord(outcomePartSchema, ids).optional(),
    noTextsIn: z.partialRecord(outcomePartSchema, ids).optional(),
    /** What one item of the outcome (a step, duty, measure or open point, by id) says / does not say (any case). */
    itemTexts: z.record(z.string(), z.object({ texts: ids.optional(), noTexts: ids.optional() }).strict()).optional(),
    /** Parts of the addresses of the outcome's links (e.g. opensanctions.org). */
    links: ids.optional(),
    /** Screening results, matched or possible, on these lists or for these entry ids: none may be there. */
    noHits: ids.optional(),
    /** The partner names screened so far include these; false: no name was screened. */
    screened: z.union([z.literal(false), ids.min(1)]).optional(),
    /** Answers recorded for questions: the value, and whether it was taken from what the user said. */
    answers: z
      .record(
        z.string(),
        z
          .object({
            value: z.string(),
            inferred: z.boolean().optional(),
            /** The answer was typed (true) or clicked (false). */
            typed: z.boolean().optional(),
            /** The answer's label as the case shows it. */
            label: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
    /** Facts of the conversation: the value, or a list of values that must all be there. */
    facts: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
    /** Facts with exactly this value, or exactly these values (no more). */
    factsExactly: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
    /** Facts that are not known. */
    noFacts: ids.optional(),
    /** Phrases (any case) that must / must not appear in what was said so far or in the outcome. */
    texts: ids.optional(),
    noTexts: ids.optional(),
    /** Phrases (any case) that must / must not appear in the outcome itself (its assessment, steps, measures, duties). */
    outcomeTexts: ids.optional(),
    noOutcomeTexts: ids.optional(),
    /** Phrases (any case) that must / must not appear in the advisor's replies to the last step. */
    replyTexts: ids.optional(),
    noReplyTexts: ids.optional(),
    /** Each of these begins a line of the replies to the last step (exactly as written). */
    lineStarts: ids.optional(),
    /** The bot repeats back how it read a typed answer: one reply of the last step is this one line, or begins it. */
    repeatsBack: z.string().min(1).optional(),
    /** Buttons (labels or values) offered / not offered by the last reply. */
    buttons: ids.optional(),
    noButtons: ids.optional(),
    /** The replies to the last step name the reference of the case sent last (RS-...). */
    namesCase: z.literal(true).optional(),
    /** What the last step sent out, in order: escalate (the case to the contact point), case-answer, forget-user; [] for nothing. */
    sent: z.array(z.enum(['escalate', 'case-answer', 'forget-user'])).optional(),
  })
  .strict();
export type ConversationExpect = z.infer<typeof conversationExpectSchema>;

const singleStepSchema = z.union([
  z
    .object({
      /** What the user types. */
      say: z.string().min(1),
      /** This message opens the playbook; when the advisor asks which topic is meant, its button is clicked. */
      opens: playbookIdSchema.optional(),
      /**
       * The conversation goes on in this playbook: when the message opened another one, or none, the playbook's
       * start button is pressed (keeping what was said). Unlike `opens`, it does not check where the message went.
       */
      orStart: playbookIdSchema.optional(),
      /** The advisor may ask the same question again (by default that fails: the answer was not understood). */
      reask: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      /** A button of the last reply, by its label or its value. */
      click: z.string().min(1),
      reask: z.boolean().optional(),
    })
    .strict(),
  z.object({ /** Starts a playbook, as its menu button does. */ start: playbookIdSchema }).strict(),
  z
    .object({
      /** Sends a button's value as if clicked on an earlier message (an old card, a second click), shown now or not. */
      action: z.string().min(1),
      /** The question the button belonged to. */
      step: z.string().min(1).optional(),
    })
    .strict(),
  z.object({ /** Switches the language, as the language button does. */ lang: langCodeSchema }).strict(),
  z
    .object({
      /**
       * Answers the questions as they come, by question id, until none is open: a typed text, or
       * `{ click: ... }`. A question not in the list fails the test; answers for questions not asked are fine.
       * A list of such maps is read as one, a later answer replacing an earlier one: a set of answers written
       * once with a YAML anchor (&name), reused with changes as `[*name, { ask-x: ... }]`.
       */
      answer: z.union([answersSchema, z.array(answersSchema).min(1)]),
    })
    .strict(),
  z.object({ expect: conversationExpectSchema }).strict(),
]);
export type ConversationStep = z.infer<typeof singleStepSchema>;

/** A step, or a list of steps: a run of steps written once with a YAML anchor (&name) and reused (*name). */
const conversationStepSchema = z.union([singleStepSchema, z.array(singleStepSchema).min(1)]);

export const conversationTestFileSchema = z
  .object({
    /** Where the tests come from (a guideline case, an issue) and anything a reader should know. */
    about: z.string().optional(),
    tests: z
      .array(
        z
          .object({
            name: z.string().min(1),
            /** The language the conversation starts in (default: en). */
            lang: langCodeSchema.optional(),
            /** Screen against the tests' sanctions list (default); false: as if no sanctions list were loaded. */
            sanctionsList: z.boolean().optional(),
            steps: z.array(conversationStepSchema).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type ConversationTestFile = z.infer<typeof conversationTestFileSchema>;
