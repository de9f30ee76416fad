// Conversation tests a content author writes next to the playbooks (dialogs/tests/*.yaml): what the user
// says or clicks, and what must be true afterwards. Run by test/conversations.test.ts.
import { z } from 'zod';
import { RISKS } from '../../domain/ids.js';
import { langCodeSchema, playbookIdSchema } from '../../domain/schemas.js';

const ids = z.array(z.string().min(1));

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
    /** How the outcome involves the contact point. */
    escalation: z.enum(['required', 'offered', 'none']).optional(),
    /** Answers recorded for questions: the value, and whether it was taken from what the user said. */
    answers: z.record(z.string(), z.object({ value: z.string(), inferred: z.boolean().optional() }).strict()).optional(),
    /** Facts of the conversation: the value, or a list of values that must all be there. */
    facts: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
    /** Phrases (any case) that must / must not appear in what was said so far or in the outcome. */
    texts: ids.optional(),
    noTexts: ids.optional(),
    /** Phrases (any case) that must / must not appear in the outcome itself (its assessment, steps, measures, duties). */
    outcomeTexts: ids.optional(),
    noOutcomeTexts: ids.optional(),
    /** Buttons (labels or values) offered by the last reply. */
    buttons: ids.optional(),
  })
  .strict();
export type ConversationExpect = z.infer<typeof conversationExpectSchema>;

export const conversationStepSchema = z.union([
  z
    .object({
      /** What the user types. */
      say: z.string().min(1),
      /** This message opens the playbook; when the advisor asks which topic is meant, its button is clicked. */
      opens: playbookIdSchema.optional(),
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
  z.object({ /** Switches the language, as the language button does. */ lang: langCodeSchema }).strict(),
  z.object({ expect: conversationExpectSchema }).strict(),
]);
export type ConversationStep = z.infer<typeof conversationStepSchema>;

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
            steps: z.array(conversationStepSchema).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type ConversationTestFile = z.infer<typeof conversationTestFileSchema>;
