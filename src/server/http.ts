// The one HTTP server of `npm start`: health, metrics, the web chat and inbox, and Slack/Teams routes
// when those channels are configured. Request logs carry the route, status and duration, never a body.
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { ChannelModule } from '../channels/types.js';
import type { Metrics } from './metrics.js';
import { hostCheck, sameOriginWrites, securityHeaders } from './security.js';

export interface Readiness {
  ready: boolean;
  checks: Record<string, 'ok' | 'failing'>;
  /** Which screening lists are loaded, their dates and age, and which kinds are not screened. */
  screening?: unknown;
}

export interface HttpAppDeps {
  logger: Logger;
  metrics: Metrics;
  channels: ChannelModule[];
  readiness: () => Promise<Readiness>;
  /** Bound to a loopback address: only local Host names are accepted. */
  loopback: boolean;
  /** Host names besides localhost that may reach a loopback server (PUBLIC_URL's). */
  allowedHosts: string[];
  trustProxy: boolean;
  /** PUBLIC_URL: our own origin for the CSRF check, and HSTS when it is https. */
  publicUrl?: string;
  /** Where /metrics is served: here, behind this Bearer token when set; or only on the admin port. */
  metricsAccess: { onMainPort: boolean; token?: string };
}

/** Paths that platforms (not browsers) post to; they carry their own signatures. */
const PLATFORM_PATHS = ['/slack/', '/api/messages'];

function routeLabel(req: Request): string {
  const route = (req.route as { path?: unknown } | undefined)?.path;
  const base = req.baseUrl ?? '';
  if (typeof route === 'string') return `${base}${route}`;
  return req.path.startsWith('/static/') ? '/static/:file' : 'unmatched';
}

export function createHttpApp(deps: HttpAppDeps): Express {
  const { logger, metrics } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);
  app.set('query parser', 'simple');

  app.use((req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    res.on('finish', () => {
      const route = routeLabel(req);
      const seconds = (performance.now() - started) / 1000;
      metrics.httpLatency.observe({ route, status: `${String(res.statusCode).slice(0, 1)}xx` }, seconds);
      if (res.statusCode === 429) metrics.rateLimited.inc({ limit: route });
      if (route !== '/healthz' && route !== '/readyz' && route !== '/metrics') {
        logger.debug({ method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000) }, 'http');
      }
    });
    next();
  });
  app.use(securityHeaders({ hsts: deps.publicUrl?.startsWith('https://') ?? false }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const readiness = await deps.readiness();
    res.status(readiness.ready ? 200 : 503).json({
      status: readiness.ready ? 'ready' : 'not-ready',
      checks: readiness.checks,
      ...(readiness.screening !== undefined ? { screening: readiness.screening } : {}),
    });
  });

  app.use(hostCheck(deps.loopback, deps.allowedHosts));
  if (deps.metricsAccess.onMainPort) app.get('/metrics', metricsHandler(metrics, deps.metricsAccess.token));
  app.use(sameOriginWrites(PLATFORM_PATHS, deps.publicUrl));
  for (const channel of deps.channels) channel.mount(app);

  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'not-found' });
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 500;
    // Body-parser errors (too large, bad JSON) are the client's; anything else is ours.
    if (status >= 500) logger.error({ err: { name: (error as Error).name, stack: (error as Error).stack }, route: routeLabel(req) }, 'request failed');
    if (!res.headersSent) res.status(status).json({ error: status === 413 ? 'too-large' : status < 500 ? 'bad-request' : 'internal-error' });
  });
  return app;
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** GET /metrics in Prometheus' text format; with a token, only for "Authorization: Bearer <token>". */
function metricsHandler(metrics: Metrics, token?: string) {
  const expected = token ? digest(token) : undefined;
  return async (req: Request, res: Response): Promise<void> => {
    if (expected) {
      const header = req.headers.authorization ?? '';
      const given = digest(header.startsWith('Bearer ') ? header.slice(7).trim() : '');
      if (!timingSafeEqual(given, expected)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        res.status(401).json({ error: 'unauthorised' });
        return;
      }
    }
    res.setHeader('Cache-Control', 'no-store');
    res.type(metrics.contentType).send(await metrics.render());
  };
}

/** The admin port (METRICS_PORT): /metrics and nothing else, for a scraper on an internal network. */
export function createMetricsApp(metrics: Metrics, token?: string): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', metricsHandler(metrics, token));
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'not-found' });
  });
  return app;
}
