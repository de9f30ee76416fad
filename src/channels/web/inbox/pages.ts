// The contact point's inbox pages: the list of cases, one case (summary, history, actions) and the login.
// Server-rendered HTML with plain forms; every text from a case goes through the escaping template.
import type { Content } from '../../../content/load.js';
import type { CaseStatus, Lang } from '../../../engine/types.js';
import type { CaseListItem, CaseRecord } from '../../../store/types.js';
import { caseDocument, documentTexts } from '../../../document/index.js';
import { documentHtml } from '../../../server/exports/html.js';
import { html, page, type Html } from '../html.js';
import type { InboxRow } from './list.js';

export type T = (key: string) => string;

export function inboxTexts(content: Content, lang: Lang): T {
  return (key) => content.ui[`inbox.${key}`]?.[lang] ?? content.ui[`inbox.${key}`]?.en ?? key;
}

const STATUSES: CaseStatus[] = ['open', 'taken', 'awaiting-info', 'closed'];

export function frame(t: T, lang: Lang, title: string, main: Html, loggedIn: boolean, scripts: string[] = []): string {
  const body = html`<header class="bar">
  <h1>${t('title')}</h1>
  <nav class="langs" aria-label="Language / Taal">${['en', 'nl'].map((l) => html`<a href="?lang=${l}" lang="${l}"${l === lang ? html` aria-current="true"` : ''}>${l.toUpperCase()}</a> `)}</nav>
  <nav><a href="/inbox">${t('all-cases')}</a> <a href="/inbox/screening">${t('screening-nav')}</a>${loggedIn ? html`<form method="post" action="/inbox/logout" class="inline"><button type="submit" class="link">${t('logout')}</button></form>` : ''}</nav>
</header>
<main class="inbox">${main}</main>`;
  return page({ lang, title, body, styles: ['/static/web.css'], scripts });
}

function when(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}

function riskBadge(risk: string, label: string): Html {
  return html`<span class="badge risk-${risk}">${label}</span>`;
}

export interface ListView {
  cases: CaseListItem[];
  /** The cases that pass the risk filter and the search, with their markers; by reference. */
  rows: Map<string, InboxRow>;
  query: { risk?: string; q?: string };
  status?: CaseStatus;
  lang: Lang;
  tokenLogin: boolean;
  institutionName: (id: string) => string;
  playbookTitle: (id: string) => string;
  actorName: string;
  /** The institution whose token the contact point logged in with; absent for the admin and on open loopback. */
  viewerInstitution?: string;
}

function waited(t: T, hours: number): string {
  return hours < 24 ? t('waited-hours').replace('{n}', String(hours)) : t('waited-days').replace('{n}', String(Math.floor(hours / 24)));
}

function searchForm(t: T, view: ListView): Html {
  return html`<form class="search" method="get" action="/inbox">
  ${view.status ? html`<input type="hidden" name="status" value="${view.status}">` : ''}
  <label for="inbox-q">${t('search-label')}</label> <input id="inbox-q" name="q" value="${view.query.q ?? ''}" maxlength="100">
  <label for="inbox-risk">${t('risk')}</label> <select id="inbox-risk" name="risk"><option value="">${t('all')}</option>${['high', 'medium', 'low'].map(
    (r) => html`<option value="${r}"${view.query.risk === r ? html` selected` : ''}>${t(`risk-${r}`)}</option>`,
  )}</select>
  <button type="submit">${t('filter')}</button>
</form>`;
}

function listRow(t: T, view: ListView, c: CaseListItem): Html {
  const row = view.rows.get(c.ref);
  const marker = row?.newAnswer ? html` <span class="badge new-answer">${t('new-answer')}</span>` : '';
  return html`<tr data-ref="${c.ref}"${row?.newAnswer ? html` class="has-new-answer"` : ''}>
  <td><a href="/inbox/cases/${encodeURIComponent(c.ref)}">${c.ref}</a>${marker}</td>
  <td>${when(c.createdAt)}${c.status === 'closed' ? '' : html`<br><span class="note waited">${waited(t, row?.waitingHours ?? 0)}</span>`}</td>
  <td>${row?.researcher ?? t('researcher')}</td>
  <td>${row?.partner ?? ''}</td>
  <td>${view.institutionName(c.institution)}</td>
  <td>${view.playbookTitle(c.playbook)}</td>
  <td>${riskBadge(c.risk, t(`risk-${c.risk}`))}</td>
  <td><span class="badge status">${t(`status-${c.status}`)}</span></td>
  <td>${c.assignee?.name ?? c.assignee?.id ?? ''}</td>
</tr>`;
}

export function listPage(t: T, view: ListView): string {
  const filters = html`<p class="filters">${[undefined, ...STATUSES].map(
    (s) => html`<a href="/inbox${s ? `?status=${s}` : ''}"${view.status === s ? html` aria-current="page"` : ''}>${s ? t(`status-${s}`) : t('all')}</a>`,
  )}</p>`;
  const shown = view.cases.filter((c) => view.rows.has(c.ref));
  const head = ['case-ref', 'created', 'researcher', 'partner', 'institution', 'topic', 'risk', 'status', 'assignee'];
  const table = shown.length
    ? html`<table><thead><tr>${head.map((h) => html`<th>${t(h)}</th>`)}</tr></thead><tbody>${shown.map((c) => listRow(t, view, c))}</tbody></table>`
    : html`<p>${t('no-cases')}</p>`;
  const nameForm = html`<section><form method="post" action="/inbox/name">
  <label for="cp-name">${t('name-label')}</label>
  <input id="cp-name" name="name" maxlength="80" value="${view.actorName}" autocomplete="name">
  <button type="submit">${t('save')}</button>
</form></section>`;
  const scope = view.viewerInstitution ? html`<h2 id="viewer-institution">${view.viewerInstitution}</h2>` : '';
  return frame(t, view.lang, t('title'), html`${scope}${filters}${searchForm(t, view)}${table}${nameForm}`, view.tokenLogin);
}

export interface CaseView {
  record: CaseRecord;
  content: Content;
  lang: Lang;
  tokenLogin: boolean;
  flash?: string;
  error?: string;
}

function actions(t: T, record: CaseRecord): Html {
  const base = `/inbox/cases/${encodeURIComponent(record.ref)}`;
  const parts: Html[] = [];
  if (record.status === 'open') {
    parts.push(html`<form class="action" method="post" action="${base}/take"><button type="submit" name="go" value="take">${t('take')}</button></form>`);
  }
  if (record.status === 'taken' || record.status === 'awaiting-info') {
    parts.push(html`<form class="action" method="post" action="${base}/ask">
  <label for="question">${t('ask-label')}</label>
  <textarea id="question" name="text" required maxlength="4000"></textarea>
  <button type="submit">${t('ask')}</button>
</form>`);
  }
  if (record.status !== 'closed') {
    parts.push(html`<form class="action" method="post" action="${base}/close">
  <label for="advice">${t('close-label')}</label>
  <textarea id="advice" name="text" required maxlength="4000"></textarea>
  <button type="submit">${t('close')}</button>
</form>`);
  }
  return html`<section><h2>${t('actions')}</h2>${parts.length ? parts : html`<p>${t('closed-note')}</p>`}</section>`;
}

/** The case as the shared document (the same sections as the PDF and the cards), with the page's actions. */
export function casePage(t: T, view: CaseView): string {
  const { record } = view;
  const doc = caseDocument(record, view.content);
  const see = documentTexts(view.content.ui, doc.lang)('document.see');
  const base = `/inbox/cases/${encodeURIComponent(record.ref)}`;
  const main = html`<h1>${doc.title}</h1>
${view.flash ? html`<p class="flash" role="status">${view.flash}</p>` : ''}
${view.error ? html`<p class="error" role="alert">${view.error}</p>` : ''}
<p><span class="badge status" id="case-status">${t(`status-${record.status}`)}</span> ${riskBadge(record.draft.outcome.risk, record.draft.outcome.riskLabel)}
 — <a href="${base}/summary.md">${t('download-md')}</a> · <a href="${base}/summary.pdf">${t('download-pdf')}</a></p>
${actions(t, record)}
<article class="case-document" lang="${doc.lang}">${documentHtml(doc, see, { open: ['history', 'answers'] })}</article>`;
  return frame(t, view.lang, `${record.ref} — ${t('title')}`, main, view.tokenLogin);
}

export function notFoundPage(t: T, lang: Lang, loggedIn: boolean): string {
  return frame(t, lang, t('not-found'), html`<p>${t('not-found')}</p>`, loggedIn);
}
