// An in-process stand-in for Microsoft Graph and its token endpoint: client-credentials tokens for the bot's app
// registration, and a group's transitive members in pages linked by @odata.nextLink, as Graph returns them.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GraphCall {
  method: string;
  path: string;
  authorization?: string;
  form?: Record<string, string>;
}

export class FakeGraph {
  readonly calls: GraphCall[] = [];
  /** Group object id → its transitive members (users, nested groups, ...). */
  readonly groups = new Map<string, Array<{ id: string; type: 'user' | 'group' }>>();
  pageSize = 2;
  /** When set, every Graph call (not the token endpoint) answers this status. */
  failWith: number | undefined;
  private held: Array<() => void> | undefined;
  private server: Server | undefined;
  private issued = new Set<string>();
  url = '';

  constructor(private readonly client: { tenantId: string; clientId: string; clientSecret: string }) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.release();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Graph calls wait until release(): a slow Graph. */
  hold(): void {
    this.held ??= [];
  }

  release(): void {
    const waiting = this.held ?? [];
    this.held = undefined;
    for (const go of waiting) go();
  }

  memberCalls(): GraphCall[] {
    return this.calls.filter((c) => c.path.includes('/transitiveMembers'));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const call: GraphCall = { method: req.method ?? '', path: `${url.pathname}${url.search}` };
    if (req.headers.authorization) call.authorization = req.headers.authorization;
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };

    if (url.pathname === `/${this.client.tenantId}/oauth2/v2.0/token` && req.method === 'POST') {
      const form = Object.fromEntries(new URLSearchParams(raw));
      call.form = form;
      this.calls.push(call);
      const ok =
        form['grant_type'] === 'client_credentials' &&
        form['client_id'] === this.client.clientId &&
        form['client_secret'] === this.client.clientSecret &&
        form['scope'] === `${this.url}/.default`;
      if (!ok) return send(401, { error: 'invalid_client' });
      const token = `graph-token-${this.issued.size + 1}`;
      this.issued.add(token);
      return send(200, { token_type: 'Bearer', expires_in: 3599, access_token: token });
    }

    this.calls.push(call);
    if (this.held) await new Promise<void>((resolve) => this.held?.push(resolve));
    if (!this.issued.has((req.headers.authorization ?? '').replace(/^Bearer /, ''))) return send(401, { error: { code: 'InvalidAuthenticationToken' } });
    if (this.failWith) return send(this.failWith, { error: { code: 'serviceNotAvailable' } });
    const m = /^\/v1\.0\/groups\/([^/]+)\/transitiveMembers$/.exec(url.pathname);
    const members = m ? this.groups.get(decodeURIComponent(m[1] ?? '')) : undefined;
    if (!members || url.searchParams.get('$select') !== 'id') return send(404, { error: { code: 'Request_ResourceNotFound' } });
    const skip = Number(url.searchParams.get('$skiptoken') ?? '0');
    const page = members.slice(skip, skip + this.pageSize).map((x) => ({ '@odata.type': `#microsoft.graph.${x.type}`, id: x.id }));
    const body: Record<string, unknown> = { '@odata.context': `${this.url}/v1.0/$metadata#directoryObjects(id)`, value: page };
    if (skip + this.pageSize < members.length) {
      body['@odata.nextLink'] = `${this.url}/v1.0/groups/${m?.[1]}/transitiveMembers?$select=id&$skiptoken=${skip + this.pageSize}`;
    }
    return send(200, body);
  }
}
