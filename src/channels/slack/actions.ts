// Action ids, view callback ids and what their values carry. Values are parsed with zod when they come back,
// because a block_actions payload is input like any other.
import { z } from 'zod';
import { playbookIdSchema } from '../../domain/schemas.js';

export const ACTION = {
  /** An engine choice (question answer, menu entry); action_id is `rsa_choice:<n>` to stay unique per message. */
  choice: 'rsa_choice',
  /** Start a playbook (App Home, the slash-command menu). */
  start: 'rsa_start',
  /** Open the form modal of a question (a partner's details). */
  form: 'rsa_form',
  caseTake: 'rsa_case_take',
  caseAsk: 'rsa_case_ask',
  caseClose: 'rsa_case_close',
} as const;

export const VIEW = {
  ask: 'rsa_view_ask',
  close: 'rsa_view_close',
  form: 'rsa_view_form',
} as const;

/** Block and action ids of the single text input in our modals. */
export const INPUT_BLOCK = 'rsa_input';
export const INPUT_ACTION = 'rsa_text';

export const actionIdPattern = (prefix: string): RegExp => new RegExp(`^${prefix}(:.*)?$`);

export const choiceValueSchema = z.object({ v: z.string().min(1), s: z.string().optional() }).strict();
export type ChoiceValue = z.infer<typeof choiceValueSchema>;

/** The engine checks that the playbook exists. */
export const startValueSchema = playbookIdSchema;

export const formValueSchema = z.object({ s: z.string(), f: z.string(), l: z.string(), p: z.string().optional() }).strict();
export type FormValue = z.infer<typeof formValueSchema>;

export const caseValueSchema = z.string().min(1).max(200);

/** Where a conversation lives, carried through a modal in private_metadata. */
export const conversationRefSchema = z
  .object({
    team: z.string(),
    channel: z.string(),
    user: z.string(),
    thread: z.string().optional(),
    step: z.string().optional(),
  })
  .strict();
export type ConversationRef = z.infer<typeof conversationRefSchema>;

/** A case modal remembers the case and where its card is, to refresh the card after the submit. */
export const caseModalMetaSchema = z.object({ caseId: z.string().min(1), channel: z.string().optional(), ts: z.string().optional() }).strict();
export type CaseModalMeta = z.infer<typeof caseModalMetaSchema>;
