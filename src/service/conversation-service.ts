// One turn: load the conversation, run the engine's step, and commit state, cases, case events and
// outbox jobs in one transaction. Turns on one conversation queue up within this process; across
// instances the loser of the optimistic version check waits a random, growing moment, reloads and
// runs the step again, so no update is lost and a busy conversation is slower, never an error.
import type { Logger } from 'pino';
import { z } from 'zod';
import { freshState } from '../engine/state.js';
import type { ConversationState, EngineInput, Lang, StepResult, TurnMeta } from '../engine/types.js';
import type { Actor, CaseEvent, CaseRecord, Store, TurnCommit } from '../store/types.js';
import type { CaseRouter, ConversationService, InboundTurn, TurnResult } from './types.js';

/**
 * A screener with a remote part (yente) that the pure, synchronous engine cannot wait for: it answers
 * from what it already knows and records the names it has not asked yet (YenteScreener).
 */
export interface RemoteScreening {
  takeMissed(): Array<{ name: string; country: string | undefined }>;
  /** Asks about these names, each within the time budget; a timeout is remembered as "not checked". */
  prefetch(names: Array<{ name: string; country: string | undefined }>): Promise<void>;
}

export interface ConversationServiceDeps {
  store: Store;
  /** The engine's step, already bound to its context. */
  step: (state: ConversationState | null, input: EngineInput, meta: TurnMeta) => StepResult;
  router: CaseRouter;
  clock: () => Date;
  newId: () => string;
  logger: Logger;
  /** Reloads and re-runs after a version conflict at most this often (default 50). */
  maxRetries?: number;
  /** Longest wait between two attempts after a conflict; the wait is random up to this, growing per attempt. */
  maxConflictWaitMs?: number;
  /** 0..1 for the conflict wait's jitter; tests inject their own. */
  random?: () => number;
  /** The state a new conversation starts from when the channel knows the user's language. */
  newState?: (lang: Lang) => ConversationState;
  /** Called after a commit that enqueued jobs, to wake the outbox worker. */
  onJobs?: () => void;
  /** Set when SCREENING_YENTE_URL is: the engine's screener, asked between two runs of the step. */
  remoteScreening?: RemoteScreening;
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
  const maxRetries = deps.maxRetries ?? 50;
  const maxConflictWaitMs = deps.maxConflictWaitMs ?? 100;
  const random = deps.random ?? Math.random;
  const newState = deps.newState ?? freshState;
  /** The tail of the queue of turns per conversation in this process. */
  const queues = new Map<string, Promise<unknown>>();

  /** Runs turns on one conversation one after another here: only other instances can conflict. */
  function queued<T>(key: string, run: () => Promise<T>): Promise<T> {
    const previous = queues.get(key) ?? Promise.resolve();
    const next = previous.then(run, run);
    const tail = next.catch(() => undefined);
    queues.set(key, tail);
    void tail.then(() => {
      if (queues.get(key) === tail) queues.delete(key);
    });
    return next;
  }

  /** Full jitter, growing per attempt: two instances on one conversation stop colliding quickly. */
  function conflictWait(attempt: number): Promise<void> {
    const ceiling = Math.min(maxConflictWaitMs, 2 * 2 ** Math.min(attempt, 10));
    return new Promise((resolve) => setTimeout(resolve, Math.round(random() * ceiling)));
  }

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
      return queued(turn.conversationKey, () => runTurn(turn));
    },
  };

  /**
   * The step, and when it screened names the remote list has not answered for, the same step again
   * from the same state once they were asked: the engine is deterministic, so the second run differs
   * only by what the remote list said (or by "not checked" when it did not answer within its budget).
   */
  async function stepWithRemote(state: ConversationState | null, input: EngineInput, meta: TurnMeta): Promise<StepResult> {
    const remote = deps.remoteScreening;
    if (!remote) return step(state, input, meta);
    // Both calls run in the same synchronous stretch as the step: the names are this step's own.
    remote.takeMissed();
    const first = step(state, input, meta);
    const missed = remote.takeMissed();
    if (missed.length === 0) return first;
    // The client answers every failure as "not checked"; anything else still leaves the turn its answer.
    await remote.prefetch(missed).catch((error: unknown) => logger.warn({ err: (error as Error).message }, 'remote screening failed'));
    const second = step(state, input, meta);
    remote.takeMissed();
    return second;
  }

  /** The refs of the cases this user sent on this channel, oldest first: what "forget me" leaves with the institution. */
  async function sentCaseRefs(turn: InboundTurn): Promise<string[]> {
    const cases = await store.listCases({ researcherId: turn.user.id });
    return cases
      .filter((c) => c.researcher.channel === turn.channel && c.researcher.id === turn.user.id)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((c) => c.ref);
  }

  async function runTurn(turn: InboundTurn): Promise<TurnResult> {
    const started = performance.now();
    for (let attempt = 1; attempt <= maxRetries + 1; attempt++) {
      const record = await store.loadConversation(turn.conversationKey);
      // The engine validates stored state itself (an old or damaged one starts afresh); the row's version stays.
      let state = record ? record.state : null;
      if (!record && turn.lang) state = newState(turn.lang);
      const at = clock().toISOString();
      const meta: TurnMeta = { at, newId: newId(), user: { id: turn.user.id, channel: turn.channel } };
      if (turn.user.name !== undefined && meta.user) meta.user.name = turn.user.name;
      let result = await stepWithRemote(state, turn.input, meta);
      if (result.effects.some((e) => e.type === 'forget-user')) {
        // "forget me" names the cases already sent from all of this user's conversations here (they are
        // forgotten together), not only this one's: the same step again, knowing them.
        const sentCases = await sentCaseRefs(turn);
        if (sentCases.length > 0) result = step(state, turn.input, { ...meta, sentCases });
      }
      const commit = await buildCommit(turn, record?.version ?? null, result, at);
      if (turn.inboundKey) commit.inboundKey = turn.inboundKey;
      const committed = await store.commitTurn(commit);
      if (!committed.ok && committed.reason === 'duplicate') {
        logger.info({ channel: turn.channel, inboundKey: turn.inboundKey }, 'inbound event already answered elsewhere');
        return { replies: [], state: record?.state ?? result.state, createdCases: [], duplicate: true };
      }
      if (!committed.ok) {
        logger.debug({ conversationKey: turn.conversationKey, attempt }, 'conversation changed meanwhile, retrying');
        await conflictWait(attempt);
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
  }
}
