// Delivers outbox jobs addressed to the web chat. A notice for the researcher (a contact point's
// question, a status change, the advice) runs through their conversation, and the replies are kept
// for the page, which polls for them. Contact-point jobs need no delivery: the inbox reads the store.
import { z } from 'zod';
import type { ConversationService, Deliverer, DeliveryResult } from '../../service/types.js';
import type { OutboxJob, Store } from '../../store/types.js';
import type { EngineInput } from '../../engine/types.js';
import { userIdOfKey } from './session.js';

const noticePayload = z.object({
  conversationKey: z.string().regex(/^web:[A-Za-z0-9_-]+$/),
  address: z.record(z.string(), z.unknown()).default({}),
  input: z.discriminatedUnion('type', [
    z.object({ type: z.literal('case-question'), caseId: z.string(), caseRef: z.string(), text: z.string() }),
    z.object({
      type: z.literal('case-status'),
      caseRef: z.string(),
      status: z.enum(['open', 'taken', 'awaiting-info', 'closed']),
      advice: z.string().optional(),
    }),
  ]),
});

export interface WebDelivererDeps {
  conversations: ConversationService;
  store: Store;
  clock?: () => Date;
}

export function createWebDeliverer(deps: WebDelivererDeps): Deliverer {
  const clock = deps.clock ?? (() => new Date());
  return {
    channel: 'web',
    async deliver(job: OutboxJob): Promise<DeliveryResult> {
      if (job.kind !== 'researcher-notice') return { ok: true, result: { skipped: job.kind } };
      const parsed = noticePayload.safeParse(job.payload);
      if (!parsed.success) return { ok: false, retryable: false, error: 'web notice payload is not valid' };
      const { conversationKey, address } = parsed.data;
      const input = parsed.data.input as EngineInput;
      const turn = await deps.conversations.handle({
        channel: 'web',
        conversationKey,
        user: { id: userIdOfKey(conversationKey) },
        address,
        input,
      });
      const at = clock().toISOString();
      const seq = await deps.store.appendNotices(conversationKey, turn.replies, at);
      // The conversation's transcript on the server shows the notice in every tab and after a reload (issue 13).
      if (turn.replies.length > 0) await deps.store.appendTranscript(conversationKey, [{ who: 'bot', content: turn.replies }], at);
      return { ok: true, result: { seq } };
    },
  };
}
