// Posting to Slack. The client waits out 429s (Retry-After) before retrying, so bursts stay inside the limits.
import type { webApi } from '@slack/bolt';
import type { SlackMessage } from './render/blocks.js';

type Client = webApi.WebClient;

/** Message metadata that marks a post with the outbox job's idempotency key, to find it again after a retry. */
export const DELIVERY_EVENT_TYPE = 'rsa_delivery';

export interface PostOptions {
  thread?: string;
  idempotencyKey?: string;
}

/** Posts the messages in order; returns their timestamps. */
export async function postMessages(client: Client, channel: string, messages: SlackMessage[], options: PostOptions = {}): Promise<string[]> {
  const stamps: string[] = [];
  for (const message of messages) {
    const response = await client.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      ...(options.thread ? { thread_ts: options.thread } : {}),
      ...(options.idempotencyKey ? { metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { key: options.idempotencyKey } } } : {}),
      unfurl_links: false,
      unfurl_media: false,
    });
    if (response.ts) stamps.push(response.ts);
  }
  return stamps;
}
