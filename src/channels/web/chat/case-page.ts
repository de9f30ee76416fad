// The researcher's own view of a case (issue 13 item 5): its status, the contact point's questions and the
// researcher's answers in order, the final advice, and the downloads. Rendered from the same case document
// as every other view, without the internal ids a researcher has no use for.
import type { Content } from '../../../content/load.js';
import { caseDocument, documentTexts, type CaseDocument, type DocItem } from '../../../document/index.js';
import { documentHtml } from '../../../server/exports/html.js';
import type { CaseRecord } from '../../../store/types.js';
import { html, page } from '../html.js';

/** Without internal ids; the researcher's own line only when it names them (a hashed session id means nothing). */
function forResearcher(doc: CaseDocument, record: CaseRecord): CaseDocument {
  const unnamed = (item: DocItem): boolean => !record.researcher.name && item.person?.id === record.researcher.id;
  return {
    ...doc,
    sections: doc.sections.map((s) => ({ ...s, items: s.items.filter((i) => !unnamed(i)).map(({ internal: _internal, ...item }) => item) })),
  };
}

export function researcherCasePage(record: CaseRecord, content: Content): string {
  const lang = record.draft.lang;
  const t = documentTexts(content.ui, lang);
  const doc = forResearcher(caseDocument(record, content), record);
  const ref = encodeURIComponent(record.ref);
  const body = html`<header class="bar"><h1>${record.ref}</h1><a class="back" href="/">${t('web.back-to-chat')}</a></header>
<main class="chat case-view">
  <p class="case-status"><strong>${t('inbox.status')}:</strong> <span data-status="${record.status}">${t(`inbox.status-${record.status}`)}</span></p>
  <p class="downloads">${t('web.download')} <a href="/api/chat/cases/${ref}/summary.md" download>${t('web.download-md')}</a>
    <a href="/api/chat/cases/${ref}/summary.pdf" download>${t('web.download-pdf')}</a></p>
  <article class="document">${documentHtml(doc, t('document.see'), { open: ['history'] })}</article>
</main>`;
  return page({ lang, title: `${record.ref} — ${t('web.title')}`, body, styles: ['/static/web.css'], scripts: [] });
}
