// One inbound turn: Slack place + engine input → ConversationService → Block Kit replies in the same place.
import type { webApi } from '@slack/bolt';
import type { Lang } from '../../engine/ids.js';
import type { EngineInput } from '../../engine/types.js';
import type { InboundTurn } from '../../service/types.js';
import { escapeSlack } from './escape.js';
import { addressOf, conversationKey, type SlackPlace } from './keys.js';
import { postMessages } from './post.js';
import { sections, type SlackMessage } from './render/blocks.js';
import { renderReplies } from './render/reply.js';
import { startMenu } from './render/start-menu.js';
import type { SlackRuntime } from './runtime.js';

type Client = webApi.WebClient;

export async function runTurn(
  rt: SlackRuntime,
  client: Client,
  place: SlackPlace,
  input: EngineInput,
  userName?: string,
  /** The inbox item this turn answers: the turn's commit marks it done. */
  inboxKey?: string,
): Promise<void> {
  const started = Date.now();
  const lang = await rt.directory.lang(client, place.user);
  const turn: InboundTurn = {
    channel: 'slack',
    conversationKey: conversationKey(place),
    user: userName ? { id: place.user, name: userName } : { id: place.user },
    address: addressOf(place),
    input,
    ...(lang ? { lang } : {}),
    ...(inboxKey ? { inboundKey: inboxKey } : {}),
  };
  let messages: SlackMessage[];
  try {
    const result = await rt.deps.conversations.handle(turn);
    if (result.duplicate) return; // another instance answered this event already
    messages = renderReplies(result.replies, result.state.lang, rt.t);
  } catch (err) {
    rt.log.error({ input: input.type, err: (err as Error).name }, 'turn failed');
    messages = [errorMessage(rt, lang ?? 'en')];
  }
  await postMessages(client, place.channel, messages, place.thread ? { thread: place.thread } : {});
  rt.log.info({ input: input.type, messages: messages.length, ms: Date.now() - started }, 'turn answered');
}

/** The inbox key Bolt put into a listener's context for an event processed from the inbox. */
export function inboxKeyOf(context: Record<string, unknown>): string | undefined {
  const key = context['inboxKey'];
  return typeof key === 'string' ? key : undefined;
}

function errorMessage(rt: SlackRuntime, lang: Lang): SlackMessage {
  const text = escapeSlack(rt.t('error-generic', lang));
  return { text, blocks: sections(text) };
}

/** The playbook menu, for an empty slash command or mention. */
export async function postStartMenu(rt: SlackRuntime, client: Client, place: SlackPlace): Promise<void> {
  const lang = (await rt.directory.lang(client, place.user)) ?? 'en';
  await postMessages(client, place.channel, [startMenu(rt, lang)], place.thread ? { thread: place.thread } : {});
}
