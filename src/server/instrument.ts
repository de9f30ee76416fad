// Wraps the services and deliverers the channels use, so that /metrics counts turns, escalations,
// contact-point actions, deliveries and their failures, with their latency, whatever the channel.
import type { CaseActionResult, CaseService, ConversationService, Deliverer } from '../service/types.js';
import type { Actor } from '../store/types.js';
import type { Metrics } from './metrics.js';

function seconds(started: number): number {
  return (performance.now() - started) / 1000;
}

export function instrumentConversations(inner: ConversationService, metrics: Metrics): ConversationService {
  return {
    async handle(turn) {
      const started = performance.now();
      try {
        const result = await inner.handle(turn);
        metrics.turns.inc({ channel: turn.channel, result: 'ok' });
        if (result.createdCases.length > 0) metrics.escalations.inc({ channel: turn.channel }, result.createdCases.length);
        return result;
      } catch (error) {
        metrics.turns.inc({ channel: turn.channel, result: 'error' });
        throw error;
      } finally {
        metrics.turnLatency.observe({ channel: turn.channel }, seconds(started));
      }
    },
  };
}

/** `onChange` runs after an action that succeeded: it enqueued jobs, so the outbox worker is woken. */
export function instrumentCases(inner: CaseService, metrics: Metrics, onChange?: () => void): CaseService {
  async function counted(action: string, actor: Actor, run: () => Promise<CaseActionResult>): Promise<CaseActionResult> {
    const result = await run();
    if (result.ok) onChange?.();
    metrics.caseActions.inc({ channel: actor.channel, action, result: result.ok ? 'ok' : result.reason });
    return result;
  }
  return {
    take: (ref, actor) => counted('take', actor, () => inner.take(ref, actor)),
    ask: (ref, actor, question) => counted('ask', actor, () => inner.ask(ref, actor, question)),
    close: (ref, actor, advice) => counted('close', actor, () => inner.close(ref, actor, advice)),
    get: (ref) => inner.get(ref),
  };
}

export function instrumentDeliverer(inner: Deliverer, metrics: Metrics): Deliverer {
  return {
    channel: inner.channel,
    async deliver(job) {
      const started = performance.now();
      const labels = { channel: inner.channel, kind: job.kind };
      try {
        const result = await inner.deliver(job);
        metrics.deliveries.inc({ ...labels, result: result.ok ? 'ok' : 'failed' });
        if (!result.ok) metrics.deliveryFailures.inc({ ...labels, retryable: String(result.retryable) });
        return result;
      } catch (error) {
        metrics.deliveries.inc({ ...labels, result: 'failed' });
        metrics.deliveryFailures.inc({ ...labels, retryable: 'true' });
        throw error;
      } finally {
        metrics.deliveryLatency.observe({ channel: inner.channel }, seconds(started));
      }
    },
  };
}
