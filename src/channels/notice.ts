// The payload of a 'researcher-notice' outbox job, as every channel's deliverer reads it.
import { z } from 'zod';

const caseStatus = z.enum(['open', 'taken', 'awaiting-info', 'closed']);

const noticeInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('case-question'), caseId: z.string(), caseRef: z.string(), text: z.string() }),
  z.object({ type: z.literal('case-status'), caseRef: z.string(), status: caseStatus, advice: z.string().optional() }),
]);

export const noticeJobSchema = z.object({
  conversationKey: z.string().min(1),
  address: z.record(z.string(), z.unknown()),
  input: noticeInputSchema,
});
