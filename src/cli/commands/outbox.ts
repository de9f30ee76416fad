// `advisor outbox retry JOB_ID`: re-queues a dead-lettered delivery.
// `advisor outbox list [--status pending|done|dead] [--json]`: what waits, what was delivered, what died.
import { z } from 'zod';
import type { Store } from '../../store/types.js';
import type { CliIO } from '../io.js';
import { oneLine, table, withStore } from './cases.js';

const USAGE = `usage: advisor outbox retry JOB_ID
       advisor outbox list [--status pending|done|dead] [--json]
The store: DATABASE_URL (PostgreSQL), else DATA_DIR/advisor.db (default ./data).
`;

const statusSchema = z.enum(['pending', 'done', 'dead']);

async function retry(store: Store, id: string, io: CliIO): Promise<number> {
  const job = await store.getJob(id);
  if (!job) {
    io.stderr.write(`advisor outbox: no job "${id}"\n`);
    return 1;
  }
  if (job.status !== 'dead') {
    io.stderr.write(`advisor outbox: job ${id} is ${job.status}; only dead jobs can be re-queued\n`);
    return 1;
  }
  if (!(await store.requeueJob(id, new Date().toISOString()))) {
    io.stderr.write(`advisor outbox: job ${id} changed meanwhile; not re-queued\n`);
    return 1;
  }
  io.stdout.write(
    `Re-queued ${job.kind} for ${job.channel}${job.caseId ? ` (case ${job.caseId})` : ''}: job ${id}. The worker delivers it on its next poll.\n`,
  );
  return 0;
}

async function list(store: Store, args: string[], io: CliIO): Promise<number> {
  const json = args.includes('--json');
  const at = args.indexOf('--status');
  const status = at >= 0 ? statusSchema.safeParse(args[at + 1]) : undefined;
  if (status && !status.success) {
    io.stderr.write(`advisor outbox: --status takes pending, done or dead\n${USAGE}`);
    return 2;
  }
  const jobs = await store.listJobs(status ? { status: status.data } : {});
  if (json) {
    io.stdout.write(`${JSON.stringify(jobs, null, 2)}\n`);
    return 0;
  }
  if (jobs.length === 0) {
    io.stdout.write('No jobs.\n');
    return 0;
  }
  io.stdout.write(
    table(
      ['JOB', 'KIND', 'CHANNEL', 'STATUS', 'ATTEMPTS', 'CASE', 'NEXT ATTEMPT', 'LAST ERROR'],
      jobs.map((j) => [
        j.id,
        j.kind,
        j.channel,
        j.status,
        String(j.attempts),
        j.caseId ?? '-',
        j.status === 'pending' ? j.nextAttemptAt.slice(0, 19).replace('T', ' ') : '-',
        j.status !== 'done' && j.lastError ? oneLine(j.lastError, 60) : '',
      ]),
    ),
  );
  return 0;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'retry' && rest.length === 1 && rest[0]) {
    const id = rest[0];
    return withStore(io.env, (store) => retry(store, id, io));
  }
  if (sub === 'list') return withStore(io.env, (store) => list(store, rest, io));
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  io.stderr.write(USAGE);
  return 2;
}
