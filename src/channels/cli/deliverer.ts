// Delivers notices to a researcher who talks in the terminal: they wait in the store until the next
// `advisor chat`, which shows them.
import type { OutboxJob } from '../../store/types.js';
import type { Store } from '../../store/types.js';
import type { ConversationService, Deliverer, DeliveryResult } from '../../service/types.js';
import { noticeJobSchema } from '../notice.js';

export function createCliDeliverer(store: Store, conversations: ConversationService, clock: () => Date): Deliverer {
  return {
    channel: 'cli',
    async deliver(job: OutboxJob): Promise<DeliveryResult> {
      if (job.kind !== 'researcher-notice') return { ok: true, result: { skipped: job.kind } };
      const notice = noticeJobSchema.safeParse(job.payload);
      if (!notice.success) return { ok: false, retryable: false, error: 'malformed researcher-notice payload' };
      const { conversationKey, address, input } = notice.data;
      const userId = typeof address.userId === 'string' ? address.userId : conversationKey;
      const result = await conversations.handle({ channel: 'cli', conversationKey, user: { id: userId }, address, input });
      const seq = await store.appendNotices(conversationKey, result.replies, clock().toISOString());
      return { ok: true, result: { seq } };
    },
  };
}
