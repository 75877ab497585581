/**
 * The composition root: the one list of domain modules, and the API process's lifecycle (ORM,
 * event bus, the modules' jobs, HTTP server, and closing them in order). Adding a module means
 * adding it to MODULES; core offers the registries it fills and knows none of them.
 */
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './core/config.js';
import { openOrm, type OrmOptions } from './core/db/orm.js';
import { RateBudgets } from './core/http/rate-budget.js';
import { startApiServer, type ApiServer } from './core/http/server.js';
import type { Logger } from './core/log.js';
import { EventBus } from './core/events/bus.js';
import { entitiesOf, installModules, resolversOf, startJobs, type ContextFor, type ModuleDefinition, type ModuleServices } from './core/module.js';
import audit from './modules/audit/index.js';
import cases from './modules/cases/index.js';
import content from './modules/content/index.js';
import disclosures from './modules/disclosures/index.js';
import dues from './modules/dues/index.js';
import enterprises from './modules/enterprises/index.js';
import identity from './modules/identity/index.js';
import items from './modules/items/index.js';
import localRules from './modules/local-rules/index.js';
import media from './modules/media/index.js';
import members from './modules/members/index.js';
import news from './modules/news/index.js';
import notifications from './modules/notifications/index.js';
import organizations from './modules/organizations/index.js';
import partnerships from './modules/partnerships/index.js';
import portals from './modules/portals/index.js';
import resources from './modules/resources/index.js';
import search from './modules/search/index.js';
import usage from './modules/usage/index.js';
import calendar from './modules/calendar/index.js';
import development from './modules/development/index.js';
import transfers from './modules/transfers/index.js';
import cards from './modules/cards/index.js';
import mobility from './modules/mobility/index.js';
import meetings from './modules/meetings/index.js';
import appraisals from './modules/appraisals/index.js';
import handbook from './modules/handbook/index.js';
import learning from './modules/learning/index.js';
import dashboards from './modules/dashboards/index.js';
import surveys from './modules/surveys/index.js';
import assessments from './modules/assessments/index.js';
import mailbox from './modules/mailbox/index.js';
import webhooks from './modules/webhooks/index.js';
import { authenticate, SESSION_COOKIE } from './modules/identity/authenticate.js';
import { tracingFromEnvironment } from './core/tracing.js';
import { allowedOriginsCache } from './modules/enterprises/allowed-origins.js';

/** Every domain module, in dependency order. */
export const MODULES: readonly ModuleDefinition[] = [
  enterprises,
  organizations,
  portals,
  identity,
  audit,
  localRules,
  notifications,
  content,
  news,
  disclosures,
  partnerships,
  cases,
  resources,
  usage,
  items,
  search,
  media,
  calendar,
  members,
  dues,
  development,
  transfers,
  cards,
  mobility,
  meetings,
  appraisals,
  handbook,
  learning,
  dashboards,
  surveys,
  assessments,
  mailbox,
  webhooks,
];
installModules(MODULES);

export const ENTITIES = entitiesOf(MODULES);
export const RESOLVERS = resolversOf(MODULES);

/** The ORM with every module's entities: for the API, the CLI, the bench and the tests. */
export const openAppOrm = (opts: Omit<OrmOptions, 'entities'> & { statementTimeoutMs?: number }) => openOrm({ ...opts, entities: ENTITIES });

/**
 * RESPONSE_CACHE_ENTRIES (0 turns the cache off; off by default under NODE_ENV=test, where tests
 * write with SQL and read back at once) and RESPONSE_CACHE_TTL_SECONDS.
 */
function responseCacheOptions(config: Config) {
  const maxEntries = config.read.integer('RESPONSE_CACHE_ENTRIES', config.env === 'test' ? 0 : 5_000, 0, 1_000_000);
  return maxEntries ? { maxEntries, ttlMs: config.read.integer('RESPONSE_CACHE_TTL_SECONDS', 60, 1, 86_400) * 1000 } : null;
}

export interface RunningApi {
  server: ApiServer;
  orm: MikroORM;
  close(): Promise<void>;
}

export async function startApi(args: { config: Config; log: Logger; databaseUrl: string; port?: number }): Promise<RunningApi> {
  // Tracing is on when OTEL_EXPORTER_OTLP_ENDPOINT is set (standard OTel variables), before anything opens.
  const traces = tracingFromEnvironment();
  const orm = await openAppOrm({ databaseUrl: args.databaseUrl, poolMax: args.config.dbPoolMax, log: args.log, statementTimeoutMs: args.config.dbStatementTimeoutMs });
  const { rateLimits } = args.config;
  const budgeted = rateLimits.anonymous || rateLimits.user || rateLimits.apiKey;
  const bus = new EventBus(args.databaseUrl, args.log);
  const corsOrigins = allowedOriginsCache(orm);
  const services: ModuleServices = { orm, log: args.log, bus, config: args.config, modules: MODULES };
  let server: ApiServer;
  let jobs: { stop(): Promise<void> } | undefined;
  try {
    await bus.start();
    void (async () => {
      for await (const event of bus.stream()) if (event.type === 'enterprise.allowedOrigins') corsOrigins.invalidate();
    })().catch((error: unknown) => args.log.warn({ err: error }, 'allowed-origins listener stopped'));
    jobs = await startJobs(MODULES, services);
    server = await startApiServer({
      orm,
      resolvers: RESOLVERS,
      log: args.log,
      host: args.config.api.host,
      port: args.port ?? args.config.api.port,
      shutdownTimeoutMs: args.config.shutdownTimeoutMs,
      authenticate,
      bus,
      routes: MODULES.flatMap((module) => (module.routes ? [(contextFor: ContextFor) => module.routes!({ ...services, contextFor })] : [])),
      exposure: {
        budgets: budgeted ? new RateBudgets(orm, rateLimits) : null,
        anonymousDocuments: args.config.anonymousDocuments,
        hideSchemaFromAnonymous: args.config.hideSchemaFromAnonymous,
      },
      trustProxy: args.config.trustProxy,
      corsOrigins,
      requestTimeoutMs: args.config.requestTimeoutMs,
      metricsToken: args.config.read.string('METRICS_TOKEN'),
      ide: { production: args.config.env === 'production' },
      responseCache: responseCacheOptions(args.config),
      sessionCookieName: SESSION_COOKIE,
      secureCookies: args.config.env === 'production',
    });
  } catch (error) {
    await jobs?.stop();
    await bus.stop();
    await orm.close();
    throw error;
  }
  return {
    server,
    orm,
    async close() {
      await jobs?.stop();
      await server.close();
      await bus.stop();
      await orm.close();
      await traces?.shutdown();
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
