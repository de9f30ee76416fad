// `advisor eval [--verbose] [FILE...]`: runs eval/routing.yaml (public) and eval/paraphrases.yaml
// (held out) through the router, prints accuracy per playbook and language and the recall of
// countries and technology areas, and exits 1 when a target is missed.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../content/load.js';
import type { CliIO } from '../io.js';
import { createUnderstander } from '../../understand/index.js';
import { evaluateSet, formatReport, loadEvalSet, shortfalls, TARGETS, type Targets } from '../../understand/evaluate.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export async function run(args: string[], io: CliIO): Promise<number> {
  const verbose = args.includes('--verbose') || args.includes('-v');
  const files = args.filter((a) => !a.startsWith('-'));
  const sets: Array<{ name: string; file: string; targets: Targets; informational?: boolean }> =
    files.length > 0
      ? files.map((f) => ({ name: f, file: resolve(f), targets: TARGETS.paraphrases }))
      : [
          { name: 'public set (eval/routing.yaml)', file: join(ROOT, 'eval', 'routing.yaml'), targets: TARGETS.public },
          { name: 'paraphrases (eval/paraphrases.yaml)', file: join(ROOT, 'eval', 'paraphrases.yaml'), targets: TARGETS.paraphrases },
          // Reported, not gating: later held-out sets (blind-2 was written before its round of tuning).
          { name: 'blind-2, informational (test/understand/fixtures/blind-2.yaml)', file: join(ROOT, 'test', 'understand', 'fixtures', 'blind-2.yaml'), targets: TARGETS.paraphrases, informational: true },
        ];
  const understander = createUnderstander();
  // An eval item naming a playbook that dialogs/ does not have is an error, not a miss.
  const playbooks = loadContent().playbooks;
  const missed: string[] = [];
  for (const set of sets) {
    const report = evaluateSet(understander, set.name, loadEvalSet(set.file, playbooks));
    io.stdout.write(`${formatReport(report, verbose)}\n\n`);
    if (!set.informational) missed.push(...shortfalls(report, set.targets));
  }
  if (missed.length > 0) {
    io.stderr.write(`targets missed:\n${missed.map((m) => `  - ${m}`).join('\n')}\n`);
    return 1;
  }
  io.stdout.write('all targets met\n');
  return 0;
}
