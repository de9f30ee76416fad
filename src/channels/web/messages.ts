// Engine replies → what the browser shows: one Adaptive Card per reply (the same renderer as Teams),
// plus the case reference when a case was created so the page can offer the downloads.
import { renderReplyCard, uiLookup, type AdaptiveCard } from '../cards/index.js';
import type { Content } from '../../content/load.js';
import type { Lang, Reply } from '../../engine/types.js';

export interface WebMessage {
  card: AdaptiveCard;
  caseRef?: string;
}

export function toWebMessages(replies: Reply[], content: Content, lang: Lang): WebMessage[] {
  const ui = uiLookup(content.ui, lang);
  return replies.map((reply) => {
    // The page is served by this server, so its own links (/sources/...) open here.
    const message: WebMessage = { card: renderReplyCard(reply, ui, { relativeLinks: true }) };
    if (reply.kind === 'case-created') message.caseRef = reply.caseRef;
    return message;
  });
}

/** Notices are stored as the engine wrote them; anything else in the table is skipped, not shown. */
export function isReply(value: unknown): value is Reply {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'text' || kind === 'question' || kind === 'outcome' || kind === 'case-created' || kind === 'menu';
}
