// The researcher's conversation kept on the server (issue 13): every tab and a reload read it here, so a
// second tab shows the same transcript, the same cases and the contact point's open question.
import type { Content } from '../../../content/load.js';
import type { Lang } from '../../../engine/ids.js';
import type { Reply } from '../../../engine/types.js';
import { readResearcherCases, type OpenCaseQuestion } from '../../../service/researcher-cases.js';
import type { CaseListItem, Store, TranscriptEntry } from '../../../store/types.js';
import { isReply, toWebMessages, type WebMessage } from '../messages.js';

/** One transcript line as the page shows it: the researcher's text, or the bot's cards. */
export type WebEntry = { seq: number; who: 'me'; text: string } | { seq: number; who: 'bot'; messages: WebMessage[] };

export interface WebCase {
  ref: string;
  status: CaseListItem['status'];
  playbook: string;
  risk: string;
  createdAt: string;
}

export interface WebHistory {
  entries: WebEntry[];
  /** False when the page's last entry is gone ("forget me" in another tab): the page starts over from `entries`. */
  known: boolean;
  cases: WebCase[];
  /** The contact point's question still waiting for an answer, as a card with its Reply button. */
  openQuestion: WebMessage | null;
}

function toWebEntries(entries: TranscriptEntry[], content: Content, lang: Lang): WebEntry[] {
  return entries.map((e): WebEntry => {
    if (e.who === 'researcher') return { seq: e.seq, who: 'me', text: typeof e.content === 'string' ? e.content : '' };
    const replies = Array.isArray(e.content) ? e.content.filter(isReply) : [];
    return { seq: e.seq, who: 'bot', messages: toWebMessages(replies, content, lang) };
  });
}

/** What a turn adds to the transcript: the researcher's words (when they typed or chose something) and the replies. */
export function turnEntries(said: string | undefined, replies: Reply[]): Array<Pick<TranscriptEntry, 'who' | 'content'>> {
  const entries: Array<Pick<TranscriptEntry, 'who' | 'content'>> = [];
  if (said) entries.push({ who: 'researcher', content: said });
  if (replies.length > 0) entries.push({ who: 'bot', content: replies });
  return entries;
}

export interface HistoryQuery {
  store: Store;
  content: Content;
  conversationKey: string;
  userId: string;
  after: number;
  defaultLang: Lang;
}

export async function readHistory(q: HistoryQuery): Promise<WebHistory> {
  const { store, content } = q;
  const [record, all, own] = await Promise.all([
    store.loadConversation(q.conversationKey),
    store.readTranscript(q.conversationKey, 0),
    readResearcherCases(store, { channel: 'web', researcherId: q.userId, conversationKeyPrefix: q.conversationKey, conversationKey: q.conversationKey }),
  ]);
  const lang = record?.state.lang ?? q.defaultLang;
  const known = q.after === 0 || all.some((e) => e.seq === q.after);
  const entries = toWebEntries(known ? all.filter((e) => e.seq > q.after) : all, content, lang);
  const open = own.questions.find((question) => question.here);
  return {
    entries,
    known,
    cases: own.cases.map((c) => ({ ref: c.ref, status: c.status, playbook: c.playbook, risk: c.risk, createdAt: c.createdAt })),
    openQuestion: open ? openQuestionMessage(content, lang, open) : null,
  };
}

/** The open question as a card with its Reply button, the same `case-reply:<caseId>` the chat's question offers. */
function openQuestionMessage(content: Content, lang: Lang, open: OpenCaseQuestion): WebMessage | null {
  const t = (key: string): string => content.ui[key]?.[lang] ?? content.ui[key]?.en ?? key;
  const text = t('web.open-question')
    .replace('{ref}', () => open.ref)
    .replace('{text}', () => open.text);
  const reply: Reply = { kind: 'menu', text, choices: [{ label: t('engine.case-reply'), value: `case-reply:${open.caseId}` }] };
  return toWebMessages([reply], content, lang)[0] ?? null;
}
