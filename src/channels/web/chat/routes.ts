// The researcher's side of the web chat: the page, one endpoint per turn, notices, and the downloads of
// their own cases. Only the browser that holds the session cookie the server issued can read its
// conversation. Turns per address and cases per session and address are limited (429 with a message).
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { pick } from '../../../domain/lang.js';
import { z } from 'zod';
import { parseCardSubmit, renderReplyCard, renderWelcomeCard, uiLookup } from '../../cards/index.js';
import type { Content } from '../../../content/load.js';
import type { Lang } from '../../../engine/ids.js';
import { langCodeSchema } from '../../../domain/schemas.js';
import type { EngineInput } from '../../../engine/types.js';
import type { ConversationService } from '../../../service/types.js';
import type { Store } from '../../../store/types.js';
import { exportKind, sendExport } from '../../../server/exports/send.js';
import type { CaseQuota, RateLimits } from '../../../server/rate-limits.js';
import { isReply, toWebMessages, type WebMessage } from '../messages.js';
import type { WebSession, WebSessions } from '../session.js';
import { chatPage } from './page.js';
import { readHistory, turnEntries } from './history.js';
import { researcherCasePage } from './case-page.js';

export interface ChatRoutesDeps {
  conversations: ConversationService;
  store: Store;
  content: Content;
  defaultLang: Lang;
  sessions: WebSessions;
  /** Turns per address and the case quota; absent means unlimited (tests of other things). */
  limits?: Pick<RateLimits, 'chatTurns'> & { cases: CaseQuota };
}

/** A language code; the engine ignores one that content/languages.yaml does not list. */
const lang = langCodeSchema;
const profile = { lang: lang.optional(), name: z.string().trim().max(80).optional() };
const turnBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string().trim().min(1).max(4000), ...profile }).strict(),
  z.object({ kind: z.literal('card'), data: z.record(z.string(), z.unknown()), label: z.string().max(400).optional(), ...profile }).strict(),
  z.object({ kind: z.literal('lang'), ...profile, lang }).strict(),
]);

function inputOf(body: z.infer<typeof turnBody>): EngineInput | null {
  switch (body.kind) {
    case 'text':
      return { type: 'text', text: body.text };
    case 'lang':
      return { type: 'set-lang', lang: body.lang };
    case 'card': {
      const submit = parseCardSubmit(body.data);
      // A researcher's page never carries case actions; those belong to the inbox.
      return submit.kind === 'engine' ? submit.input : null;
    }
  }
}

export function chatRoutes(deps: ChatRoutesDeps): Router {
  const { conversations, store, content, sessions } = deps;
  const router = Router();
  const langOf = (req: Request): Lang => {
    const body = z.object({ lang }).safeParse(req.body);
    return body.success ? body.data.lang : deps.defaultLang;
  };
  const textMessage = (key: string, l: Lang): WebMessage => {
    const text = content.ui[key]?.[l] ?? content.ui[key]?.en ?? key;
    return { card: renderReplyCard({ kind: 'text', text }, uiLookup(content.ui, l)) };
  };
  const turnLimit: RequestHandler = deps.limits ? deps.limits.chatTurns((req) => textMessage('limits.chat-turns', langOf(req))) : (_req, _res, next) => next();

  router.use('/api/chat', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  router.get('/', (req, res) => {
    // The page speaks the browser's language (Accept-Language) when the content has it; the switch stays visible.
    const preferred = req.acceptsLanguages(...content.languages.map((l) => l.code));
    const l = typeof preferred === 'string' ? preferred : deps.defaultLang;
    res.setHeader('Vary', 'Accept-Language');
    res.type('html').send(chatPage(content, l));
  });

  router.get('/api/chat/welcome', async (req: Request, res: Response) => {
    const session = sessions.ensure(req, res);
    const chosen = lang.safeParse(req.query.lang);
    const l = chosen.success ? chosen.data : deps.defaultLang;
    const playbooks = content.playbookOrder
      .flatMap((id) => (id === content.knowledgePlaybook ? [] : [content.playbooks.get(id)].filter((p) => p !== undefined)))
      .map((p) => ({ id: p.id, title: pick(p.title, l), description: pick(p.description, l) }));
    const notices = await store.readNotices(session.conversationKey, 0);
    res.json({
      messages: [{ card: renderWelcomeCard(playbooks, uiLookup(content.ui, l)) }],
      noticeSeq: notices.at(-1)?.seq ?? 0,
    });
  });

  router.post('/api/chat/turn', turnLimit, async (req: Request, res: Response) => {
    const parsed = turnBody.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid-request' });
      return;
    }
    const input = inputOf(parsed.data);
    if (!input) {
      res.status(400).json({ error: 'invalid-action' });
      return;
    }
    const session = sessions.ensure(req, res);
    const address = req.ip ?? 'unknown';
    // Over the case quota the chat pauses for this session (or address) until the hour is up: a case
    // is made inside the turn, so the turn itself waits.
    const wait = (await deps.limits?.cases.retryAfter(session.userId, address)) ?? 0;
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      res.status(429).json({ error: 'rate-limited', messages: [textMessage('limits.cases', parsed.data.lang ?? deps.defaultLang)] });
      return;
    }
    const user: { id: string; name?: string } = { id: session.userId };
    if (parsed.data.name) user.name = parsed.data.name;
    const turn = await conversations.handle({
      channel: 'web',
      conversationKey: session.conversationKey,
      user,
      address: { conversationKey: session.conversationKey },
      input,
      ...(parsed.data.lang ? { lang: parsed.data.lang } : {}),
    });
    if (turn.createdCases.length > 0) {
      await deps.limits?.cases.record(session.userId, address, turn.createdCases.length);
      // A case was sent: a new cookie, so that a copy of the old one cannot open it.
      sessions.rotate(req, res, session);
    }
    // The transcript lives on the server (issue 13); after "forget me" it is gone and this turn is not kept either.
    const forgotten = (await store.loadConversation(session.conversationKey)) === null;
    const said = parsed.data.kind === 'text' ? parsed.data.text : parsed.data.kind === 'card' ? parsed.data.label : undefined;
    if (!forgotten) await store.appendTranscript(session.conversationKey, turnEntries(said, turn.replies), new Date().toISOString());
    res.json({
      messages: toWebMessages(turn.replies, content, turn.state.lang),
      ...(forgotten ? { reset: true } : {}),
      lang: turn.state.lang,
    });
  });

  router.get('/api/chat/history', async (req: Request, res: Response) => {
    const session = sessions.existing(req);
    const after = z.coerce.number().int().min(0).catch(0).parse(req.query.after);
    if (!session) {
      res.json({ entries: [], known: after === 0, cases: [], openQuestion: null });
      return;
    }
    res.json(await readHistory({ store, content, conversationKey: session.conversationKey, userId: session.userId, after, defaultLang: deps.defaultLang }));
  });

  router.get('/api/chat/notices', async (req: Request, res: Response) => {
    const session = sessions.existing(req);
    const after = z.coerce.number().int().min(0).catch(0).parse(req.query.after);
    if (!session) {
      res.json({ notices: [] });
      return;
    }
    const [notices, record] = await Promise.all([store.readNotices(session.conversationKey, after), store.loadConversation(session.conversationKey)]);
    const l = record?.state.lang ?? deps.defaultLang;
    res.json({
      notices: notices.map((n) => ({ seq: n.seq, messages: toWebMessages(n.replies.filter(isReply), content, l) })),
    });
  });

  // The researcher's view of one of their own cases; someone else's looks like a missing one.
  router.get('/cases/:ref', async (req: Request, res: Response) => {
    const session = sessions.existing(req);
    const ref = String(req.params.ref ?? '');
    const record = session && ref.length <= 64 ? await store.getCase(ref) : null;
    if (!record || !session || record.researcher.conversationKey !== session.conversationKey) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(researcherCasePage(record, content));
  });

  router.get('/api/chat/cases/:ref/:file', async (req: Request, res: Response) => {
    const session = sessions.existing(req);
    const ext = exportKind(req.params.file);
    const ref = String(req.params.ref ?? '');
    const record = session && ext && ref.length <= 64 ? await store.getCase(ref) : null;
    // Someone else's case looks exactly like a missing one; so does one this cookie predates.
    if (!record || !session || !ext || !opens(session, record)) {
      res.status(404).json({ error: 'not-found' });
      return;
    }
    await sendExport(res, record, content, ext);
  });

  return router;
}

/** The researcher's own case, with a cookie issued when or after the case was sent (rotated then). */
function opens(session: WebSession, record: { researcher: { conversationKey: string }; createdAt: string }): boolean {
  return record.researcher.conversationKey === session.conversationKey && session.issuedAt >= Date.parse(record.createdAt);
}
