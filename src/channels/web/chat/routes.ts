// The researcher's side of the web chat: the page, one endpoint per turn, notices, and the downloads of
// their own cases. Only the browser that holds the session cookie can read its conversation.
import { pick } from '../../../domain/lang.js';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { parseCardSubmit, renderWelcomeCard, uiLookup } from '../../cards/index.js';
import type { Content } from '../../../content/load.js';
import type { Lang } from '../../../engine/ids.js';
import { langCodeSchema } from '../../../domain/schemas.js';
import type { EngineInput } from '../../../engine/types.js';
import type { ConversationService } from '../../../service/types.js';
import type { Store } from '../../../store/types.js';
import { exportKind, sendExport } from '../../../server/exports/send.js';
import { isReply, toWebMessages } from '../messages.js';
import { ensureSession, existingSession } from '../session.js';
import { chatPage } from './page.js';

export interface ChatRoutesDeps {
  conversations: ConversationService;
  store: Store;
  content: Content;
  defaultLang: Lang;
  secureCookies: boolean;
}

/** A language code; the engine ignores one that content/languages.yaml does not list. */
const lang = langCodeSchema;
const profile = { lang: lang.optional(), name: z.string().trim().max(80).optional() };
const turnBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string().trim().min(1).max(4000), ...profile }).strict(),
  z.object({ kind: z.literal('card'), data: z.record(z.string(), z.unknown()), ...profile }).strict(),
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
  const { conversations, store, content } = deps;
  const router = Router();

  router.get('/', (_req, res) => {
    res.type('html').send(chatPage(content, deps.defaultLang));
  });

  router.get('/api/chat/welcome', async (req: Request, res: Response) => {
    const session = ensureSession(req, res, deps.secureCookies);
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

  router.post('/api/chat/turn', async (req: Request, res: Response) => {
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
    const session = ensureSession(req, res, deps.secureCookies);
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
    res.json({ messages: toWebMessages(turn.replies, content, turn.state.lang), lang: turn.state.lang });
  });

  router.get('/api/chat/notices', async (req: Request, res: Response) => {
    const session = existingSession(req);
    const after = z.coerce.number().int().min(0).catch(0).parse(req.query.after);
    if (!session) {
      res.json({ notices: [] });
      return;
    }
    const [notices, record] = await Promise.all([
      store.readNotices(session.conversationKey, after),
      store.loadConversation(session.conversationKey),
    ]);
    const l = record?.state.lang ?? deps.defaultLang;
    res.json({
      notices: notices.map((n) => ({ seq: n.seq, messages: toWebMessages(n.replies.filter(isReply), content, l) })),
    });
  });

  router.get('/api/chat/cases/:ref/:file', async (req: Request, res: Response) => {
    const session = existingSession(req);
    const ext = exportKind(req.params.file);
    const ref = String(req.params.ref ?? '');
    const record = session && ext && ref.length <= 64 ? await store.getCase(ref) : null;
    // Someone else's case looks exactly like a missing one.
    if (!record || !session || !ext || record.researcher.conversationKey !== session.conversationKey) {
      res.status(404).json({ error: 'not-found' });
      return;
    }
    await sendExport(res, record, content, ext);
  });

  return router;
}
