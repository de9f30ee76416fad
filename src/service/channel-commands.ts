// Commands a channel answers itself, before a turn reaches the engine, because the answer needs the store:
// "my cases" in Teams (the web chat lists the cases beside the chat, Slack on its App Home). The phrases are
// the lexicon's, recognised as the engine recognises its own commands.
import type { Content } from '../content/load.js';
import { commandIn } from '../engine/commands.js';

export type ChannelCommand = 'cases';

export function channelCommandIn(text: string, content: Content): ChannelCommand | undefined {
  return commandIn(text, content.lexicon.commands) === 'cases' ? 'cases' : undefined;
}
