// One turn: load the conversation, run the engine's step, and commit state, cases, case events and
// outbox jobs in one transaction. Two instances on one conversation: the loser of the optimistic
// version check reloads and runs the step again, so no update is lost.
import type { Logger } from 'pino';
import { z } from 'zod';
import { freshState } from '../engine/state.js';
import type { ConversationState, EngineInput, Lang, StepResult, TurnMeta } from '../engine/types.js';
import type { Actor, CaseEvent, CaseRecord, Store, TurnCommit } from '../store/types.js';
import type { CaseRouter, ConversationService, InboundTurn, TurnResult } from './types.js';

export interface ConversationServiceDeps {
  store: Store;
  /** The engine's step, already bound to its context. */
  step: (state: ConversationState | null, input: EngineInput, meta: TurnMeta) => StepResult;
  router: CaseRouter;
  clock: () => Date;
  newId: () => string;
  logger: Logger;
  /** Reloads and re-runs after a version conflict at most this often. */
  maxRetries?: number;
  /** The state a new conversation starts from when the channel knows the user's language. */
  newState?: (lang: Lang) => ConversationState;
  /** Called after a commit that enqueued jobs, to wake the outbox worker. */
  onJobs?: () => void;
}

export class ConversationConflictError extends Error {
  constructor(
    readonly conversationKey: string,
    readonly attempts: number,
  ) {
    super(`conversation ${conversationKey}: still conflicting after ${attempts} attempts`);
    this.name = 'ConversationConflictError';
  }
}

const turnSchema = z.object({
  channel: z.enum(['slack', 'teams', 'web', 'cli']),
  conversationKey: z.string().min(1).max(500),
  user: z.object({ id: z.string().min(1), name: z.string().optional() }),
  address: z.record(z.string(), z.unknown()),
});

export function createConversationService(deps: ConversationServiceDeps): ConversationService {
  const { store, step, router, clock, newId, logger } = deps;
  const maxRetries = deps.maxRetries ?? 8;
  const newState = deps.newState ?? freshState;

  async function buildCommit(turn: InboundTurn, expectedVersion: number | null, result: StepResult, at: string) {
    const researcher: Actor = { channel: turn.channel, id: turn.user.id };
    if (turn.user.name !== undefined) researcher.name = turn.user.name;
    const commit: TurnCommit = {
      key: turn.conversationKey,
      channel: turn.channel,
      userId: turn.user.id,
      address: turn.address,
      expectedVersion,
      state: result.state,
      at,
      newCases: [],
      caseEvents: [],
      jobs: [],
    };
    for (const effect of result.effects) {
      if (effect.type === 'escalate') {
        const draft = effect.case;
        const created: CaseRecord = {
          id: draft.id,
          ref: draft.ref,
          status: 'open',
          institution: draft.institution,
          playbook: draft.playbook,
          risk: draft.outcome.risk,
          researcher: { ...researcher, conversationKey: turn.conversationKey, address: turn.address },
          draft,
          createdAt: at,
          updatedAt: at,
          history: [{ at, actor: researcher, action: 'created' }],
        };
        commit.newCases?.push(created);
        commit.jobs?.push(...router.jobsForNewCase(created));
      } else if (effect.type === 'case-answer') {
        const target = await store.getCase(effect.caseId);
        if (!target) {
          logger.warn({ caseId: effect.caseId }, 'answer for an unknown case dropped');
          continue;
        }
        const event: CaseEvent = { at, actor: researcher, action: 'answered', text: effect.text };
        commit.caseEvents?.push({ caseId: target.id, event, status: 'taken', fromStatus: ['awaiting-info'] });
        // The turn commits at most once per loaded version, so this key is unique per answer.
        commit.jobs?.push(...router.jobsForEvent(target, event, `answer:${turn.conversationKey}:${expectedVersion ?? 0}`));
      } else if (effect.type === 'forget-user') {
        commit.forgetUser = true;
      }
    }
    return commit;
  }

  return {
    async handle(turn: InboundTurn): Promise<TurnResult> {
      turnSchema.parse(turn);
      const started = performance.now();
      for (let attempt = 1; attempt <= maxRetries + 1; attempt++) {
        const record = await store.loadConversation(turn.conversationKey);
        // The engine validates stored state itself (an old or damaged one starts afresh); the row's version stays.
        let state = record ? record.state : null;
        if (!record && turn.lang) state = newState(turn.lang);
        const at = clock().toISOString();
        const meta: TurnMeta = { at, newId: newId(), user: { id: turn.user.id, channel: turn.channel } };
        if (turn.user.name !== undefined && meta.user) meta.user.name = turn.user.name;
        const result = step(state, turn.input, meta);
        const commit = await buildCommit(turn, record?.version ?? null, result, at);
        const committed = await store.commitTurn(commit);
        if (!committed.ok) {
          logger.debug({ conversationKey: turn.conversationKey, attempt }, 'conversation changed meanwhile, retrying');
          continue;
        }
        const createdCases = commit.newCases ?? [];
        if ((commit.jobs?.length ?? 0) > 0) deps.onJobs?.();
        logger.info(
          {
            channel: turn.channel,
            input: turn.input.type,
            replies: result.replies.length,
            effects: result.effects.map((e) => e.type),
            cases: createdCases.map((c) => c.id),
            attempt,
            ms: Math.round((performance.now() - started) * 100) / 100,
          },
          'turn',
        );
        return { replies: result.replies, state: result.state, createdCases };
      }
      throw new ConversationConflictError(turn.conversationKey, maxRetries + 1);
    },
  };
}
