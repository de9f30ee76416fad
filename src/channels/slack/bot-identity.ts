// The bot's own user id, from auth.test, cached. No inbound event ever waits for it: until auth.test has
// answered, the ids come from the event's own `authorizations` (Slack names the bot there), and a failed
// auth.test is asked again in the background at most every 30 s (Bolt's built-in check would wait on
// auth.test per event, and caches a failure forever).
import type { AuthorizeResult, webApi } from '@slack/bolt';

const RETRY_AFTER_MS = 30_000;

interface Ids {
  botUserId?: string;
  botId?: string;
}

/** The bot user Slack names in an event's authorizations (Events API payloads carry them). */
function idsFromBody(body: unknown): Ids {
  if (!body || typeof body !== 'object') return {};
  const list = (body as { authorizations?: unknown }).authorizations;
  if (!Array.isArray(list)) return {};
  for (const entry of list as unknown[]) {
    if (entry && typeof entry === 'object') {
      const { user_id: userId, is_bot: isBot } = entry as { user_id?: unknown; is_bot?: unknown };
      if (isBot === true && typeof userId === 'string') return { botUserId: userId };
    }
  }
  return {};
}

export class BotIdentity {
  private known: Ids | null = null;
  private pending: Promise<void> | null = null;
  private lastAttempt = -Infinity;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly token: string,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Asks auth.test in the background unless it answered already or was asked recently. */
  refresh(): Promise<void> {
    if (this.known || this.pending || this.clock() - this.lastAttempt < RETRY_AFTER_MS) return this.pending ?? Promise.resolve();
    this.lastAttempt = this.clock();
    this.pending = this.client.auth
      .test({ token: this.token })
      .then((r) => {
        this.known = { ...(r.user_id ? { botUserId: r.user_id } : {}), ...(r.bot_id ? { botId: r.bot_id } : {}) };
      })
      .catch(() => undefined)
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  /** Never waits on Slack. */
  authorize(body?: unknown): AuthorizeResult {
    if (!this.known) void this.refresh();
    return { botToken: this.token, ...idsFromBody(body), ...(this.known ?? {}) };
  }
}
