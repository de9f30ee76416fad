// The contact point's inbox: the cases the viewer may see with their status, summary and history, and
// the same take / ask-for-information / close workflow as Slack and Teams, through the CaseService.
// A case the viewer may not see answers exactly like one that does not exist (404), everywhere.
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { Content } from '../../../content/load.js';
import type { Lang } from '../../../engine/ids.js';
import type { CaseActionResult, CaseService } from '../../../service/types.js';
import type { CaseRecord, Store } from '../../../store/types.js';
import { exportKind, sendExport } from '../../../server/exports/send.js';
import { markAuthFailed } from '../../../server/rate-limits.js';
import { readCookie, setCookie } from '../cookies.js';
import { inboxRows, listQuery } from './list.js';
import { INBOX_NAME_COOKIE, type InboxAuth } from './auth.js';
import { loginPage, notContactPointPage, ssoTexts } from './login-page.js';
import { casePage, frame, inboxTexts, listPage, notFoundPage } from './pages.js';
import { html } from '../html.js';
import { caseFilter, sees } from './viewer.js';
import { mountScreeningRoutes } from './screening-routes.js';
import type { BatchScreener } from '../../../screening/batch.js';

export interface InboxRoutesDeps {
  cases: CaseService;
  store: Store;
  content: Content;
  defaultLang: Lang;
  auth: InboxAuth;
  secureCookies: boolean;
  /** The running server's screener, for batch screening (/inbox/screening); absent, the page says it is not available. */
  screener?: BatchScreener;
  /** PUBLIC_URL: the address the provider sends the browser back to; else the request's own. */
  publicUrl?: string;
  /** Counts failed logins and refused Bearer tokens per address (429 once over). */
  loginLimit?: RequestHandler;
}

const INBOX_LANG_COOKIE = 'advisor_inbox_lang';
const statusQuery = z.enum(['open', 'taken', 'awaiting-info', 'closed']).optional().catch(undefined);
const refParam = z.string().min(1).max(64);
const textForm = z.object({ text: z.string().trim().min(1).max(4000) });
const nameForm = z.object({ name: z.string().trim().max(80).default('') });
const loginForm = z.object({ token: z.string().trim().max(1000), name: z.string().trim().max(80).optional() });
const ACTION_NOTICE = z.enum(['taken', 'asked', 'closed']).optional().catch(undefined);
const ACTION_ERROR = z.enum(['wrong-status', 'not-found', 'not-allowed', 'empty']).optional().catch(undefined);

export function inboxRoutes(deps: InboxRoutesDeps): Router {
  const { cases, store, content, auth } = deps;
  const router = Router();
  // The inbox speaks the contact point's language (their switch, kept in a cookie, or the browser's), not the case's.
  const codes = content.languages.map((l) => l.code);
  const lang = (req: Request, res?: Response): Lang => {
    const q = z.string().safeParse(req.query.lang);
    if (q.success && codes.includes(q.data)) {
      res && setCookie(res, INBOX_LANG_COOKIE, q.data, { secure: auth.secure(req), path: '/inbox', maxAgeSeconds: 365 * 24 * 3600 });
      return q.data;
    }
    const kept = readCookie(req, INBOX_LANG_COOKIE);
    if (kept && codes.includes(kept)) return kept;
    const preferred = req.acceptsLanguages(...codes);
    return typeof preferred === 'string' ? preferred : deps.defaultLang;
  };
  const tokenLogin = auth.loginRequired;
  const oidc = auth.oidc;
  const base = (req: Request): string => deps.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  const callbackUrl = (req: Request): string => `${base(req)}/inbox/oidc/callback`;
  /** The case when it exists and the viewer may see it; null otherwise, so both look the same. */
  const visibleCase = async (req: Request): Promise<CaseRecord | null> => {
    const ref = refParam.safeParse(req.params.ref);
    const record = ref.success ? await store.getCase(ref.data) : null;
    return record && sees(auth.viewer(req), record.institution) ? record : null;
  };

  router.use((_req, res, next) => {
    // Case data must not sit in a browser's or a proxy's cache.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  if (deps.loginLimit) router.use(deps.loginLimit);
  router.use(express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 20 }));
  router.use(auth.guard);

  router.get('/login', (req, res) => {
    if (!tokenLogin) {
      res.redirect(303, '/inbox');
      return;
    }
    const failed = req.query.failed === '1' ? 'token' : req.query.failed === 'sso' ? 'sso' : undefined;
    res.type('html').send(
      loginPage(inboxTexts(content, lang(req)), ssoTexts(content, lang(req)), {
        lang: lang(req),
        tokenLogin: auth.tokenLogin,
        ...(oidc ? { sso: oidc.providerName } : {}),
        ...(failed ? { failed } : {}),
      }),
    );
  });

  router.post('/login', (req, res) => {
    const form = loginForm.safeParse(req.body);
    const viewer = form.success ? auth.login(form.data.token) : null;
    if (!form.success || !viewer) {
      markAuthFailed(res);
      res.redirect(303, '/inbox/login?failed=1');
      return;
    }
    auth.setSession(req, res, { viewer });
    if (form.data.name) setCookie(res, INBOX_NAME_COOKIE, form.data.name, { secure: auth.secure(req), path: '/inbox' });
    res.redirect(303, '/inbox');
  });

  router.get('/oidc/start', async (req, res) => {
    if (!oidc) {
      res.status(404).json({ error: 'not-found' });
      return;
    }
    try {
      const started = await oidc.start(callbackUrl(req));
      auth.setPending(req, res, started.pending);
      res.redirect(303, started.url.href);
    } catch {
      // The provider cannot be reached: say so on the login page instead of a stack trace.
      res.redirect(303, '/inbox/login?failed=sso');
    }
  });

  router.get('/oidc/callback', async (req, res) => {
    const pending = auth.takePending(req, res);
    if (!oidc || !pending) {
      markAuthFailed(res);
      res.redirect(303, '/inbox/login?failed=sso');
      return;
    }
    const current = new URL(req.originalUrl, callbackUrl(req));
    const result = await oidc.finish(current, callbackUrl(req), pending);
    if (!result.ok) {
      markAuthFailed(res);
      if (result.reason === 'no-institution') {
        const who = result.identity.email ?? result.identity.name ?? result.identity.subject;
        res
          .status(403)
          .type('html')
          .send(notContactPointPage(inboxTexts(content, lang(req)), ssoTexts(content, lang(req)), lang(req), who));
        return;
      }
      res.redirect(303, '/inbox/login?failed=sso');
      return;
    }
    auth.setSession(req, res, { viewer: result.viewer, identity: result.identity });
    res.redirect(303, '/inbox');
  });

  router.post('/logout', async (req, res) => {
    const wasSso = auth.identity(req) !== undefined;
    auth.clearSession(req, res);
    const providerLogout = wasSso && oidc ? await oidc.logoutUrl(`${base(req)}/inbox/login`) : undefined;
    res.redirect(303, providerLogout?.href ?? (tokenLogin ? '/inbox/login' : '/inbox'));
  });

  router.post('/name', (req, res) => {
    const form = nameForm.safeParse(req.body);
    if (form.success) setCookie(res, INBOX_NAME_COOKIE, form.data.name, { secure: auth.secure(req), path: '/inbox' });
    res.redirect(303, '/inbox');
  });

  router.get('/', async (req, res) => {
    const l = lang(req, res);
    const status = statusQuery.parse(req.query.status);
    const query = listQuery(req.query);
    const viewer = auth.viewer(req);
    const list = await store.listCases({ ...caseFilter(viewer), ...(status ? { status } : {}) });
    list.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const rows = await inboxRows(store, list, query, new Date());
    const names = new Map(content.reference.contactPoints.map((cp) => [cp.id, cp.name]));
    res.type('html').send(
      listPage(inboxTexts(content, l), {
        cases: list,
        rows,
        query,
        ...(status ? { status } : {}),
        lang: l,
        tokenLogin,
        institutionName: (id) => names.get(id) ?? id,
        playbookTitle: (id) => [...content.playbooks.values()].find((p) => p.id === id)?.title[l] ?? id,
        actorName: auth.personName(req),
        ...(viewer.kind === 'institution' ? { viewerInstitution: names.get(viewer.institution) ?? viewer.institution } : {}),
      }),
    );
  });

  if (deps.screener) mountScreeningRoutes(router, { screener: deps.screener, content, auth, lang });
  else {
    router.get('/screening', (req, res) => {
      const t = inboxTexts(content, lang(req));
      res
        .status(404)
        .type('html')
        .send(frame(t, lang(req), t('screening-title'), html`<p>${t('screening-unavailable')}</p>`, tokenLogin));
    });
  }

  router.get('/api/cases', async (req, res) => {
    const status = statusQuery.parse(req.query.status);
    res.json({ cases: await store.listCases({ ...caseFilter(auth.viewer(req)), ...(status ? { status } : {}) }) });
  });

  router.get('/cases/:ref', async (req, res) => {
    const l = lang(req, res);
    const t = inboxTexts(content, l);
    const record = await visibleCase(req);
    if (!record) {
      res
        .status(404)
        .type('html')
        .send(notFoundPage(t, l, tokenLogin));
      return;
    }
    const done = ACTION_NOTICE.parse(req.query.done);
    const error = ACTION_ERROR.parse(req.query.error);
    res.type('html').send(
      casePage(t, {
        record,
        content,
        lang: l,
        tokenLogin,
        ...(done ? { flash: t(`done-${done}`) } : {}),
        ...(error ? { error: t(`error-${error}`) } : {}),
      }),
    );
  });

  router.get('/cases/:ref/:file', async (req, res) => {
    const kind = exportKind(req.params.file);
    const record = kind ? await visibleCase(req) : null;
    if (!record || !kind) {
      res.status(404).json({ error: 'not-found' });
      return;
    }
    await sendExport(res, record, content, kind);
  });

  function act(name: 'take' | 'ask' | 'close', done: string) {
    return async (req: Request, res: Response): Promise<void> => {
      // Checked before acting: another institution's case is refused like a missing one, and stays as it is.
      const record = await visibleCase(req);
      if (!record) {
        res
          .status(404)
          .type('html')
          .send(notFoundPage(inboxTexts(content, lang(req)), lang(req), tokenLogin));
        return;
      }
      const base = `/inbox/cases/${encodeURIComponent(record.ref)}`;
      const actor = auth.actor(req);
      let result: CaseActionResult;
      if (name === 'take') {
        result = await cases.take(record.id, actor);
      } else {
        const form = textForm.safeParse(req.body);
        if (!form.success) {
          res.redirect(303, `${base}?error=empty`);
          return;
        }
        result = name === 'ask' ? await cases.ask(record.id, actor, form.data.text) : await cases.close(record.id, actor, form.data.text);
      }
      res.redirect(303, result.ok ? `${base}?done=${done}` : `${base}?error=${result.reason}`);
    };
  }

  router.post('/cases/:ref/take', act('take', 'taken'));
  router.post('/cases/:ref/ask', act('ask', 'asked'));
  router.post('/cases/:ref/close', act('close', 'closed'));

  return router;
}
