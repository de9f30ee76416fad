// The inbox login: "Sign in with <provider>" when single sign-on is configured, the token form when
// tokens are, or both; and the page for a person the provider knows who is no institution's contact point.
import type { Content } from '../../../content/load.js';
import type { Lang } from '../../../engine/ids.js';
import { html, page, type Html } from '../html.js';
import type { T } from './pages.js';

export interface LoginView {
  lang: Lang;
  tokenLogin: boolean;
  /** The provider's display name when single sign-on is on. */
  sso?: string;
  failed?: 'token' | 'sso';
}

export function ssoTexts(content: Content, lang: Lang): (key: string, values?: Record<string, string>) => string {
  return (key, values = {}) => {
    const text = content.ui[`inbox-sso.${key}`]?.[lang] ?? content.ui[`inbox-sso.${key}`]?.en ?? key;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  };
}

function frame(t: T, lang: Lang, title: string, main: Html): string {
  const body = html`<header class="bar"><h1>${t('title')}</h1></header>
<main class="inbox">${main}</main>`;
  return page({ lang, title, body, styles: ['/static/web.css'] });
}

export function loginPage(t: T, s: ReturnType<typeof ssoTexts>, view: LoginView): string {
  const failed =
    view.failed === 'token'
      ? html`<p class="error" role="alert">${t('login-failed')}</p>`
      : view.failed === 'sso'
        ? html`<p class="error" role="alert">${s('failed')}</p>`
        : '';
  const sso = view.sso ? html`<p><a class="button" id="sso-login" href="/inbox/oidc/start">${s('sign-in', { provider: view.sso })}</a></p>` : '';
  const tokenForm = view.tokenLogin
    ? html`${view.sso ? html`<p>${s('or-token')}</p>` : ''}<form method="post" action="/inbox/login">
  <label for="token">${t('token-label')}</label>
  <input id="token" name="token" type="password" autocomplete="current-password" required>
  <label for="name">${t('name-label')}</label>
  <input id="name" name="name" maxlength="80" autocomplete="name">
  <button type="submit">${t('login')}</button>
</form>`
    : '';
  return frame(
    t,
    view.lang,
    t('login-title'),
    html`<section><h2>${t('login-title')}</h2>
${failed}${sso}${tokenForm}</section>`,
  );
}

export function notContactPointPage(t: T, s: ReturnType<typeof ssoTexts>, lang: Lang, who: string): string {
  return frame(
    t,
    lang,
    s('no-institution-title'),
    html`<section><h2>${s('no-institution-title')}</h2>
<p id="no-institution">${s('no-institution', { who })}</p>
<form method="post" action="/inbox/logout"><button type="submit">${t('logout')}</button></form></section>`,
  );
}
