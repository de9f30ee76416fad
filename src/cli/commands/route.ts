// `advisor route [--json] TEXT` and `advisor route --jsonl` (one question per stdin line):
// which playbook a question starts, the facts in it and why, as one JSON object per question.
import { createInterface } from 'node:readline';
import type { CliIO } from '../io.js';
import type { Understander, Understanding } from '../../engine/types.js';
import { createUnderstander } from '../../understand/index.js';

function toJson(u: Understanding): string {
  // The facts' own reasons are already part of u.why.
  const { why: _factsWhy, ...facts } = u.facts;
  return JSON.stringify({
    playbook: u.playbook,
    facts,
    why: u.why,
    confidence: u.confidence,
    clarify: u.clarify,
    alternatives: u.alternatives,
    ...(u.lang ? { lang: u.lang } : {}),
  });
}

async function routeLines(understander: Understander, io: CliIO): Promise<void> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    io.stdout.write(`${toJson(understander.route(line))}\n`);
  }
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const jsonl = args.includes('--jsonl');
  const text = args
    .filter((a) => a !== '--json' && a !== '--jsonl')
    .join(' ')
    .trim();
  if (!jsonl && text === '') {
    io.stderr.write('usage: advisor route [--json] TEXT | advisor route --jsonl < questions.txt\n');
    return 2;
  }
  const understander = createUnderstander();
  if (jsonl) await routeLines(understander, io);
  else io.stdout.write(`${toJson(understander.route(text))}\n`);
  return 0;
}
