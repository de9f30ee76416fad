// `node bin/run-ts.js eval/run.ts [--verbose] [FILE...]`: the same as `advisor eval` (npm run eval),
// for running the evaluation without the CLI dispatcher.
import { run } from '../src/cli/commands/eval.js';

process.exitCode = await run(process.argv.slice(2), process);
