// An in-process stand-in for the Bot Framework cloud: OpenID metadata and signing keys for inbound
// tokens, a token endpoint and the Teams connector for outbound calls. It records every call.
import { createHash, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  path: string;
  authorization?: string;
  body: unknown;
}

export const ISSUER = 'https://api.botframework.test';

export class FakeBotFrameworkCloud {
  readonly calls: RecordedCall[] = [];
  /** Team id → Teams user ids (29:...) of its members. */
  readonly teams = new Map<string, string[]>();
  /** When set, creating a channel conversation fails like an app that is not installed in the team. */
  notInstalled = false;
  private server: Server | undefined;
  private readonly key: { privateKey: KeyObject; publicKey: KeyObject };
  readonly kid: string;
  url = '';
  private counter = 1000;

  constructor() {
    this.key = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.kid = createHash('sha256')
      .update(this.key.publicKey.export({ format: 'der', type: 'spki' }))
      .digest('hex')
      .slice(0, 16);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  get serviceUrl(): string {
    return `${this.url}/teams/`;
  }

  get metadataUrl(): string {
    return `${this.url}/openid/.well-known/openid-configuration`;
  }

  /** A Bot Framework channel token, signed with this cloud's key (or another key, for a forged one). */
  token(claims: Record<string, unknown>, options: { forge?: boolean; expired?: boolean } = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: this.kid };
    const payload = { iss: ISSUER, nbf: now - 60, exp: options.expired ? now - 3600 : now + 3600, ...claims };
    const encode = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${encode(header)}.${encode(payload)}`;
    const key = options.forge ? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey : this.key.privateKey;
    const signature = createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url');
    return `${unsigned}.${signature}`;
  }

  connectorCalls(): RecordedCall[] {
    return this.calls.filter((c) => c.path.startsWith('/teams/'));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body: unknown = raw ? (req.headers['content-type']?.includes('json') ? JSON.parse(raw) : raw) : undefined;
    const path = decodeURIComponent(req.url ?? '');
    const call: RecordedCall = { method: req.method ?? '', path, body };
    if (req.headers.authorization) call.authorization = req.headers.authorization;
    this.calls.push(call);
    return this.route(req.method ?? '', path);
  }

  private route(method: string, path: string): { status: number; body: unknown } {
    if (path === '/openid/.well-known/openid-configuration') {
      return { status: 200, body: { issuer: ISSUER, jwks_uri: `${this.url}/openid/keys`, id_token_signing_alg_values_supported: ['RS256'] } };
    }
    if (path === '/openid/keys') {
      const jwk = this.key.publicKey.export({ format: 'jwk' });
      return { status: 200, body: { keys: [{ kty: 'RSA', use: 'sig', kid: this.kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] } };
    }
    if (path === '/oauth/token' && method === 'POST') {
      return { status: 200, body: { token_type: 'Bearer', access_token: `outbound-${++this.counter}`, expires_in: 3600 } };
    }
    const members = /^\/teams\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
    if (members && method === 'GET') {
      const [, teamId = '', userId = ''] = members;
      const known = this.teams.get(teamId) ?? [];
      return known.includes(userId)
        ? { status: 200, body: { id: userId, name: 'Member' } }
        : { status: 404, body: { error: { code: 'MemberNotFoundInConversation', message: 'Member not found' } } };
    }
    if (path === '/teams/v3/conversations' && method === 'POST') {
      if (this.notInstalled) {
        return { status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } } };
      }
      const id = String(++this.counter);
      return { status: 201, body: { id: `19:contact-point-cases@thread.tacv2;messageid=${id}`, activityId: id } };
    }
    if (/^\/teams\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/.test(path)) {
      if (method === 'POST') return { status: 200, body: { id: `sent-${++this.counter}` } };
      if (method === 'PUT') return { status: 200, body: { id: path.split('/').pop() } };
    }
    return { status: 404, body: { error: { code: 'NotFound', message: path } } };
  }
}
