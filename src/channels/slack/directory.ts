// Small look-ups against Slack with short caches: a user's DM channel and locale, a channel's members.
import type { webApi } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import type { Lang } from '../../engine/ids.js';

type Client = webApi.WebClient;

const MEMBERS_TTL_MS = 60_000;

export class SlackDirectory {
  private readonly dms = new LRUCache<string, string>({ max: 10_000, ttl: 24 * 3_600_000 });
  private readonly locales = new LRUCache<string, Lang | 'none'>({ max: 10_000, ttl: 3_600_000 });
  private readonly members = new LRUCache<string, Set<string>>({ max: 500, ttl: MEMBERS_TTL_MS });

  /** The DM channel between the app and a user. */
  async dmChannel(client: Client, user: string): Promise<string> {
    const cached = this.dms.get(user);
    if (cached) return cached;
    const opened = await client.conversations.open({ users: user });
    const id = opened.channel?.id;
    if (!id) throw new Error('conversations.open returned no channel');
    this.dms.set(user, id);
    return id;
  }

  rememberDm(user: string, channel: string): void {
    if (channel.startsWith('D')) this.dms.set(user, channel);
  }

  /** The user's language from their Slack locale (nl-* → nl); undefined when unknown or not ours. */
  async lang(client: Client, user: string): Promise<Lang | undefined> {
    const cached = this.locales.get(user);
    if (cached) return cached === 'none' ? undefined : cached;
    try {
      const info = await client.users.info({ user, include_locale: true });
      const locale = info.user?.locale ?? '';
      // Any language code (nl-NL → nl); the engine speaks it when content/languages.yaml lists it, English otherwise.
      const primary = locale.toLowerCase().split(/[-_]/)[0] ?? '';
      const lang: Lang | 'none' = /^[a-z]{2}$/.test(primary) ? primary : 'none';
      this.locales.set(user, lang);
      return lang === 'none' ? undefined : lang;
    } catch {
      return undefined;
    }
  }

  /** Whether a user is in a channel; the member list is cached for a minute. */
  async isMember(client: Client, channel: string, user: string): Promise<boolean> {
    let set = this.members.get(channel);
    if (!set) {
      set = new Set<string>();
      let cursor: string | undefined;
      do {
        const page = await client.conversations.members(cursor ? { channel, cursor, limit: 1000 } : { channel, limit: 1000 });
        for (const id of page.members ?? []) set.add(id);
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
      this.members.set(channel, set);
    }
    return set.has(user);
  }
}
