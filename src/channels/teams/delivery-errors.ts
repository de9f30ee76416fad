// What a failed connector call means for the outbox: retry, or give up (dead letter, an admin requeues).
import type { DeliveryResult } from '../../service/types.js';

interface ConnectorError {
  statusCode?: number;
  code?: string;
  message?: string;
  body?: unknown;
}

/** Teams' error code, from the RestError or its parsed body. */
function errorCode(err: ConnectorError): string | undefined {
  if (err.code && err.code !== 'REQUEST_SEND_ERROR') return err.code;
  const body = typeof err.body === 'string' ? safeJson(err.body) : err.body;
  const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'string' ? code : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const NOT_INSTALLED = 'BotNotInConversationRoster';

export function classifyDeliveryError(err: unknown, where: string): Extract<DeliveryResult, { ok: false }> & { notInstalled: boolean } {
  const e = (err ?? {}) as ConnectorError;
  const status = e.statusCode;
  const code = errorCode(e);
  if (status === 403 && (code === NOT_INSTALLED || /roster/i.test(e.message ?? ''))) {
    return {
      ok: false,
      retryable: true,
      notInstalled: true,
      retryAfterMs: 15 * 60_000,
      error:
        `Teams: the app is not installed in the team of ${where} (403 ${NOT_INSTALLED}). ` +
        'A Teams admin or team owner must add the app to that team (Teams → the team → Manage team → Apps → Upload or add the app). ' +
        'The case is kept and delivery is retried automatically.',
    };
  }
  if (status === 429) return { ok: false, retryable: true, notInstalled: false, retryAfterMs: 60_000, error: `Teams: throttled (429) on ${where}` };
  if (status === undefined || status >= 500 || status === 401 || status === 408) {
    return { ok: false, retryable: true, notInstalled: false, error: `Teams: ${status ?? 'network error'} on ${where}${code ? ` (${code})` : ''}` };
  }
  return {
    ok: false,
    retryable: false,
    notInstalled: false,
    error: `Teams: ${status}${code ? ` ${code}` : ''} on ${where}; check the Teams routing in config/institutions.yaml`,
  };
}
