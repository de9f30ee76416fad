// `advisor cases delete ID|REF --yes`: deletes one case with its history and its deliveries, for a
// researcher's erasure request or a case sent by mistake. The store's WAL is checkpointed afterwards.
import { openStore, storeLocationFromEnv } from '../../store/index.js';
import { openCaseRetention } from '../../store/retention-cases.js';
import type { CliIO } from '../io.js';

const USAGE = `usage: advisor cases delete ID|REF --yes
Deletes the case, its history and its deliveries from the store (DATABASE_URL, else DATA_DIR/advisor.db).
This cannot be undone. Conversations and notices follow CONVERSATION_RETENTION_DAYS.
`;

export async function runDelete(args: string[], io: CliIO): Promise<number> {
  const positional = args.filter((a) => !a.startsWith('--'));
  if (args.includes('--help') || positional.length !== 1 || args.some((a) => a.startsWith('--') && a !== '--yes')) {
    io.stderr.write(USAGE);
    return args.includes('--help') ? 0 : 2;
  }
  const id = positional[0] ?? '';
  if (!args.includes('--yes')) {
    io.stderr.write(`advisor cases delete: add --yes to delete case "${id}" for good\n`);
    return 2;
  }
  const location = storeLocationFromEnv(io.env);
  // Opening the store first runs its migrations and its integrity check.
  const store = await openStore(location);
  await store.close();
  const retention = openCaseRetention(location);
  try {
    if (!(await retention.deleteCase(id))) {
      io.stderr.write(`advisor cases: no case "${id}"\n`);
      return 1;
    }
    io.stdout.write(`Deleted case ${id} with its history and deliveries.\n`);
    return 0;
  } finally {
    await retention.close();
  }
}
