// `advisor cases [--json] [--status open|taken|awaiting-info|closed|dead] [--institution ID]`
// `advisor cases show ID|REF [--json]`
// Reads the configured store; "dead" lists cases with a dead-lettered delivery.
import { z } from 'zod';
import { openStore, storeLocationFromEnv } from '../../store/index.js';
import type { CaseListItem, CaseRecord, OutboxJob, Store } from '../../store/types.js';
import type { CliIO } from '../io.js';

// The admin commands (cases, outbox) open the store the server uses: DATABASE_URL, else DATA_DIR/advisor.db.
export async function withStore<T>(env: NodeJS.ProcessEnv, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeLocationFromEnv(env));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Fits cells into aligned columns for a terminal. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

/** One line of user text in a table cell: newlines and control characters would break the layout. */
export function oneLine(text: string, max = 80): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const USAGE = `usage: advisor cases [--json] [--status open|taken|awaiting-info|closed|dead] [--institution ID]
       advisor cases show ID|REF [--json]
       advisor cases delete ID|REF --yes
The store: DATABASE_URL (PostgreSQL), else DATA_DIR/advisor.db (default ./data).
`;

const STATUSES = ['open', 'taken', 'awaiting-info', 'closed', 'dead'] as const;

const listArgs = z.object({
  json: z.boolean(),
  status: z.enum(STATUSES).optional(),
  institution: z.string().min(1).optional(),
});

class UsageError extends Error {}

function parse(args: string[]): { command: 'list'; options: z.infer<typeof listArgs> } | { command: 'show'; id: string; json: boolean } {
  const rest = [...args];
  const json = rest.includes('--json');
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--json') continue;
    if (arg === '--status' || arg === '--institution') {
      const value = rest[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
      flags[arg.slice(2)] = value;
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else positional.push(arg);
  }
  if (positional[0] === 'show') {
    if (!positional[1] || positional.length > 2) throw new UsageError('cases show takes one case id or ref');
    return { command: 'show', id: positional[1], json };
  }
  if (positional.length > 0) throw new UsageError(`unknown argument ${positional[0]}`);
  const options = listArgs.safeParse({ json, ...flags });
  if (!options.success) throw new UsageError(options.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  return { command: 'list', options: options.data };
}

/** The worst delivery state of each case's jobs: dead, then pending. */
async function deliveryStates(store: Store): Promise<Map<string, 'dead' | 'pending'>> {
  const states = new Map<string, 'dead' | 'pending'>();
  for (const job of await store.listJobs({ status: 'pending' })) if (job.caseId) states.set(job.caseId, 'pending');
  for (const job of await store.listJobs({ status: 'dead' })) if (job.caseId) states.set(job.caseId, 'dead');
  return states;
}

async function list(store: Store, options: z.infer<typeof listArgs>, io: CliIO): Promise<number> {
  const delivery = await deliveryStates(store);
  const filter: Parameters<Store['listCases']>[0] = {};
  if (options.status && options.status !== 'dead') filter.status = options.status;
  if (options.institution) filter.institution = options.institution;
  let cases: CaseListItem[] = await store.listCases(filter);
  if (options.status === 'dead') cases = cases.filter((c) => delivery.get(c.id) === 'dead');
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify(
        cases.map((c) => ({ ...c, delivery: delivery.get(c.id) ?? 'ok' })),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  if (cases.length === 0) {
    io.stdout.write('No cases.\n');
    return 0;
  }
  io.stdout.write(
    table(
      ['REF', 'STATUS', 'DELIVERY', 'INSTITUTION', 'PLAYBOOK', 'RISK', 'RESEARCHER', 'ASSIGNEE', 'CREATED'],
      cases.map((c) => [
        c.ref,
        c.status,
        delivery.get(c.id) ?? 'ok',
        c.institution,
        c.playbook,
        c.risk,
        oneLine(`${c.researcher.name ?? c.researcher.id} (${c.researcher.channel})`, 40),
        c.assignee ? oneLine(c.assignee.name ?? c.assignee.id, 30) : '-',
        c.createdAt.slice(0, 16).replace('T', ' '),
      ]),
    ),
  );
  io.stdout.write(`${cases.length} case${cases.length === 1 ? '' : 's'}\n`);
  return 0;
}

function renderCase(c: CaseRecord, jobs: OutboxJob[]): string {
  const who = (a: { channel: string; id: string; name?: string }) => `${a.name ?? a.id} (${a.channel}:${a.id})`;
  const lines = [
    `Case ${c.ref}  (id ${c.id})`,
    `Status:      ${c.status}`,
    `Institution: ${c.institution}`,
    `Playbook:    ${c.playbook}`,
    `Risk:        ${c.risk}`,
    `Researcher:  ${who(c.researcher)}`,
    `Assignee:    ${c.assignee ? who(c.assignee) : '-'}`,
    `Created:     ${c.createdAt}`,
    `Updated:     ${c.updatedAt}`,
  ];
  if (c.advice) lines.push(`Advice:      ${oneLine(c.advice, 500)}`);
  lines.push('', 'History:');
  for (const event of c.history) {
    lines.push(`  ${event.at}  ${event.action.padEnd(15)} ${who(event.actor)}${event.text ? `: ${oneLine(event.text, 500)}` : ''}`);
  }
  lines.push('', 'Deliveries:');
  if (jobs.length === 0) lines.push('  none (web inbox only)');
  for (const job of jobs) {
    const error = job.status !== 'done' && job.lastError ? `  last error: ${oneLine(job.lastError, 120)}` : '';
    lines.push(`  ${job.id}  ${job.kind.padEnd(17)} ${job.channel.padEnd(6)} ${job.status.padEnd(8)} attempts ${job.attempts}${error}`);
  }
  if (jobs.some((j) => j.status === 'dead')) lines.push('', 'Re-queue a dead delivery with: advisor outbox retry JOB_ID');
  // Terminal control characters in stored text must not reach the admin's terminal.
  lines.push('', 'Summary:', c.draft.summaryMarkdown.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''));
  return `${lines.join('\n')}\n`;
}

async function show(store: Store, id: string, json: boolean, io: CliIO): Promise<number> {
  const c = await store.getCase(id);
  if (!c) {
    io.stderr.write(`advisor cases: no case "${id}"\n`);
    return 1;
  }
  const jobs = await store.listJobs({ caseId: c.id });
  io.stdout.write(json ? `${JSON.stringify({ case: c, deliveries: jobs }, null, 2)}\n` : renderCase(c, jobs));
  return 0;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  if (args[0] === 'delete') return (await import('./case-delete.js')).runDelete(args.slice(1), io);
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`advisor cases: ${error.message}\n${USAGE}`);
    return 2;
  }
  return withStore(io.env, (store) => (parsed.command === 'show' ? show(store, parsed.id, parsed.json, io) : list(store, parsed.options, io)));
}
