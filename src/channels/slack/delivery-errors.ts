// How a Web API failure maps onto the outbox: rate limits and network trouble are retried, a channel
// that does not exist or a revoked token is not.
import type { DeliveryResult } from '../../service/types.js';

const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'missing_scope',
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'no_text',
  'team_access_not_granted',
  'user_not_found',
  'cannot_dm_bot',
  'message_not_found',
  'cant_update_message',
]);

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

export function deliveryFailure(err: unknown): Extract<DeliveryResult, { ok: false }> {
  const code = field(err, 'code');
  if (code === 'slack_webapi_rate_limited_error') {
    const seconds = Number(field(err, 'retryAfter'));
    return { ok: false, retryable: true, error: 'rate_limited', retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : 60_000 };
  }
  if (code === 'slack_webapi_platform_error') {
    const error = String(field(field(err, 'data'), 'error') ?? 'platform_error');
    return { ok: false, retryable: !PERMANENT.has(error), error };
  }
  if (err instanceof DeliveryProblem) return { ok: false, retryable: err.retryable, error: err.message };
  return { ok: false, retryable: true, error: typeof code === 'string' ? code : 'delivery_failed' };
}

/** A problem we detect ourselves (bad payload, card not posted yet). */
export class DeliveryProblem extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'DeliveryProblem';
  }
}
