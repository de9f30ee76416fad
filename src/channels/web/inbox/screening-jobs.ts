// Batch screenings started from the inbox: run in the background against the running screener, their
// progress read by the page, their report downloaded when done. Kept in memory: a report is made to be
// downloaded right away, and a restart only means uploading the file again.
import { randomUUID } from 'node:crypto';
import { screenPartners, type BatchScreener, type Coverage, type Partner, type PartnerResult } from '../../../screening/batch.js';
import type { CsvDelimiter } from '../../../screening/csv.js';
import type { InboxViewer } from './viewer.js';

export interface ScreeningJob {
  id: string;
  /** Who may see it: the institution whose contact point uploaded it, or the admin or open inbox. */
  scope: string;
  fileName: string;
  startedAt: string;
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  delimiter: CsvDelimiter;
  results?: PartnerResult[];
  coverage?: Coverage;
  finishedAt?: string;
  error?: string;
}

export interface ScreeningJobs {
  start(viewer: InboxViewer, fileName: string, partners: Partner[], delimiter: CsvDelimiter): ScreeningJob;
  /** The job when the viewer may see it; undefined otherwise, as for one that does not exist. */
  get(viewer: InboxViewer, id: string): ScreeningJob | undefined;
  list(viewer: InboxViewer): ScreeningJob[];
}

const scopeOf = (viewer: InboxViewer): string => (viewer.kind === 'institution' ? `institution:${viewer.institution}` : viewer.kind);

/** At most this many jobs are kept; the oldest finished ones go first. */
const MAX_JOBS = 50;

export function createScreeningJobs(screener: BatchScreener, clock: () => Date = () => new Date()): ScreeningJobs {
  const jobs = new Map<string, ScreeningJob>();

  const prune = (): void => {
    for (const job of [...jobs.values()]) {
      if (jobs.size <= MAX_JOBS) return;
      if (job.status !== 'running') jobs.delete(job.id);
    }
  };

  return {
    start(viewer, fileName, partners, delimiter) {
      const job: ScreeningJob = {
        id: randomUUID(),
        scope: scopeOf(viewer),
        fileName,
        startedAt: clock().toISOString(),
        status: 'running',
        done: 0,
        total: partners.length,
        delimiter,
      };
      jobs.set(job.id, job);
      prune();
      void screenPartners(partners, screener, (done) => {
        job.done = done;
      }).then(
        ({ results, coverage }) => {
          Object.assign(job, { status: 'done', results, coverage, finishedAt: clock().toISOString() });
        },
        (error: unknown) => {
          Object.assign(job, { status: 'failed', error: (error as Error).message, finishedAt: clock().toISOString() });
        },
      );
      return job;
    },
    get(viewer, id) {
      const job = jobs.get(id);
      return job && job.scope === scopeOf(viewer) ? job : undefined;
    },
    list(viewer) {
      const scope = scopeOf(viewer);
      return [...jobs.values()].filter((j) => j.scope === scope).reverse();
    },
  };
}
