// The web chat page. The chrome's texts (content/ui/web.yaml, both languages) travel in a JSON data block
// so that the language switch needs no reload; the data block is not a script and the CSP allows it.
import type { Content } from '../../../content/load.js';
import type { Lang } from '../../../engine/types.js';
import { html, Html, page } from '../html.js';

function pageData(content: Content, lang: Lang): string {
  // The case statuses in the researcher's words are shared with the Teams "my cases" card.
  const texts = Object.fromEntries(Object.entries(content.ui).filter(([key]) => key.startsWith('web.') || key.startsWith('cards.researcher-status-')));
  // Escape "<" so that no text can close the data block.
  return JSON.stringify({ lang, texts }).replace(/</g, '\\u003c');
}

export function chatPage(content: Content, lang: Lang): string {
  const t = (key: string): string => content.ui[`web.${key}`]?.[lang] ?? content.ui[`web.${key}`]?.en ?? key;
  const body = html`<header class="bar">
  <h1 data-ui="web.title">${t('title')}</h1>
  <div class="langs" role="group" aria-label="Language / Taal">
    ${content.languages.map((l) => html`<button type="button" data-lang="${l.code}" title="${l.name}" aria-pressed="${String(lang === l.code)}">${l.code.toUpperCase()}</button>`)}
  </div>
</header>
<main class="chat">
  <p class="intro" data-ui="web.intro">${t('intro')}</p>
  <details class="profile">
    <summary data-ui="web.profile">${t('profile')}</summary>
    <label><span data-ui="web.name-label">${t('name-label')}</span>
      <input id="profile-name" maxlength="80" autocomplete="name"></label>
    <p class="note" data-ui="web.privacy">${t('privacy')}</p>
  </details>
  <section id="my-cases" class="my-cases" hidden></section>
  <div id="transcript" aria-live="polite"></div>
  <section id="open-question" class="open-question" aria-live="polite" hidden></section>
  <div id="status" role="status"></div>
  <form id="composer">
    <textarea id="message" rows="2" maxlength="4000" data-ui-placeholder="web.placeholder" placeholder="${t('placeholder')}" aria-label="${t('placeholder')}"></textarea>
    <button type="submit" data-ui="web.send">${t('send')}</button>
  </form>
</main>
<script type="application/json" id="page-data">${new Html(pageData(content, lang))}</script>`;
  return page({
    lang,
    title: t('title'),
    body,
    styles: ['/static/web.css'],
    scripts: ['/static/adaptivecards.min.js', '/static/chat.js'],
  });
}
