// Batch screening in the inbox: upload a CSV of partners, follow its progress, download the report as
// CSV (the upload's delimiter, a BOM, a `kind` column, formula cells neutralised) or PDF. The inbox's
// guard has run: only a contact point (or the admin) gets here, and sees only their own screenings.
import { basename, extname } from 'node:path';
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import type { Content } from '../../../content/load.js';
import type { Lang } from '../../../engine/ids.js';
import { batchReport, readPartners, reportRows, type BatchScreener } from '../../../screening/batch.js';
import { writeCsv } from '../../../screening/csv.js';
import { defaultScreeningTexts } from '../../../screening/texts.js';
import { HIT_KINDS } from '../../../domain/screening.js';
import { renderScreeningPdf } from '../../../server/exports/screening-pdf.js';
import type { InboxAuth } from './auth.js';
import { inboxTexts, notFoundPage } from './pages.js';
import { createScreeningJobs, type ScreeningJob } from './screening-jobs.js';
import { jobPage, uploadPage, type TV } from './screening-pages.js';

export interface ScreeningRoutesDeps {
  screener: BatchScreener;
  content: Content;
  auth: InboxAuth;
  lang: (req: Request) => Lang;
}

/** A partner file bigger than this is refused: tens of thousands of names. */
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
const jobId = z.string().uuid();

function screeningTexts(content: Content, lang: Lang): TV {
  const kinds = defaultScreeningTexts().hitKinds;
  return (key, values = {}) => {
    // The kinds are named as `advisor screen` names them (content/lists/screening-texts.yaml).
    const kind = key.startsWith('hit-kind-') ? HIT_KINDS.find((k) => `hit-kind-${k}` === key) : undefined;
    const entry = kind ? kinds[kind] : (content.ui[`inbox.${key}`] ?? content.ui[`document.${key}`]);
    const raw = entry?.[lang] ?? entry?.en ?? key;
    return raw.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
  };
}

/** The request body, at most `limit` bytes; undefined when it is larger. */
function readBody(req: Request, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The uploaded file of a multipart/form-data body, parsed by the platform's own FormData parser. */
async function uploadedFile(req: Request): Promise<{ name: string; data: Buffer } | undefined> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) return undefined;
  const body = await readBody(req, MAX_UPLOAD_BYTES + 16 * 1024);
  if (!body) return undefined;
  try {
    const form = await new globalThis.Request('http://inbox.invalid/', {
      method: 'POST',
      headers: { 'content-type': type },
      body: new Uint8Array(body),
    }).formData();
    const file = form.get('partners');
    if (!file || typeof file === 'string' || file.size > MAX_UPLOAD_BYTES) return undefined;
    return { name: file.name || 'partners.csv', data: Buffer.from(await file.arrayBuffer()) };
  } catch {
    return undefined;
  }
}

const safeFileName = (name: string): string =>
  basename(name, extname(name))
    .replace(/[^\w.-]+/g, '_')
    .slice(0, 80) || 'partners';

export function mountScreeningRoutes(router: Router, deps: ScreeningRoutesDeps): void {
  const { content, auth, lang } = deps;
  const jobs = createScreeningJobs(deps.screener);
  const t = (req: Request): TV => screeningTexts(content, lang(req));

  const report = (job: ScreeningJob, l: Lang) =>
    job.status === 'done' && job.results && job.coverage
      ? batchReport(job.fileName, job.finishedAt ?? job.startedAt, job.results, job.coverage, screeningTexts(content, l)('screening-note'))
      : undefined;
  const visibleJob = (req: Request): ScreeningJob | undefined => {
    const id = jobId.safeParse(req.params.id);
    return id.success ? jobs.get(auth.viewer(req), id.data) : undefined;
  };
  const notFound = (req: Request, res: Response): void => {
    res
      .status(404)
      .type('html')
      .send(notFoundPage(inboxTexts(content, lang(req)), lang(req), auth.loginRequired));
  };
  const showUpload = (req: Request, res: Response, status = 200, error?: string): void => {
    res
      .status(status)
      .type('html')
      .send(
        uploadPage(t(req), {
          lang: lang(req),
          tokenLogin: auth.loginRequired,
          coverage: deps.screener.coverage(),
          jobs: jobs.list(auth.viewer(req)),
          ...(error ? { error } : {}),
        }),
      );
  };

  router.get('/screening', (req, res) => showUpload(req, res));

  router.post('/screening', async (req, res) => {
    const file = await uploadedFile(req);
    if (!file) return showUpload(req, res, 400, t(req)('screening-bad-file'));
    let read: ReturnType<typeof readPartners>;
    try {
      read = readPartners(file.data);
    } catch {
      return showUpload(req, res, 400, t(req)('screening-bad-file'));
    }
    if (read.partners.length === 0) return showUpload(req, res, 400, t(req)('screening-no-partners'));
    const job = jobs.start(auth.viewer(req), file.name, read.partners, read.delimiter);
    res.redirect(303, `/inbox/screening/${job.id}`);
  });

  router.get('/screening/:id', (req, res) => {
    const job = visibleJob(req);
    if (!job) return notFound(req, res);
    const done = report(job, lang(req));
    res.type('html').send(jobPage(t(req), { lang: lang(req), tokenLogin: auth.loginRequired, job, ...(done ? { report: done } : {}) }));
  });

  router.get('/screening/:id/status', (req, res) => {
    const job = visibleJob(req);
    if (!job) {
      res.status(404).json({ error: 'not-found' });
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: job.status, done: job.done, total: job.total });
  });

  router.get('/screening/:id/report.:format', async (req, res) => {
    const job = visibleJob(req);
    const done = job ? report(job, lang(req)) : undefined;
    const format = req.params.format;
    if (!job || !done || (format !== 'csv' && format !== 'pdf')) {
      res.status(404).json({ error: 'not-found' });
      return;
    }
    const name = `${safeFileName(job.fileName)}.screening.${format}`;
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8').send(writeCsv(reportRows(job.results ?? [], done.lists), job.delimiter));
      return;
    }
    const l = lang(req);
    res.type('application/pdf').send(await renderScreeningPdf(done, screeningTexts(content, l), l));
  });
}
