// /research-security [question]: the conversation continues in the user's DM with the app.
import type { App } from '@slack/bolt';
import { escapeSlack, slackToPlain } from '../escape.js';
import type { SlackRuntime } from '../runtime.js';
import { postStartMenu, runTurn } from '../turns.js';

const SLASH_COMMAND = '/research-security';

export function registerCommand(app: App, rt: SlackRuntime): void {
  app.command(SLASH_COMMAND, async ({ command, ack, client, respond, context }) => {
    await ack();
    const user = command.user_id;
    const team = context.teamId ?? command.team_id;
    const channel = await rt.directory.dmChannel(client, user);
    if (command.channel_id !== channel) {
      const lang = (await rt.directory.lang(client, user)) ?? 'en';
      await respond({ response_type: 'ephemeral', text: escapeSlack(rt.t('command-answered-in-dm', lang)) });
    }
    const place = { team, channel, user };
    const text = slackToPlain(command.text ?? '').trim();
    if (text === '') {
      await postStartMenu(rt, client, place);
      return;
    }
    await runTurn(rt, client, place, { type: 'text', text }, command.user_name);
  });
}
