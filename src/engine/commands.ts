// The lexicon's commands ("help", "forget me", "my cases" …) recognised in a typed message. The engine
// acts on most of them; a channel may answer one itself before the engine sees it ("my cases" in Teams).
import type { Lexicon } from '../content/schema/core.js';
import { allWords } from '../domain/lang.js';
import { normalize, roughlyEquals } from './text.js';

export type Command = keyof Lexicon['commands'];

/** Matched exactly, not with typos: "Netherlands" typed as a country is not "nederlands", "stats" is no "status". */
const EXACT: ReadonlySet<Command> = new Set(['english', 'dutch', 'cases']);

/** Command phrases, normalised once per loaded lexicon. */
const commandPhrases = new WeakMap<Lexicon['commands'], Array<[Command, string[]]>>();

function phrasesOfCommands(commands: Lexicon['commands']): Array<[Command, string[]]> {
  let list = commandPhrases.get(commands);
  if (!list) {
    list = (Object.keys(commands) as Command[]).map((name) => [name, allWords(commands[name]).map(normalize)]);
    commandPhrases.set(commands, list);
  }
  return list;
}

/** The command the whole message says, if any. */
export function commandIn(text: string, commands: Lexicon['commands']): Command | undefined {
  const n = normalize(text);
  for (const [name, phrases] of phrasesOfCommands(commands)) {
    if (phrases.some((p) => (EXACT.has(name) ? n === p : roughlyEquals(n, p)))) return name;
  }
  return undefined;
}
