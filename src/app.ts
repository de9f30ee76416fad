// The composition root of `npm start`: content, engine, store, services, channels, the outbox worker and
// the HTTP server, wired once. Slack and Teams are imported only when their settings are present.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import type { ChannelDeps, ChannelModule } from './channels/types.js';
import { createWebChannel } from './channels/web/index.js';
import { createCliDeliverer } from './channels/cli/deliverer.js';
import { createAdvisorEngine } from './runtime/engine.js';
import { slackMode } from './channels/slack/config.js';
import { teamsEnabled } from './channels/teams/config.js';
import { ConfigError, contactPointsWithOverrides, isLoopback, loadInstitutions, type AppConfig, type Institutions } from './config/index.js';
import type { Content } from './content/load.js';
import { loadContentFast } from './server/content-snapshot.js';
import { createLogger } from './logger.js';
import { createScreener, datasetSpecsFromConfig, DatasetError, loadDataset, startLiveScreener, yenteFromConfig } from './screening/index.js';
import { createHttpApp, createMetricsApp, type Readiness } from './server/http.js';
import { createCaseRetentionSweeper } from './server/case-retention-sweeper.js';
import { createRateLimits, type LimiterBackend } from './server/rate-limits.js';
import { loadSessionKey } from './server/session-key.js';
import { rateLimitPool } from './store/postgres/rate-limit-store.js';
import { storeOpenProblem } from './store/open-errors.js';
import { openCaseRetention } from './store/retention-cases.js';
import { integrityProbe } from './store/sqlite/integrity.js';
import { instrumentCases, instrumentConversations, instrumentDeliverer } from './server/instrument.js';
import { createMetrics, type Metrics } from './server/metrics.js';
import { createCaseRouter } from './service/case-router.js';
import { createCaseService } from './service/case-service.js';
import { createConversationService } from './service/conversation-service.js';
import { createOutboxWorker, type OutboxWorker } from './service/outbox-worker.js';
import { createRetentionSweeper } from './service/retention.js';
import type { Deliverer } from './service/types.js';
import { openStore, sqlitePath } from './store/index.js';
import type { ChannelName, Store } from './store/types.js';

export interface AppOptions {
  logger?: Logger;
  clock?: () => Date;
}

export interface RunningApp {
  /** http://host:port, with the port actually bound (PORT=0 picks a free one). */
  url: string;
  port: number;
  store: Store;
  metrics: Metrics;
  logger: Logger;
  channels: ChannelName[];
  /** Stops accepting, finishes requests and deliveries in flight, closes the store. Idempotent. */
  stop(): Promise<void>;
}

function applyInstitutions(content: Content, institutions: Institutions): Content {
  return { ...content, reference: { ...content.reference, contactPoints: contactPointsWithOverrides(institutions) } };
}

function loadScreeningDatasets(config: AppConfig) {
  try {
    return datasetSpecsFromConfig(config).map(loadDataset);
  } catch (error) {
    if (error instanceof DatasetError) throw new ConfigError([`SCREENING_DATASETS: ${error.message}`]);
    throw error;
  }
}

async function optionalChannels(config: AppConfig, deps: ChannelDeps, institutions: Institutions, logger: Logger): Promise<ChannelModule[]> {
  const channels: ChannelModule[] = [];
  if (slackMode(config) !== 'off') {
    const { createSlackChannel } = await import('./channels/slack/index.js');
    channels.push(
      createSlackChannel(deps, config, {
        institutionContactPoints: (id) => institutions.byId.get(id)?.contactPointIds.slack ?? [],
      }),
    );
  } else if (config.SLACK_BOT_TOKEN) {
    logger.warn('SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN or SLACK_SIGNING_SECRET: Slack stays off');
  }
  if (teamsEnabled(config)) {
    const { createTeamsChannel } = await import('./channels/teams/index.js');
    channels.push(
      createTeamsChannel(deps, config, {
        institution: (id) => {
          const institution = institutions.byId.get(id);
          if (!institution) return undefined;
          const conversationId = institution.routing.teams?.conversationId;
          return { users: institution.contactPointIds.teams, ...(conversationId ? { conversationId } : {}) };
        },
      }),
    );
  } else if (config.MicrosoftAppId) {
    logger.warn('MicrosoftAppId is set without MicrosoftAppPassword (or a managed identity): Teams stays off');
  }
  return channels;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolveListen(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((r) => {
    timer = setTimeout(() => r('timeout'), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function startApp(config: AppConfig, options: AppOptions = {}): Promise<RunningApp> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? (() => new Date());
  const started = performance.now();

  // The compiled server reads the content snapshot `npm run build` made, when it is still current.
  const { content: loaded, understand } = loadContentFast({
    ...(config.CONTENT_DIR ? { contentDir: resolve(config.CONTENT_DIR) } : {}),
    ...(config.DIALOGS_DIR ? { dialogsDir: resolve(config.DIALOGS_DIR) } : {}),
  });
  const institutions = loadInstitutions(resolve(config.INSTITUTIONS_FILE), loaded.reference.contactPoints);
  const content = applyInstitutions(loaded, institutions);
  // Screening reloads its datasets when `advisor datasets update` swaps a file in, or on SIGHUP;
  // the old index answers until the new one is built.
  const screening = startLiveScreener({
    build: () =>
      createScreener({
        sevenSons: content.reference.sevenSons,
        restrictions: content.reference.restrictions,
        links: content.reference.links,
        datasets: loadScreeningDatasets(config),
        staleAfterDays: config.SCREENING_STALE_DAYS,
        today: clock().toISOString().slice(0, 10),
      }),
    paths: datasetSpecsFromConfig(config, { includeAbsent: true }).map((s) => s.path),
    intervalMs: config.SCREENING_RELOAD_CHECK_SECONDS * 1000,
    clock,
    onEvent: (e) =>
      e.type === 'reloaded'
        ? logger.info({ ms: e.ms, lists: e.lists.map((l) => ({ id: l.id, date: l.date, entries: l.entries })) }, 'screening datasets reloaded')
        : logger.warn({ error: e.error }, 'screening datasets could not be reloaded; the previous ones stay in use'),
  });
  const onReloadSignal = (): void => void screening.reload();
  process.on('SIGHUP', onReloadSignal);
  // With SCREENING_YENTE_URL, the engine's screener also answers what yente said; the conversation
  // service asks yente for the names it has not asked yet, within the budget, between two runs of a step.
  const yente = yenteFromConfig(config, screening.screener);
  const engine = createAdvisorEngine({ content, screener: yente ?? screening.screener, ...(understand ? { understandContent: understand } : {}) });

  const location = {
    dataDir: config.DATA_DIR,
    sqliteDurability: config.SQLITE_DURABILITY,
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
  };
  const store = await openStore(location).catch((error: unknown) => {
    // Unreachable, refused or damaged: a message naming the setting, not a stack trace.
    const problem = storeOpenProblem(error, location);
    throw problem ? new ConfigError([problem]) : error;
  });
  const metrics = createMetrics({ processMetrics: config.METRICS_PROCESS });
  metrics.watch(store);
  const sessionKey = loadSessionKey(config.SESSION_SECRET, config.DATA_DIR);
  if (config.DATABASE_URL && sessionKey.source === 'file') {
    logger.warn('SESSION_SECRET is not set: with several instances on one database, each signs sessions with its own key (set SESSION_SECRET)');
  }
  const limiterPool = config.DATABASE_URL ? rateLimitPool(config.DATABASE_URL) : undefined;
  const limiterBackend: LimiterBackend = limiterPool ? { kind: 'postgres', pool: limiterPool } : { kind: 'memory' };
  const limits = createRateLimits(
    {
      loginFailures: config.RATE_LIMIT_LOGIN,
      chatTurns: config.RATE_LIMIT_CHAT_TURNS,
      casesPerSession: config.RATE_LIMIT_CASES_PER_SESSION,
      casesPerAddress: config.RATE_LIMIT_CASES_PER_ADDRESS,
    },
    limiterBackend,
  );
  const router = createCaseRouter(institutions.routing);
  let worker: OutboxWorker | undefined;
  const wake = (): void => worker?.wake();

  const conversations = instrumentConversations(
    createConversationService({
      store,
      step: engine.step,
      router,
      clock,
      newId: randomUUID,
      logger,
      onJobs: wake,
      ...(yente ? { remoteScreening: yente } : {}),
    }),
    metrics,
  );
  const cases = instrumentCases(createCaseService({ store, router, clock, logger }), metrics, wake);
  const deps: ChannelDeps = { conversations, cases, store, content, logger };

  let channels: ChannelModule[];
  try {
    const secureCookies = config.PUBLIC_URL?.startsWith('https://') ?? false;
    const web = await createWebChannel(deps, {
      defaultLang: config.DEFAULT_LANG,
      secureCookies,
      ...(config.INBOX_TOKEN ? { inboxToken: config.INBOX_TOKEN } : {}),
      inboxInstitutions: institutions.inboxCredentials,
      screener: {
        screen: (name, options) => (yente ? yente.screenAsync(name, options) : screening.screener.screen(name, options)),
        coverage: () => {
          const current = screening.current();
          return { lists: current.lists, missing: current.missing, checkByHand: current.checkByHand };
        },
      },
      sessionKey: sessionKey.key,
      sessionSecret: sessionKey.secret,
      limits,
      now: () => clock().getTime(),
      ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
      ...(config.OIDC_ISSUER && config.OIDC_CLIENT_ID
        ? {
            oidc: {
              settings: {
                issuer: config.OIDC_ISSUER,
                clientId: config.OIDC_CLIENT_ID,
                ...(config.OIDC_CLIENT_SECRET ? { clientSecret: config.OIDC_CLIENT_SECRET } : {}),
                scopes: config.OIDC_SCOPES,
                providerName: config.OIDC_PROVIDER_NAME,
              },
              mapping: institutions.sso,
            },
          }
        : {}),
    });
    channels = [web, ...(await optionalChannels(config, deps, institutions, logger))];
  } catch (error) {
    await store.close();
    await limiterPool?.end();
    throw error;
  }

  const deliverers = new Map<ChannelName, Deliverer>(channels.map((c) => [c.name, instrumentDeliverer(c.deliverer, metrics)]));
  // Researchers who escalated from `advisor chat` find the contact point's notices there next time.
  deliverers.set('cli', instrumentDeliverer(createCliDeliverer(store, conversations, clock), metrics));
  worker = createOutboxWorker({
    store,
    deliverers,
    clock,
    logger,
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
    backoffMs: config.OUTBOX_BACKOFF_MS,
    pollMs: config.OUTBOX_POLL_MS,
    leaseMs: config.OUTBOX_LEASE_SECONDS * 1000,
    workerId: `${hostname()}-${process.pid}`,
  });
  const retention = createRetentionSweeper({ store, clock, logger, retentionDays: config.CONVERSATION_RETENTION_DAYS });
  const caseRetention =
    config.CASE_RETENTION_DAYS > 0
      ? createCaseRetentionSweeper({ retention: openCaseRetention(location), days: config.CASE_RETENTION_DAYS, clock, logger })
      : undefined;
  // PRAGMA quick_check on /readyz, at most once per STORE_CHECK_INTERVAL_S (it reads the whole file).
  const integrity = store.kind === 'sqlite' ? integrityProbe(sqlitePath(config.DATA_DIR), config.STORE_CHECK_INTERVAL_S * 1000) : undefined;

  let stopping = false;
  const readiness = async (): Promise<Readiness> => {
    const storeOk = await withTimeout(
      store.ping().then(
        () => true,
        () => false,
      ),
      2000,
    );
    const checks: Readiness['checks'] = {
      store: storeOk === true ? 'ok' : 'failing',
      ...(integrity ? { 'store-integrity': integrity() } : {}),
      content: content.playbooks.size > 0 ? 'ok' : 'failing',
      accepting: stopping ? 'failing' : 'ok',
    };
    return { ready: Object.values(checks).every((c) => c === 'ok'), checks, screening: screening.status() };
  };

  const publicHost = config.PUBLIC_URL ? new URL(config.PUBLIC_URL).hostname : undefined;
  const app = createHttpApp({
    logger,
    metrics,
    channels,
    readiness,
    loopback: isLoopback(config.HOST),
    allowedHosts: publicHost ? [publicHost] : [],
    trustProxy: config.TRUST_PROXY,
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
    metricsAccess: { onMainPort: config.METRICS_PORT === 0, ...(config.METRICS_TOKEN ? { token: config.METRICS_TOKEN } : {}) },
  });
  const server = createServer({ requestTimeout: 30_000, headersTimeout: 15_000 }, app);
  const metricsServer = config.METRICS_PORT > 0 ? createServer(createMetricsApp(metrics, config.METRICS_TOKEN)) : undefined;
  let port: number;
  try {
    port = await listen(server, config.PORT, config.HOST);
    if (metricsServer) await listen(metricsServer, config.METRICS_PORT, config.METRICS_HOST);
  } catch (error) {
    server.close();
    await store.close();
    await limiterPool?.end();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new ConfigError([`PORT ${config.PORT} on ${config.HOST} is already in use (set PORT to a free port)`]);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new ConfigError([`HOST "${config.HOST}" is not an address of this machine`]);
    throw error;
  }

  for (const channel of channels) {
    // A platform that cannot be reached must not keep the web chat from starting.
    await channel.start?.().catch((error: unknown) => logger.error({ channel: channel.name, err: (error as Error).name }, 'channel failed to start'));
  }
  worker.start();
  retention.start();
  caseRetention?.start();

  const hostForUrl = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  const url = `http://${hostForUrl}:${port}`;
  logger.info(
    {
      port,
      host: config.HOST,
      store: store.kind,
      channels: channels.map((c) => c.name),
      playbooks: content.playbooks.size,
      ms: Math.round(performance.now() - started),
    },
    'advisor listening',
  );

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      // First /readyz turns 503 while requests are still served, so that a balancer stops sending new ones.
      stopping = true;
      if (config.SHUTDOWN_DRAIN_DELAY_MS > 0) await new Promise((r) => setTimeout(r, config.SHUTDOWN_DRAIN_DELAY_MS));
      const began = performance.now();
      metricsServer?.close();
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      if ((await withTimeout(closed, config.SHUTDOWN_TIMEOUT_MS)) === 'timeout') server.closeAllConnections();
      retention.stop();
      screening.stop();
      process.off('SIGHUP', onReloadSignal);
      await caseRetention?.stop();
      const left = Math.max(100, config.SHUTDOWN_TIMEOUT_MS - (performance.now() - began));
      if ((await withTimeout(worker?.stop() ?? Promise.resolve(), left)) === 'timeout') logger.warn('deliveries still running at shutdown');
      for (const channel of channels) await channel.stop?.().catch(() => undefined);
      await store.close();
      await limiterPool?.end();
      logger.info({ ms: Math.round(performance.now() - began) }, 'advisor stopped');
    })();
    return stopped;
  };

  return { url, port, store, metrics, logger, channels: channels.map((c) => c.name), stop };
}
