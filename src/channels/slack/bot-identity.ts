// The bot's own user id, from auth.test. Asked lazily and retried on failure, so that an unreachable Slack
// at start does not poison every later event (Bolt's built-in check caches a failed auth.test forever).
import type { AuthorizeResult, webApi } from '@slack/bolt';

export class BotIdentity {
  private known: { botUserId?: string; botId?: string } | null = null;
  private pending: Promise<void> | null = null;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly token: string,
  ) {}

  async authorize(): Promise<AuthorizeResult> {
    if (!this.known) {
      this.pending ??= this.client.auth
        .test({ token: this.token })
        .then((r) => {
          this.known = { ...(r.user_id ? { botUserId: r.user_id } : {}), ...(r.bot_id ? { botId: r.bot_id } : {}) };
        })
        .catch(() => undefined)
        .finally(() => {
          this.pending = null;
        });
      await this.pending;
    }
    return { botToken: this.token, ...(this.known ?? {}) };
  }
}
