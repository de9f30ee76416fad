// The contact point's inbox: every case with its status, summary and history, and the same take /
// ask-for-information / close workflow as Slack and Teams, through the CaseService.
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Content } from '../../../content/load.js';
import { LANGS, type Lang } from '../../../engine/ids.js';
import type { CaseActionResult, CaseService } from '../../../service/types.js';
import type { Store } from '../../../store/types.js';
import { exportKind, sendExport } from '../../../server/exports/send.js';
import { setCookie } from '../cookies.js';
import {
  clearLoginCookie,
  inboxActor,
  INBOX_NAME_COOKIE,
  requireInbox,
  sameSecret,
  setLoginCookie,
  type InboxAuthOptions,
} from './auth.js';
import { casePage, inboxTexts, listPage, loginPage, notFoundPage } from './pages.js';

export interface InboxRoutesDeps {
  cases: CaseService;
  store: Store;
  content: Content;
  defaultLang: Lang;
  auth: InboxAuthOptions;
}

const statusQuery = z.enum(['open', 'taken', 'awaiting-info', 'closed']).optional().catch(undefined);
const refParam = z.string().min(1).max(64);
const textForm = z.object({ text: z.string().trim().min(1).max(4000) });
const nameForm = z.object({ name: z.string().trim().max(80).default('') });
const loginForm = z.object({ token: z.string().max(1000), name: z.string().trim().max(80).optional() });
const ACTION_NOTICE = z.enum(['taken', 'asked', 'closed']).optional().catch(undefined);
const ACTION_ERROR = z.enum(['wrong-status', 'not-found', 'not-allowed', 'empty']).optional().catch(undefined);

export function inboxRoutes(deps: InboxRoutesDeps): Router {
  const { cases, store, content, auth } = deps;
  const router = Router();
  const lang = (req: Request): Lang => {
    const q = z.enum(LANGS).safeParse(req.query.lang);
    return q.success ? q.data : deps.defaultLang;
  };
  const tokenLogin = auth.token !== undefined;

  router.use(express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 20 }));
  router.use(requireInbox(auth));

  router.get('/login', (req, res) => {
    if (!tokenLogin) {
      res.redirect(303, '/inbox');
      return;
    }
    res.type('html').send(loginPage(inboxTexts(content, lang(req)), lang(req), req.query.failed === '1'));
  });

  router.post('/login', (req, res) => {
    const form = loginForm.safeParse(req.body);
    if (!auth.token || !form.success || !sameSecret(form.data.token, auth.token)) {
      res.redirect(303, '/inbox/login?failed=1');
      return;
    }
    setLoginCookie(res, auth);
    if (form.data.name) setCookie(res, INBOX_NAME_COOKIE, form.data.name, { secure: auth.secureCookies, path: '/inbox' });
    res.redirect(303, '/inbox');
  });

  router.post('/logout', (_req, res) => {
    clearLoginCookie(res, auth);
    res.redirect(303, tokenLogin ? '/inbox/login' : '/inbox');
  });

  router.post('/name', (req, res) => {
    const form = nameForm.safeParse(req.body);
    if (form.success) setCookie(res, INBOX_NAME_COOKIE, form.data.name, { secure: auth.secureCookies, path: '/inbox' });
    res.redirect(303, '/inbox');
  });

  router.get('/', async (req, res) => {
    const l = lang(req);
    const status = statusQuery.parse(req.query.status);
    const list = await store.listCases(status ? { status } : {});
    list.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const names = new Map(content.reference.contactPoints.map((cp) => [cp.id, cp.name]));
    const actor = inboxActor(req, auth);
    res.type('html').send(
      listPage(inboxTexts(content, l), {
        cases: list,
        ...(status ? { status } : {}),
        lang: l,
        tokenLogin,
        institutionName: (id) => names.get(id) ?? id,
        playbookTitle: (id) => [...content.playbooks.values()].find((p) => p.id === id)?.title[l] ?? id,
        actorName: actor.name === auth.defaultName ? '' : (actor.name ?? ''),
      }),
    );
  });

  router.get('/api/cases', async (req, res) => {
    const status = statusQuery.parse(req.query.status);
    res.json({ cases: await store.listCases(status ? { status } : {}) });
  });

  router.get('/cases/:ref', async (req, res) => {
    const l = lang(req);
    const t = inboxTexts(content, l);
    const ref = refParam.safeParse(req.params.ref);
    const record = ref.success ? await store.getCase(ref.data) : null;
    if (!record) {
      res.status(404).type('html').send(notFoundPage(t, l, tokenLogin));
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
    const ref = refParam.safeParse(req.params.ref);
    const record = kind && ref.success ? await store.getCase(ref.data) : null;
    if (!record || !kind) {
      res.status(404).json({ error: 'not-found' });
      return;
    }
    await sendExport(res, record, content, kind);
  });

  function act(name: 'take' | 'ask' | 'close', done: string) {
    return async (req: Request, res: Response): Promise<void> => {
      const ref = refParam.safeParse(req.params.ref);
      if (!ref.success) {
        res.status(404).json({ error: 'not-found' });
        return;
      }
      const base = `/inbox/cases/${encodeURIComponent(ref.data)}`;
      const actor = inboxActor(req, auth);
      let result: CaseActionResult;
      if (name === 'take') {
        result = await cases.take(ref.data, actor);
      } else {
        const form = textForm.safeParse(req.body);
        if (!form.success) {
          res.redirect(303, `${base}?error=empty`);
          return;
        }
        result = name === 'ask' ? await cases.ask(ref.data, actor, form.data.text) : await cases.close(ref.data, actor, form.data.text);
      }
      res.redirect(303, result.ok ? `${base}?done=${done}` : `${base}?error=${result.reason}`);
    };
  }

  router.post('/cases/:ref/take', act('take', 'taken'));
  router.post('/cases/:ref/ask', act('ask', 'asked'));
  router.post('/cases/:ref/close', act('close', 'closed'));

  return router;
}
