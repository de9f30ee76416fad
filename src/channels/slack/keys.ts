// Conversation keys and addresses. A DM is one conversation per user; a channel conversation is one thread.
import type { ChannelAddress } from '../../store/types.js';
import { z } from 'zod';

export interface SlackPlace {
  team: string;
  channel: string;
  user: string;
  /** The thread the conversation lives in; absent for a DM answered at top level. */
  thread?: string;
}

function isDirectMessageChannel(channel: string): boolean {
  return channel.startsWith('D');
}

export function conversationKey(place: SlackPlace): string {
  if (isDirectMessageChannel(place.channel) || !place.thread) {
    return `slack:${place.team}:${place.channel}:${place.user}`;
  }
  return `slack:${place.team}:${place.channel}:${place.thread}`;
}

export function addressOf(place: SlackPlace): ChannelAddress {
  const address: ChannelAddress = { team: place.team, channel: place.channel, user: place.user };
  if (place.thread) address.thread_ts = place.thread;
  return address;
}

export const slackAddressSchema = z.object({
  team: z.string().optional(),
  channel: z.string().min(1),
  user: z.string().optional(),
  thread_ts: z.string().optional(),
});
