// Which outbox jobs a case produces: its card for each contact-point channel of its institution,
// thread replies there for what happens next, and notices to the researcher. Pure: no I/O.
import type { CaseStatus, EngineInput } from '../engine/types.js';
import type { CaseEvent, CaseRecord, ChannelName, NewJob } from '../store/types.js';
import type { CaseRouter, InstitutionRouting } from './types.js';

interface ContactPointTarget {
  channel: Extract<ChannelName, 'slack' | 'teams'>;
  target: Record<string, unknown>;
}

/** Events the contact point's thread shows. */
const THREAD_ACTIONS: ReadonlySet<CaseEvent['action']> = new Set(['taken', 'asked', 'answered', 'closed', 'reopened']);

const ACTION_FOR_STATUS: Record<CaseStatus, CaseEvent['action']> = {
  open: 'reopened',
  taken: 'taken',
  'awaiting-info': 'asked',
  closed: 'closed',
};

function cardKey(caseId: string, channel: ChannelName): string {
  return `case-card:${caseId}:${channel}`;
}

/** What the researcher's conversation is told about an event, or null when nothing. */
function researcherInput(c: CaseRecord, event: CaseEvent): EngineInput | null {
  switch (event.action) {
    case 'asked':
      return { type: 'case-question', caseId: c.id, caseRef: c.ref, text: event.text ?? '' };
    case 'taken':
      return { type: 'case-status', caseRef: c.ref, status: 'taken' };
    case 'reopened':
      return { type: 'case-status', caseRef: c.ref, status: 'open' };
    case 'closed': {
      const advice = event.text ?? c.advice;
      return advice === undefined
        ? { type: 'case-status', caseRef: c.ref, status: 'closed' }
        : { type: 'case-status', caseRef: c.ref, status: 'closed', advice };
    }
    default:
      return null;
  }
}

export function createCaseRouter(institutions: InstitutionRouting[]): CaseRouter {
  const byId = new Map(institutions.map((routing) => [routing.id, routing]));

  function targets(c: CaseRecord): ContactPointTarget[] {
    const routing = byId.get(c.institution);
    if (!routing) return [];
    const out: ContactPointTarget[] = [];
    if (routing.slack) out.push({ channel: 'slack', target: { ...routing.slack } });
    if (routing.teams) out.push({ channel: 'teams', target: { ...routing.teams } });
    return out;
  }

  function jobsForEvent(c: CaseRecord, event: CaseEvent, eventKey: string): NewJob[] {
    const jobs: NewJob[] = [];
    if (THREAD_ACTIONS.has(event.action)) {
      for (const { channel, target } of targets(c)) {
        jobs.push({
          kind: 'case-thread',
          channel,
          idempotencyKey: `thread:${c.id}:${eventKey}:${channel}`,
          caseId: c.id,
          payload: { caseId: c.id, caseRef: c.ref, cardKey: cardKey(c.id, channel), target, event },
          // The thread hangs under the card: wait for it, without spending attempts.
          dependsOn: cardKey(c.id, channel),
        });
      }
    }
    const input = researcherInput(c, event);
    const channel = c.researcher.channel;
    if (input && channel !== 'admin') {
      jobs.push({
        kind: 'researcher-notice',
        channel,
        idempotencyKey: `notice:${c.id}:${eventKey}`,
        caseId: c.id,
        payload: { caseId: c.id, conversationKey: c.researcher.conversationKey, address: c.researcher.address, input },
      });
    }
    return jobs;
  }

  return {
    jobsForNewCase(c) {
      return targets(c).map(({ channel, target }) => ({
        kind: 'case-card',
        channel,
        idempotencyKey: cardKey(c.id, channel),
        caseId: c.id,
        payload: { caseId: c.id, caseRef: c.ref, institution: c.institution, target },
      }));
    },
    jobsForStatus(c, status, text) {
      const event: CaseEvent = { at: c.updatedAt, actor: { channel: 'admin', id: 'system' }, action: ACTION_FOR_STATUS[status] };
      if (text !== undefined) event.text = text;
      return jobsForEvent(c, event, String(c.history.length));
    },
    jobsForEvent,
  };
}
