// Conversation state: plain JSON with a version. Anything stored that does not fit is replaced by a
// fresh state, so that an old or damaged record never crashes a conversation.
import { z } from 'zod';
import { RISKS, SEVERITIES } from './ids.js';
// Playbook ids and languages are checked against the loaded content by step() (src/engine/known.ts).
const playbookId = z.string().min(1);
const lang = z.string().min(2);
import { HIT_KINDS, STATE_VERSION, type ConversationState, type Lang } from './types.js';

export function freshState(lang: Lang = 'en'): ConversationState {
  return { v: STATE_VERSION, lang, phase: 'idle', facts: {}, answers: [], flags: [], screening: [], cases: [], signals: [], langChosen: false, turn: 0 };
}

const citation = z.object({ section: z.string(), title: z.string(), source: z.string(), href: z.string().optional() });
const advice = z.object({ id: z.string(), text: z.string(), cites: z.array(citation) });
const hit = z.object({
  list: z.string(),
  listName: z.string(),
  listDate: z.string(),
  id: z.string(),
  name: z.string(),
  matched: z.string(),
  score: z.number(),
  match: z.boolean(),
  why: z.string(),
  country: z.string().optional(),
  topics: z.array(z.string()).optional(),
  kind: z.enum(HIT_KINDS).optional(),
});
const screened = z.object({
  names: z.array(z.string()),
  lists: z.array(z.object({ id: z.string(), name: z.string(), date: z.string(), stale: z.boolean(), entries: z.number() })),
  notChecked: z.array(z.object({ list: z.string(), name: z.string(), reason: z.enum(['timeout', 'error', 'pending']) })).optional(),
  missing: z.array(z.enum(HIT_KINDS)).optional(),
  checkByHand: z
    .array(z.object({ kind: z.enum(HIT_KINDS), text: z.string(), links: z.array(z.object({ id: z.string(), title: z.string(), url: z.string() })) }))
    .optional(),
});
const outcome = z.object({
  playbook: playbookId,
  playbookTitle: z.string(),
  risk: z.enum(RISKS),
  riskLabel: z.string(),
  headline: z.string().default(''),
  assessment: z.string(),
  riskReasons: z.array(z.string()),
  flags: z.array(z.object({ id: z.string(), label: z.string(), severity: z.enum(SEVERITIES), dimension: z.string() })),
  screening: z.array(hit),
  screened: screened.optional(),
  steps: z.array(advice),
  measures: z.array(advice),
  duties: z.array(advice),
  openPoints: z.array(advice).default([]),
  riskBasis: z.object({ rule: z.string(), text: z.string(), cites: z.array(citation) }).optional(),
  links: z.array(z.object({ id: z.string(), label: z.string(), url: z.string() })).default([]),
  escalate: z.boolean(),
  escalation: z.enum(['required', 'offered', 'none']).default('none'),
  contactPoint: z
    .object({ id: z.string(), name: z.string(), email: z.string(), specialised: z.array(z.object({ topic: z.string(), email: z.string() })) })
    .optional(),
  citations: z.array(citation),
});

const conversationStateSchema = z.object({
  v: z.literal(STATE_VERSION),
  lang,
  phase: z.enum(['idle', 'clarifying', 'asking', 'outcome', 'choosing-institution', 'confirming', 'escalated', 'telling-more', 'confirming-name']),
  playbook: z.object({ id: playbookId, rev: z.string() }).optional(),
  step: z.string().optional(),
  facts: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  answers: z.array(
    z.object({
      step: z.string(),
      fact: z.string(),
      question: z.string(),
      value: z.string(),
      label: z.string(),
      typed: z.boolean(),
      inferred: z.boolean(),
    }),
  ),
  flags: z.array(z.string()),
  screening: z.array(hit),
  screened: screened.optional(),
  outcome: outcome.optional(),
  clarify: z.array(playbookId).optional(),
  cases: z.array(z.string()),
  pendingCaseQuestion: z
    .object({ caseId: z.string(), caseRef: z.string(), mode: z.enum(['open', 'replying', 'later']).optional(), draft: z.string().optional() })
    .optional(),
  excluded: z.array(playbookId).optional(),
  nameCheck: z.object({ step: z.string(), text: z.string() }).optional(),
  langChosen: z.boolean(),
  question: z.string().optional(),
  signals: z.array(z.string()),
  turn: z.number().int().nonnegative(),
});

/** Returns a valid state, or null when the stored value cannot be used. */
export function parseState(value: unknown): ConversationState | null {
  const parsed = conversationStateSchema.safeParse(value);
  return parsed.success ? (parsed.data as ConversationState) : null;
}
