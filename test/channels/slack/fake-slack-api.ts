// An in-process stand-in for slack.com/api: the real WebClient talks HTTP to it, and every call is recorded.
// Posted messages are kept per channel with their metadata, so conversations.history/replies answer like Slack.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
}

export interface StoredMessage {
  ts: string;
  text?: unknown;
  blocks?: unknown;
  thread_ts?: string;
  metadata?: unknown;
}

type Override = (args: Record<string, unknown>, call: number) => { status?: number; headers?: Record<string, string>; body: unknown } | undefined;

const JSON_FIELDS = new Set(['blocks', 'metadata', 'view', 'attachments']);

function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = JSON_FIELDS.has(key) ? (JSON.parse(value) as unknown) : value;
  }
  return out;
}

let blockCounter = 0;

/** Like Slack, gives every block without a block_id one, so a click can name the row it came from. */
function withBlockIds(blocks: unknown): unknown {
  if (!Array.isArray(blocks)) return blocks;
  return blocks.map((b: unknown) =>
    b && typeof b === 'object' && !('block_id' in b) ? { ...(b as Record<string, unknown>), block_id: `auto${++blockCounter}` } : b,
  );
}

export class FakeSlackApi {
  readonly calls: ApiCall[] = [];
  readonly responses: Array<{ path: string; body: unknown }> = [];
  readonly channels = new Map<string, StoredMessage[]>();
  members = new Map<string, string[]>();
  locales = new Map<string, string>();
  private overrides = new Map<string, Override>();
  private counts = new Map<string, number>();
  private tsCounter = 0;
  private server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** Replaces the answer of a method (return undefined to fall back to the default). */
  override(method: string, fn: Override): void {
    this.overrides.set(method, fn);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits until `count` calls to `method` were recorded. */
  async waitFor(method: string, count = 1, timeoutMs = 5000): Promise<ApiCall[]> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const found = this.callsTo(method);
      if (found.length >= count) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`expected ${count} call(s) to ${method}, saw ${this.callsTo(method).length}: ${this.calls.map((c) => c.method).join(', ')}`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '';
    if (path.startsWith('/response/')) {
      this.responses.push({ path, body: JSON.parse(raw) as unknown });
      res.writeHead(200).end('ok');
      return;
    }
    const method = path.replace(/^\/api\//, '').split('?')[0] ?? '';
    const args = parseArgs(raw, req.headers['content-type'] ?? '');
    const call = (this.counts.get(method) ?? 0) + 1;
    this.counts.set(method, call);
    this.calls.push({ method, args, at: Date.now() });
    const custom = this.overrides.get(method)?.(args, call);
    const { status = 200, headers = {}, body } = custom ?? { body: this.answer(method, args) };
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  /** Like Slack: the post's time in seconds, made unique by the fraction. */
  private nextTs(): string {
    this.tsCounter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  /** Other people's top-level messages in a channel (a busy channel). */
  inject(channel: string, count: number): void {
    const list = this.channels.get(channel) ?? [];
    for (let i = 0; i < count; i++) list.push({ ts: this.nextTs(), text: `chatter ${i}` });
    this.channels.set(channel, list);
  }

  /** One page as Slack pages: at most `limit` (default 100), `cursor` from the previous page's next_cursor. */
  private page(messages: StoredMessage[], args: Record<string, unknown>): Record<string, unknown> {
    const limit = Math.min(999, Number(args['limit'] ?? 100) || 100);
    const offset = typeof args['cursor'] === 'string' && args['cursor'].startsWith('off:') ? Number(args['cursor'].slice(4)) : 0;
    const slice = messages.slice(offset, offset + limit);
    const more = offset + limit < messages.length;
    return { ok: true, messages: slice, has_more: more, response_metadata: { next_cursor: more ? `off:${offset + limit}` : '' } };
  }

  private answer(method: string, args: Record<string, unknown>): unknown {
    const channel = String(args['channel'] ?? '');
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0RSA', user: 'advisor' };
      case 'chat.postMessage': {
        const ts = this.nextTs();
        const list = this.channels.get(channel) ?? [];
        const blocks = withBlockIds(args['blocks']);
        list.push({
          ts,
          text: args['text'],
          blocks,
          metadata: args['metadata'],
          ...(typeof args['thread_ts'] === 'string' ? { thread_ts: args['thread_ts'] } : {}),
        });
        this.channels.set(channel, list);
        return { ok: true, channel, ts, message: { ts, text: args['text'], blocks } };
      }
      case 'chat.update': {
        const stored = this.channels.get(channel)?.find((m) => m.ts === args['ts']);
        if (!stored) return { ok: false, error: 'message_not_found' };
        stored.text = args['text'];
        stored.blocks = withBlockIds(args['blocks']);
        return { ok: true, channel, ts: args['ts'] };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args['users'] ?? '').slice(1)}` } };
      case 'conversations.members':
        return { ok: true, members: this.members.get(channel) ?? [], response_metadata: { next_cursor: '' } };
      case 'conversations.history': {
        // Newest first; `oldest`/`latest` bound it (exclusive, as Slack's default inclusive=false).
        const oldest = Number(args['oldest'] ?? 0);
        const latest = args['latest'] === undefined ? Infinity : Number(args['latest']);
        const top = (this.channels.get(channel) ?? []).filter((m) => !m.thread_ts && Number(m.ts) > oldest && Number(m.ts) < latest);
        return this.page([...top].reverse(), args);
      }
      case 'conversations.replies': {
        const thread = (this.channels.get(channel) ?? []).filter((m) => m.thread_ts === args['ts']);
        return this.page(thread, args);
      }
      case 'users.info': {
        const user = String(args['user'] ?? '');
        return { ok: true, user: { id: user, locale: this.locales.get(user) ?? 'en-US' } };
      }
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: 'V1' } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
