// Direct messages and @mentions. A DM is one conversation per user; a mention is answered in its thread.
import type { App } from '@slack/bolt';
import { slackToPlain, stripBotMention } from '../escape.js';
import type { SlackPlace } from '../keys.js';
import type { SlackRuntime } from '../runtime.js';
import { postStartMenu, runTurn } from '../turns.js';

export function registerMessages(app: App, rt: SlackRuntime): void {
  app.message(async ({ message, body, client, context }) => {
    // Only plain messages a person typed in a DM with the app: no edits, joins, bots or files-only posts.
    if (message.subtype !== undefined || message.channel_type !== 'im') return;
    if (message.bot_id || !message.user || !message.text) return;
    const team = context.teamId ?? (typeof body.team_id === 'string' ? body.team_id : '');
    rt.directory.rememberDm(message.user, message.channel);
    const place: SlackPlace = { team, channel: message.channel, user: message.user };
    if (message.thread_ts) place.thread = message.thread_ts;
    await runTurn(rt, client, place, { type: 'text', text: slackToPlain(message.text) });
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
    await runTurn(rt, client, place, { type: 'text', text });
  });
}
