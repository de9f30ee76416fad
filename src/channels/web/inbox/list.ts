// What the inbox list shows per case beyond the stored columns (issue 13 item 8): a new answer from the
// researcher, who the researcher is, the partner, how long the case has waited; filters by risk and search.
import { z } from 'zod';
import type { CaseListItem, Store } from '../../../store/types.js';

export const listQuery = (query: unknown): { risk?: string; q?: string } => {
  const parsed = z
    .object({ risk: z.enum(['low', 'medium', 'high']).optional().catch(undefined), q: z.string().trim().max(100).optional().catch(undefined) })
    .catch({})
    .parse(query);
  return { ...(parsed.risk ? { risk: parsed.risk } : {}), ...(parsed.q ? { q: parsed.q } : {}) };
};

export interface InboxRow {
  ref: string;
  /** The researcher answered the contact point's question and nobody has acted since. */
  newAnswer: boolean;
  researcher?: string;
  partner?: string;
  /** Hours since the case was created (open) or since its last event otherwise. */
  waitingHours: number;
}

export async function inboxRows(store: Store, list: CaseListItem[], query: { risk?: string; q?: string }, now: Date): Promise<Map<string, InboxRow>> {
  const rows = new Map<string, InboxRow>();
  const needle = query.q?.toLowerCase();
  for (const item of list) {
    if (query.risk && item.risk !== query.risk) continue;
    const record = await store.getCase(item.id);
    if (!record) continue;
    const named = record.draft.facts.partnerName;
    const partner = typeof named === 'string' ? named : Array.isArray(named) ? named.join(', ') : undefined;
    if (needle && !item.ref.toLowerCase().includes(needle) && !(partner ?? '').toLowerCase().includes(needle)) continue;
    const last = record.history.at(-1);
    const since = item.status === 'closed' ? now : new Date(last?.at ?? item.createdAt);
    const row: InboxRow = {
      ref: item.ref,
      newAnswer: last?.action === 'answered' && item.status !== 'closed',
      waitingHours: Math.max(0, Math.floor((now.getTime() - since.getTime()) / 3_600_000)),
    };
    if (record.researcher.name) row.researcher = record.researcher.name;
    if (partner) row.partner = partner;
    rows.set(item.ref, row);
  }
  return rows;
}
