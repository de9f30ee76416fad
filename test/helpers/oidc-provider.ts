// A real OpenID Connect provider (the oidc-provider package) in this process, and a small "browser" that
// signs in through it: it follows redirects across the provider and the advisor with a cookie jar per
// host and fills in the provider's own login and consent forms. Nothing of openid-client is mocked.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import Provider, { type Configuration } from 'oidc-provider';

export interface TestAccount {
  sub: string;
  name: string;
  email: string;
  groups: string[];
}

export interface TestProvider {
  issuer: string;
  /** Registers the advisor as a client once its address is known. */
  register(client: { clientId: string; clientSecret: string; redirectUri: string; postLogoutRedirectUri: string }): void;
  close(): Promise<void>;
}

export async function startTestProvider(accounts: TestAccount[]): Promise<TestProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server: Server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const byId = new Map(accounts.map((a) => [a.sub, a]));
  return {
    issuer,
    register(client) {
      const configuration: Configuration = {
        clients: [
          {
            client_id: client.clientId,
            client_secret: client.clientSecret,
            redirect_uris: [client.redirectUri],
            post_logout_redirect_uris: [client.postLogoutRedirectUri],
            response_types: ['code'],
            grant_types: ['authorization_code'],
          },
        ],
        scopes: ['openid', 'profile', 'email', 'groups'],
        claims: { openid: ['sub'], profile: ['name'], email: ['email'], groups: ['groups'] },
        findAccount: (_ctx, sub) => {
          const account = byId.get(sub);
          if (!account) return undefined;
          return { accountId: sub, claims: () => ({ sub, name: account.name, email: account.email, groups: account.groups }) };
        },
        features: { devInteractions: { enabled: true } },
        cookies: { keys: ['a-cookie-key-for-the-test-provider'] },
      };
      const provider = new Provider(issuer, configuration);
      handler = provider.callback();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Cookies per host, as a browser keeps them (enough for these tests: names, values, expiry by Max-Age=0). */
export class CookieJar {
  private readonly jars = new Map<string, Map<string, string>>();
  store(url: string, res: Response): void {
    const host = new URL(url).host;
    const jar = this.jars.get(host) ?? new Map<string, string>();
    this.jars.set(host, jar);
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }
  header(url: string): string {
    return [...(this.jars.get(new URL(url).host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(url: string, name: string): string | undefined {
    return this.jars.get(new URL(url).host)?.get(name);
  }
}

async function visit(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header(url);
  if (cookie) headers.set('cookie', cookie);
  const res = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.store(url, res);
  return res;
}

/**
 * Starts at `startUrl` and clicks through: every redirect is followed, the provider's login form is
 * submitted as `login`, its consent form is confirmed. Returns the last response (not a redirect).
 */
export async function browse(jar: CookieJar, startUrl: string, login: string): Promise<{ res: Response; url: string; visited: string[] }> {
  let url = startUrl;
  let init: RequestInit = {};
  const visited: string[] = [];
  for (let hop = 0; hop < 20; hop++) {
    visited.push(url);
    const res = await visit(jar, url, init);
    init = {};
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url).href;
      continue;
    }
    const body = res.status === 200 && res.headers.get('content-type')?.includes('html') ? await res.clone().text() : '';
    const form = /<form[^>]*action="([^"]+)"[^>]*method="post"/i.exec(body);
    const prompt = /name="prompt" value="(\w+)"/.exec(body)?.[1];
    if (form?.[1] && prompt && url.startsWith(new URL(form[1], url).origin) && !url.includes('/inbox')) {
      const fields = new URLSearchParams({ prompt });
      if (prompt === 'login') {
        fields.set('login', login);
        fields.set('password', 'any');
      }
      url = new URL(form[1].replace(/&amp;/g, '&'), url).href;
      init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() };
      continue;
    }
    return { res, url, visited };
  }
  throw new Error(`too many redirects from ${startUrl}`);
}
