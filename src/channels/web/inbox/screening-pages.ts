// The inbox's batch screening pages: the upload form with the lists the server checks, and one
// screening with its progress bar (kept current by /static/screening.js polling the status
// endpoint; without scripts the page refreshes itself) and, when done, its report.
import type { Lang } from '../../../engine/ids.js';
import type { BatchReport, Coverage } from '../../../screening/batch.js';
import { html, type Html } from '../html.js';
import { frame, type T } from './pages.js';
import type { ScreeningJob } from './screening-jobs.js';

export type TV = (key: string, values?: Record<string, string | number>) => string;

const when = (iso: string): string => iso.replace('T', ' ').slice(0, 16);

function coverageHtml(t: TV, coverage: Coverage): Html {
  const lists = coverage.lists.map((l) => html`<li>${l.name}${l.date ? ` (${l.date})` : ''}${l.stale ? ` — ${t('screening-stale')}` : ''}</li>`);
  const unchecked = coverage.checkByHand.map(
    (c) => html`<li>${t(`hit-kind-${c.kind}`)}: ${c.text} ${c.links.map((l) => html`<a href="${l.url}" rel="noopener">${l.title}</a> `)}</li>`,
  );
  return html`<h3>${t('screening-lists')}</h3><ul class="screening-lists">${lists}</ul>
${unchecked.length ? html`<h3>${t('screening-not-screened')}</h3><ul class="screening-unchecked">${unchecked}</ul>` : ''}`;
}

export interface UploadView {
  lang: Lang;
  tokenLogin: boolean;
  coverage: Coverage;
  jobs: ScreeningJob[];
  error?: string;
}

export function uploadPage(t: TV, view: UploadView): string {
  const rows = view.jobs.map(
    (j) =>
      html`<tr><td><a href="/inbox/screening/${j.id}">${j.fileName}</a></td><td>${when(j.startedAt)}</td><td>${j.status === 'running' ? t('screening-progress', { done: j.done, total: j.total }) : t(`screening-${j.status}`)}</td></tr>`,
  );
  const main = html`<h2>${t('screening-title')}</h2>
${view.error ? html`<p class="error" role="alert">${view.error}</p>` : ''}
<p>${t('screening-intro')}</p>
<form method="post" action="/inbox/screening" enctype="multipart/form-data" class="action">
  <label for="partners-file">${t('screening-file-label')}</label>
  <input id="partners-file" name="partners" type="file" accept=".csv,text/csv" required>
  <button type="submit">${t('screening-start')}</button>
</form>
${coverageHtml(t, view.coverage)}
<p>${t('screening-note')}</p>
${rows.length ? html`<h3>${t('screening-recent')}</h3><table><thead><tr><th>${t('screening-file')}</th><th>${t('screening-started')}</th><th>${t('status')}</th></tr></thead><tbody>${rows}</tbody></table>` : ''}`;
  return frame(t as T, view.lang, `${t('screening-title')} — ${t('title')}`, main, view.tokenLogin);
}

export interface JobView {
  lang: Lang;
  tokenLogin: boolean;
  job: ScreeningJob;
  /** Set once the job is done. */
  report?: BatchReport;
}

export function jobPage(t: TV, view: JobView): string {
  const { job, report } = view;
  const base = `/inbox/screening/${job.id}`;
  const progress = html`<p><progress id="screening-progress" max="${Math.max(job.total, 1)}" value="${job.done}" data-status="${base}/status" data-done-text="${t('screening-done')}"></progress>
 <span id="screening-count" data-template="${t('screening-progress', { done: '{done}', total: '{total}' })}">${t('screening-progress', { done: job.done, total: job.total })}</span></p>`;
  let body: Html;
  if (job.status === 'failed') body = html`<p class="error" role="alert">${t('screening-failed')}</p>`;
  else if (!report)
    body = html`<p role="status">${t('screening-running')}</p>${progress}<noscript><p><a href="${base}">${t('screening-progress', { done: job.done, total: job.total })}</a></p></noscript>`;
  else {
    const s = report.summary;
    const rows = report.partners.flatMap((p) =>
      p.hits.length === 0
        ? [
            html`<tr><td>${p.row}</td><td>${p.name}</td><td>${t('screening-result-none')}</td><td></td><td></td><td></td><td>${(p.notChecked ?? []).map((n) => n.name).join(', ')}</td></tr>`,
          ]
        : p.hits.map(
            (h) =>
              html`<tr class="${h.match ? 'hit-match' : 'hit-possible'}"><td>${p.row}</td><td>${p.name}</td><td>${h.match ? t('screening-result-match') : t('screening-result-possible')}</td><td data-kind="${h.kind ?? ''}">${h.kind ? t(`hit-kind-${h.kind}`) : ''}</td><td>${h.listName} (${h.listDate})</td><td>${h.name}</td><td>${(p.notChecked ?? []).map((n) => n.name).join(', ')}</td></tr>`,
          ),
    );
    body = html`<p role="status">${t('screening-summary', { partners: s.partners, matches: s.withMatch, possible: s.possibleOnly, unchecked: s.notChecked })}</p>
<p><a href="${base}/report.csv">${t('screening-download-csv')}</a> · <a href="${base}/report.pdf">${t('screening-download-pdf')}</a></p>
<table><thead><tr><th>#</th><th>${t('screening-col-partner')}</th><th>${t('screening-col-result')}</th><th>${t('screening-col-kind')}</th><th>${t('screening-col-list')}</th><th>${t('screening-col-listed')}</th><th>${t('screening-col-not-checked')}</th></tr></thead><tbody>${rows}</tbody></table>
${coverageHtml(t, { lists: report.lists, missing: report.missing ?? [], checkByHand: report.checkByHand ?? [] })}
<p>${report.note}</p>`;
  }
  const main = html`<h2>${t('screening-title')}: ${job.fileName}</h2>${body}`;
  return frame(t as T, view.lang, `${t('screening-title')} — ${t('title')}`, main, view.tokenLogin, job.status === 'running' ? ['/static/screening.js'] : []);
}
