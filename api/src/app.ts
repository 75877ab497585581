/** The API process's lifecycle: ORM + HTTP server, and closing both in order. */
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './core/config.js';
import { openOrm } from './core/db/orm.js';
import { RateBudgets } from './core/http/rate-budget.js';
import { startApiServer, type ApiServer } from './core/http/server.js';
import type { Logger } from './core/log.js';
import { EventBus } from './core/events/bus.js';
import { authenticate, SESSION_COOKIE } from './modules/identity/authenticate.js';
import { startPublicationScheduler } from './modules/content/publication-scheduler.js';
import { allowedOriginsCache } from './modules/enterprises/allowed-origins.js';
import { mediaRoutes } from './modules/media/media.routes.js';
import { LocalDiskStorage } from './modules/media/storage.js';

export interface RunningApi {
  server: ApiServer;
  orm: MikroORM;
  close(): Promise<void>;
}

export async function startApi(args: { config: Config; log: Logger; databaseUrl: string; port?: number }): Promise<RunningApi> {
  const orm = await openOrm({ databaseUrl: args.databaseUrl, poolMax: args.config.dbPoolMax, log: args.log, statementTimeoutMs: args.config.dbStatementTimeoutMs });
  const { rateLimits } = args.config;
  const budgeted = rateLimits.anonymous || rateLimits.user || rateLimits.apiKey;
  const bus = new EventBus(args.databaseUrl, args.log);
  const corsOrigins = allowedOriginsCache(orm);
  let server: ApiServer;
  let scheduler: { stop(): Promise<void> } | undefined;
  try {
    await bus.start();
    void (async () => {
      for await (const event of bus.stream()) if (event.type === 'enterprise.allowedOrigins') corsOrigins.invalidate();
    })().catch((error: unknown) => args.log.warn({ err: error }, 'allowed-origins listener stopped'));
    scheduler = startPublicationScheduler(orm, args.log, args.config.schedulerIntervalMs);
    server = await startApiServer({
      orm,
      log: args.log,
      host: args.config.api.host,
      port: args.port ?? args.config.api.port,
      shutdownTimeoutMs: args.config.shutdownTimeoutMs,
      authenticate,
      bus,
      routes: [(contextFor) => mediaRoutes({ storage: new LocalDiskStorage(args.config.mediaDir), contextFor, log: args.log })],
      exposure: {
        budgets: budgeted ? new RateBudgets(orm, rateLimits) : null,
        anonymousDocuments: args.config.anonymousDocuments,
        hideSchemaFromAnonymous: args.config.hideSchemaFromAnonymous,
      },
      trustProxy: args.config.trustProxy,
      corsOrigins,
      requestTimeoutMs: args.config.requestTimeoutMs,
      sessionCookieName: SESSION_COOKIE,
      secureCookies: args.config.env === 'production',
    });
  } catch (error) {
    await scheduler?.stop();
    await bus.stop();
    await orm.close();
    throw error;
  }
  return {
    server,
    orm,
    async close() {
      await scheduler?.stop();
      await server.close();
      await bus.stop();
      await orm.close();
    },
  };
}

/** Runs `stop` once on the first SIGINT/SIGTERM; a second signal exits at once. */
export function onShutdownSignal(log: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
    stop().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
