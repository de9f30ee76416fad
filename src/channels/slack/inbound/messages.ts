// Direct messages, @mentions and typed answers in a thread the advisor is talking in. A DM is one conversation
// per user; a mention starts a conversation in its thread, and later replies in that thread (message.channels,
// message.groups) go on with it without a new @mention.
import type { App } from '@slack/bolt';
import { slackToPlain, stripBotMention } from '../escape.js';
import { conversationKey, type SlackPlace } from '../keys.js';
import type { SlackRuntime } from '../runtime.js';
import { inboxKeyOf, postStartMenu, runTurn } from '../turns.js';

/** Channel kinds whose thread replies reach us through message.channels / message.groups. */
const THREAD_CHANNEL_TYPES = new Set(['channel', 'group']);

export function registerMessages(app: App, rt: SlackRuntime): void {
  app.message(async ({ message, body, client, context }) => {
    // Only plain messages a person typed: no edits, joins, bots or files-only posts.
    if (message.subtype !== undefined) return;
    if (message.bot_id || !message.user || !message.text) return;
    const team = context.teamId ?? (typeof body.team_id === 'string' ? body.team_id : '');
    if (message.channel_type === 'im') {
      rt.directory.rememberDm(message.user, message.channel);
      const place: SlackPlace = { team, channel: message.channel, user: message.user };
      if (message.thread_ts) place.thread = message.thread_ts;
      await runTurn(rt, client, place, { type: 'text', text: slackToPlain(message.text) }, undefined, inboxKeyOf(context));
      return;
    }
    if (!THREAD_CHANNEL_TYPES.has(message.channel_type) || !message.thread_ts || message.thread_ts === message.ts) return;
    // A reply that @mentions the app also arrives as app_mention, which answers it.
    if (context.botUserId && message.text.includes(`<@${context.botUserId}>`)) return;
    const place: SlackPlace = { team, channel: message.channel, user: message.user, thread: message.thread_ts };
    // Only threads the advisor is talking in: everything else in the channel is none of its business.
    // and only from the person who started it: others in the channel cannot answer for them.
    const conversation = await rt.deps.store.loadConversation(conversationKey(place));
    if (!conversation || conversation.userId !== message.user) return;
    await runTurn(rt, client, place, { type: 'text', text: slackToPlain(message.text) }, undefined, inboxKeyOf(context));
  });

  app.event('app_mention', async ({ event, client, context }) => {
    if (!event.user || event.bot_id) return;
    const team = context.teamId ?? event.team ?? '';
    const place: SlackPlace = { team, channel: event.channel, user: event.user, thread: event.thread_ts ?? event.ts };
    const text = slackToPlain(stripBotMention(event.text, context.botUserId));
    if (text.trim() === '') {
      await postStartMenu(rt, client, place);
      return;
    }
    await runTurn(rt, client, place, { type: 'text', text }, undefined, inboxKeyOf(context));
  });
}
