// `advisor <command>`: dispatches to src/cli/commands/<command>.ts.
import type { CliIO, CommandRun } from './io.js';

const COMMANDS: Record<string, { summary: string }> = {
  chat: { summary: 'talk to the advisor in the terminal (--lang en|nl, --jsonl for programs)' },
  route: { summary: 'show which playbook a question starts and the facts in it (--json, --jsonl)' },
  screen: { summary: 'screen a partner name against the lists (--json, --country CC, --csv FILE)' },
  datasets: { summary: 'update: download the OpenSanctions exports and swap them in (--force); status: their date and age' },
  content: {
    summary:
      'content check: validate content/ and dialogs/; content review: every playbook path with its outcome and risk rule, as HTML (--out FILE.html, --lang en|nl, --pdf)',
  },
  cases: { summary: 'list cases (--json, --status open|taken|closed|dead), or `cases show ID`' },
  outbox: { summary: 'outbox retry ID: re-queue a dead delivery' },
  eval: { summary: 'run the routing evaluation sets and check the targets' },
  serve: { summary: 'run the server: web chat, inbox, Slack and Teams when configured' },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return `usage: advisor <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[], io: CliIO = process): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`advisor: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  // Each command lives in its own module, loaded only when used, so `advisor route` stays fast.
  // `advisor content review` has a module of its own: it runs the engine over every path.
  const module = name === 'content' && rest[0] === 'review' ? 'review' : name;
  const mod: { run?: CommandRun } = await import(`./commands/${module}.js`);
  if (typeof mod.run !== 'function') throw new Error(`command module "${module}" exports no run()`);
  return mod.run(module === 'review' ? rest.slice(1) : rest, io);
}
