// The contact point's side of a case: take, ask, close. Each action is one atomic store update
// (status guard + audit event + outbox jobs); a race with another action is retried or refused.
import type { Logger } from 'pino';
import { z } from 'zod';
import type { CaseStatus } from '../engine/types.js';
import type { Actor, CaseEvent, Store } from '../store/types.js';
import type { CaseActionResult, CaseRouter, CaseService } from './types.js';

export interface CaseServiceDeps {
  store: Store;
  router: CaseRouter;
  clock: () => Date;
  logger: Logger;
  /** How often an action is retried when another action changed the case meanwhile. */
  maxRetries?: number;
}

interface Transition {
  action: CaseEvent['action'];
  from: CaseStatus[];
  to: CaseStatus;
  text?: string;
  setsAssignee?: boolean;
  setsAdvice?: boolean;
}

const actorSchema = z.object({
  channel: z.enum(['slack', 'teams', 'web', 'cli', 'admin']),
  id: z.string().min(1),
  name: z.string().optional(),
});
const textSchema = z.string().trim().min(1).max(20_000);

export function createCaseService(deps: CaseServiceDeps): CaseService {
  const { store, router, clock, logger } = deps;
  const maxRetries = deps.maxRetries ?? 5;

  async function apply(idOrRef: string, actorInput: Actor, transition: Transition): Promise<CaseActionResult> {
    const actor = actorSchema.safeParse(actorInput);
    if (!actor.success) return { ok: false, reason: 'not-allowed' };
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      const current = await store.getCase(idOrRef);
      if (!current) return { ok: false, reason: 'not-found' };
      if (!transition.from.includes(current.status)) return { ok: false, reason: 'wrong-status', case: current };
      const event: CaseEvent = { at: clock().toISOString(), actor: actor.data, action: transition.action };
      if (transition.text !== undefined) event.text = transition.text;
      const eventIndex = current.history.length;
      const updated = await store.updateCase({
        caseId: current.id,
        fromStatus: transition.from,
        status: transition.to,
        ...(transition.setsAssignee ? { assignee: actor.data } : {}),
        ...(transition.setsAdvice && transition.text !== undefined ? { advice: transition.text } : {}),
        event,
        jobs: router.jobsForEvent(current, event, String(eventIndex)),
        expectedHistoryLength: eventIndex,
      });
      if (updated) {
        logger.info({ caseId: updated.id, action: transition.action, status: updated.status, actorChannel: actor.data.channel }, 'case action');
        return { ok: true, case: updated };
      }
      logger.debug({ caseId: current.id, action: transition.action, attempt }, 'case changed meanwhile, retrying');
    }
    const latest = await store.getCase(idOrRef);
    return latest ? { ok: false, reason: 'wrong-status', case: latest } : { ok: false, reason: 'not-found' };
  }

  return {
    take(idOrRef, actor) {
      return apply(idOrRef, actor, { action: 'taken', from: ['open'], to: 'taken', setsAssignee: true });
    },
    async ask(idOrRef, actor, question) {
      const text = textSchema.safeParse(question);
      if (!text.success) return { ok: false, reason: 'not-allowed' };
      return apply(idOrRef, actor, { action: 'asked', from: ['taken', 'awaiting-info'], to: 'awaiting-info', text: text.data });
    },
    async close(idOrRef, actor, advice) {
      const text = textSchema.safeParse(advice);
      if (!text.success) return { ok: false, reason: 'not-allowed' };
      return apply(idOrRef, actor, {
        action: 'closed',
        from: ['open', 'taken', 'awaiting-info'],
        to: 'closed',
        text: text.data,
        setsAdvice: true,
      });
    },
    get(idOrRef) {
      return store.getCase(idOrRef);
    },
  };
}
