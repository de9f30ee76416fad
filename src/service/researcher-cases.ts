// The researcher's own cases and the contact point's questions still open on them (issue 13 item 1): one
// model that the web chat's case list, Slack's App Home and the Teams "my cases" card render.
import type { CaseListItem, ChannelName, Store } from '../store/types.js';

/** A contact point's question waiting for the researcher's answer. */
export interface OpenCaseQuestion {
  caseId: string;
  ref: string;
  text: string;
  /**
   * The conversation the overview is shown in is the one waiting for this answer, so its Reply button
   * (`case-reply:<caseId>`) works there, as the chat's own Reply does.
   */
  here: boolean;
}

export interface ResearcherCases {
  /** Newest first. */
  cases: CaseListItem[];
  questions: OpenCaseQuestion[];
}

export interface ResearcherCasesQuery {
  channel: ChannelName;
  researcherId: string;
  /** Only cases whose conversation key starts with this (a Teams tenant, one web conversation); all when absent. */
  conversationKeyPrefix?: string;
  /** The conversation the overview is shown in. */
  conversationKey?: string;
}

export async function readResearcherCases(store: Store, q: ResearcherCasesQuery): Promise<ResearcherCases> {
  const [listed, conversation] = await Promise.all([
    store.listCases({ researcherId: q.researcherId }),
    q.conversationKey ? store.loadConversation(q.conversationKey) : Promise.resolve(null),
  ]);
  // The researcher id alone is the channel's; the same id on another channel is someone else.
  const cases = listed
    .filter((c) => c.researcher.channel === q.channel && c.researcher.id === q.researcherId)
    .filter((c) => q.conversationKeyPrefix === undefined || c.researcher.conversationKey.startsWith(q.conversationKeyPrefix))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const pendingHere = conversation?.state.pendingCaseQuestion?.caseId;
  const questions: OpenCaseQuestion[] = [];
  for (const c of cases.filter((item) => item.status === 'awaiting-info')) {
    const record = await store.getCase(c.id);
    const asked = record?.history.findLast((e) => e.action === 'asked');
    if (asked?.text) questions.push({ caseId: c.id, ref: c.ref, text: asked.text, here: pendingHere === c.id });
  }
  return { cases, questions };
}
