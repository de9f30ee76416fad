// Rate limits through express-rate-limit: wrong inbox logins (form and Bearer) per address, anonymous
// web-chat turns per address, and cases sent per web-chat session and per address. Counters live in
// memory for one instance, or in PostgreSQL when DATABASE_URL is set, so that instances share them.
// Every refusal is 429 with Retry-After; the chat also gets a message it can show.
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit, type Store } from 'express-rate-limit';
import type pg from 'pg';
import { PostgresRateLimitStore } from '../store/postgres/rate-limit-store.js';

const LOGIN_WINDOW_MS = 15 * 60_000;
const TURN_WINDOW_MS = 60_000;
const CASE_WINDOW_MS = 60 * 60_000;

export interface RateLimitSettings {
  loginFailures: number;
  chatTurns: number;
  casesPerSession: number;
  casesPerAddress: number;
}

/** Where counters live: memory (one instance) or a PostgreSQL pool shared by all. */
export type LimiterBackend = { kind: 'memory' } | { kind: 'postgres'; pool: pg.Pool };

function storeFor(backend: LimiterBackend, prefix: string): Store {
  return backend.kind === 'postgres' ? new PostgresRateLimitStore(backend.pool, prefix) : new MemoryStore();
}

/** A store used outside a limiter (the case quota) is given its window the way a limiter would. */
function standaloneStore(backend: LimiterBackend, prefix: string, windowMs: number): Store {
  const store = storeFor(backend, prefix);
  void store.init?.({ windowMs } as Parameters<NonNullable<Store['init']>>[0]);
  return store;
}

/** A request handler marks a failed login here; the limiter then keeps the hit (a success gives it back). */
export function markAuthFailed(res: Response): void {
  res.locals.authFailed = true;
}

const addressKey = (req: Request): string => ipKeyGenerator(req.ip ?? 'unknown');

export interface RateLimits {
  /** On /inbox: counts only failed logins and refused Bearer tokens; blocks the address once over. */
  inboxLogin: RequestHandler;
  /** On POST /api/chat/turn. */
  chatTurns(message: (req: Request) => unknown): RequestHandler;
  /** Cases per session and per address: checked before a turn, counted after one that created a case. */
  cases: CaseQuota;
}

export interface CaseQuota {
  /** Seconds until another case may be sent, or 0 when it may. */
  retryAfter(session: string, address: string): Promise<number>;
  record(session: string, address: string, count: number): Promise<void>;
}

function secondsUntil(date: Date | undefined, now: number): number {
  return date ? Math.max(1, Math.ceil((date.getTime() - now) / 1000)) : 1;
}

export function createRateLimits(settings: RateLimitSettings, backend: LimiterBackend): RateLimits {
  const inboxLogin = rateLimit({
    windowMs: LOGIN_WINDOW_MS,
    limit: settings.loginFailures,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: storeFor(backend, 'login:'),
    keyGenerator: addressKey,
    // Only what can be a guess is counted: a token form, a Bearer token, the provider's answer. A request
    // with a session cookie is not, so that a campus behind one address is not slowed by its own pages.
    skip: (req) => !(req.headers.authorization !== undefined || (req.method === 'POST' && req.path === '/login') || req.path === '/oidc/callback'),
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.locals.authFailed !== true && res.statusCode !== 401,
    handler: (req, res) => {
      res.status(429);
      if (req.accepts(['html', 'json']) === 'html') res.type('text/plain').send('Too many failed logins from this address. Try again later.');
      else res.json({ error: 'rate-limited' });
    },
  });

  const chatStore = storeFor(backend, 'turn:');
  const chatTurns = (message: (req: Request) => unknown): RequestHandler =>
    rateLimit({
      windowMs: TURN_WINDOW_MS,
      limit: settings.chatTurns,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      store: chatStore,
      keyGenerator: addressKey,
      handler: (req, res) => {
        res.status(429).json({ error: 'rate-limited', messages: [message(req)] });
      },
    });

  const perSession = standaloneStore(backend, 'case-session:', CASE_WINDOW_MS);
  const perAddress = standaloneStore(backend, 'case-address:', CASE_WINDOW_MS);
  const cases: CaseQuota = {
    async retryAfter(session, address) {
      const now = Date.now();
      const [s, a] = await Promise.all([perSession.get?.(session), perAddress.get?.(ipKeyGenerator(address))]);
      if (s && s.totalHits >= settings.casesPerSession) return secondsUntil(s.resetTime, now);
      if (a && a.totalHits >= settings.casesPerAddress) return secondsUntil(a.resetTime, now);
      return 0;
    },
    async record(session, address, count) {
      for (let i = 0; i < count; i++) await Promise.all([perSession.increment(session), perAddress.increment(ipKeyGenerator(address))]);
    },
  };

  return { inboxLogin, chatTurns, cases };
}
