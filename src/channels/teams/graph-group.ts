// The members of an Entra ID group, read from Microsoft Graph, as the list of contact points who may act on a case
// (TEAMS_CONTACT_POINT_ACCESS=group). The list is cached: an inbound request is answered from the last known list,
// and a stale list is refreshed in the background. Only the very first check, before any answer, waits for Graph.
// When Graph fails, the last known list stays in force and the failure is logged (status only, never text).
import type { Logger } from 'pino';
import { z } from 'zod';

export interface GraphGroupOptions {
  groupId: string;
  /** The bot's app registration: client-credentials token for Graph. */
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** e.g. https://graph.microsoft.com (or a national cloud's, or a test fake). */
  graphUrl: string;
  /** e.g. https://login.microsoftonline.com */
  loginUrl: string;
  /** How long a list counts as current; after that the next check refreshes it in the background. */
  ttlMs: number;
  logger: Logger;
  now?: () => number;
  fetch?: typeof fetch;
}

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });
const pageSchema = z.object({
  value: z.array(z.looseObject({ id: z.string().min(1) })),
  '@odata.nextLink': z.string().optional(),
});

/** After a failure, wait this long before asking Graph again (so that a Graph outage is not asked per click). */
const RETRY_AFTER_FAILURE_MS = 60_000;
/** Ask for a new token a little before the old one expires. */
const TOKEN_MARGIN_MS = 60_000;
/** A group of contact points is small; a runaway paging loop is a fault. */
const MAX_PAGES = 200;

class GraphError extends Error {
  override readonly name = 'GraphError';
  constructor(
    readonly step: 'token' | 'members',
    readonly status: number | undefined,
  ) {
    super(`graph ${step} failed${status ? ` (${status})` : ''}`);
  }
}

export class GraphGroupMembers {
  private members: ReadonlySet<string> | undefined;
  private fetchedAt = 0;
  private nextAttemptAt = 0;
  private refreshing: Promise<void> | undefined;
  private token: { value: string; until: number } | undefined;
  private readonly now: () => number;
  private readonly fetch: typeof fetch;
  private readonly graphOrigin: string;

  constructor(private readonly options: GraphGroupOptions) {
    this.now = options.now ?? Date.now;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.graphOrigin = new URL(options.graphUrl).origin;
  }

  /** Fetches the list ahead of the first case action. */
  warm(): void {
    void this.refresh();
  }

  /**
   * Whether an AAD object id is in the group. Answers from the cached list whenever there is one (refreshing a
   * stale one in the background); undefined when no list could ever be read.
   */
  async isMember(aadObjectId: string): Promise<boolean | undefined> {
    if (this.members === undefined) await this.refresh();
    else if (this.now() - this.fetchedAt >= this.options.ttlMs) void this.refresh();
    return this.members?.has(aadObjectId.toLowerCase());
  }

  /** One refresh at a time; a failed one keeps the last list and waits a minute before the next. */
  refresh(): Promise<void> {
    if (this.refreshing) return this.refreshing;
    if (this.now() < this.nextAttemptAt) return Promise.resolve();
    this.refreshing = (async () => {
      const started = this.now();
      try {
        const ids = await this.readMembers();
        this.members = ids;
        this.fetchedAt = this.now();
        this.options.logger.info({ kind: 'teams-contact-group', members: ids.size, ms: this.now() - started }, 'teams: contact-point group read');
      } catch (err) {
        this.nextAttemptAt = this.now() + Math.min(RETRY_AFTER_FAILURE_MS, this.options.ttlMs);
        const status = err instanceof GraphError ? err.status : undefined;
        const step = err instanceof GraphError ? err.step : 'network';
        this.options.logger.warn(
          { kind: 'teams-contact-group-failed', step, status, kept: this.members?.size ?? 0 },
          this.members ? 'teams: contact-point group not refreshed; the last known list stays' : 'teams: contact-point group could not be read',
        );
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  private async readMembers(): Promise<Set<string>> {
    const token = await this.accessToken();
    const ids = new Set<string>();
    const base = this.options.graphUrl.replace(/\/+$/, '');
    let url: string | undefined = `${base}/v1.0/groups/${encodeURIComponent(this.options.groupId)}/transitiveMembers?$select=id`;
    for (let page = 0; url !== undefined; page++) {
      if (page >= MAX_PAGES) throw new GraphError('members', undefined);
      // The token goes to Graph only: a next link elsewhere is refused.
      if (new URL(url).origin !== this.graphOrigin) throw new GraphError('members', undefined);
      const res = await this.fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
      if (res.status === 401) this.token = undefined;
      if (!res.ok) throw new GraphError('members', res.status);
      const parsed = pageSchema.safeParse(await res.json());
      if (!parsed.success) throw new GraphError('members', res.status);
      for (const member of parsed.data.value) ids.add(member.id.toLowerCase());
      url = parsed.data['@odata.nextLink'];
    }
    return ids;
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.now() < this.token.until) return this.token.value;
    const { tenantId, clientId, clientSecret, loginUrl } = this.options;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      scope: `${this.graphOrigin}/.default`,
    });
    const res = await this.fetch(`${loginUrl.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new GraphError('token', res.status);
    const parsed = tokenSchema.safeParse(await res.json());
    if (!parsed.success) throw new GraphError('token', res.status);
    this.token = { value: parsed.data.access_token, until: this.now() + parsed.data.expires_in * 1000 - TOKEN_MARGIN_MS };
    return this.token.value;
  }
}
