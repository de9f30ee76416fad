// The conversation a block action belongs to: the DM per user, or the thread of a channel conversation.
import type { BlockAction } from '@slack/bolt';
import type { SlackPlace } from '../keys.js';

export function placeOfAction(body: BlockAction, teamFromContext: string | undefined): SlackPlace | null {
  const channel = body.channel?.id;
  if (!channel || !body.message) return null;
  const team = teamFromContext ?? body.team?.id ?? body.user.team_id ?? '';
  const place: SlackPlace = { team, channel, user: body.user.id };
  const threadTs: unknown = body.message['thread_ts'];
  if (typeof threadTs === 'string') place.thread = threadTs;
  else if (!channel.startsWith('D')) place.thread = body.message.ts;
  return place;
}
