// Who is talking and where to reach them again, taken from an incoming Teams activity.
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { Lang } from '../../engine/ids.js';
import type { ChannelAddress } from '../../store/types.js';

/** The part of a stored conversation reference that proactive messages need; validated before use. */
const conversationReferenceSchema = z
  .object({
    channelId: z.string().min(1),
    serviceUrl: z.url(),
    conversation: z
      .object({ id: z.string().min(1), isGroup: z.boolean().optional(), conversationType: z.string().optional(), tenantId: z.string().optional() })
      .loose(),
    bot: z
      .object({ id: z.string().min(1), name: z.string().optional() })
      .loose()
      .optional(),
    user: z
      .object({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() })
      .loose()
      .optional(),
    activityId: z.string().optional(),
    locale: z.string().optional(),
  })
  .loose();

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const data = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = typeof data?.tenant?.id === 'string' ? data.tenant.id : undefined;
  return fromChannelData ?? activity.conversation?.tenantId;
}

/** AAD object id when Teams gives it (stable across chats), else the Teams user id. */
export function userIdOf(activity: Partial<Activity>): string {
  return activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown';
}

export function conversationKeyOf(activity: Partial<Activity>): string {
  return `teams:${tenantOf(activity) ?? '-'}:${activity.conversation?.id ?? '-'}:${userIdOf(activity)}`;
}

/** A plain-JSON conversation reference, stored with the conversation for proactive notices. */
export function addressOf(activity: Partial<Activity>): ChannelAddress {
  const reference = TurnContext.getConversationReference(activity);
  return JSON.parse(JSON.stringify(reference)) as ChannelAddress;
}

export function referenceFrom(address: ChannelAddress): Partial<ConversationReference> | null {
  const parsed = conversationReferenceSchema.safeParse(address);
  // Validated above; botbuilder's ConversationAccount marks fields required that Teams itself leaves out.
  return parsed.success ? (parsed.data as unknown as Partial<ConversationReference>) : null;
}

export function langOf(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  const primary = locale.toLowerCase().split(/[-_]/)[0];
  // Any language code; the engine speaks it when content/languages.yaml lists it, English otherwise.
  return primary && /^[a-z]{2}$/.test(primary) ? primary : undefined;
}

/** The team's channel id of a channel thread id ("19:x@thread.tacv2;messageid=1" → "19:x@thread.tacv2"). */
export function baseConversationId(id: string): string {
  return id.split(';')[0] ?? id;
}
