/**
 * `pnpm start`: everything on one machine. The database (embedded unless DATABASE_URL is set),
 * pending migrations, the demo data (once), the API and the portals, in one process tree that
 * Ctrl-C or SIGTERM takes down completely, the database included.
 */
import 'reflect-metadata';
import http from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { onShutdownSignal, openAppOrm, startApi } from '../app.js';
import { loadConfig, REPO_ROOT, type Config } from '../core/config.js';
import { assertPortFree } from '../core/db/embedded-postgres.js';
import { ensureGraphiql } from '../core/http/graphiql/build.js';
import { migrateUp } from '../core/db/migrations.js';
import { createLogger, type Logger } from '../core/log.js';
import { seedDemoData } from '../demo/seed.js';
import { openDatabase } from './database.js';
import { CliError, runCli } from './run.js';

const PORTALS_ENTRY = path.join(REPO_ROOT, 'portals', 'dist', 'server', 'entry.mjs');

type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse, next?: (err?: unknown) => void) => void;

runCli(async () => {
  const started = Date.now();
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  if (!existsSync(PORTALS_ENTRY)) throw new CliError('the portals are not built; run `pnpm start` from the repository root (it builds them first)');

  // Fail before touching the database when another process holds our ports.
  await assertPortFree(config.api.port, 'API_PORT');
  await assertPortFree(config.portals.port, 'PORTALS_PORT');
  const db = await openDatabase(config, log);
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => log.error({ err: error }, 'error while stopping'));
    await db.embedded?.stop();
  };
  onShutdownSignal(log, stopAll);

  try {
    // The offline GraphiQL's bundle (a couple of seconds, once: rebuilt only when its sources change).
    await ensureGraphiql();
    await prepareDatabase(db.url, config, log);
    const api = await startApi({ config, log, databaseUrl: db.url });
    stops.push(() => api.close());

    // The portals read the API over HTTP at request time, like any other client.
    process.env.PORTALS_API_URL ??= api.server.url;
    const { handler } = (await import(pathToFileURL(PORTALS_ENTRY).href)) as { handler: NodeHandler };
    const portals = http.createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve, reject) => {
      portals.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' ? new CliError(`PORTALS_PORT: port ${config.portals.port} is already in use; choose a free port`) : error),
      );
      portals.listen(config.portals.port, config.portals.host, () => resolve());
    });
    stops.push(
      () =>
        new Promise<void>((resolve) => {
          portals.close(() => resolve());
          portals.closeIdleConnections();
        }),
    );

    const portalsUrl = `http://${config.portals.host}:${config.portals.port}`;
    log.info({ api: api.server.url, portals: portalsUrl, startupMs: Date.now() - started }, 'ready');
    process.stdout.write(
      [
        '',
        '  Dangjian Platform is running',
        `  GraphQL API   ${api.server.url}`,
        `  Portals       ${portalsUrl}/p/huayou/  (also /p/huayou-caiyou1/, /p/huayou-lianhua/, /p/jiangchuan/)`,
        `  Database      ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL on 127.0.0.1:${config.embeddedPg.port}, data in ${path.relative(REPO_ROOT, config.embeddedPg.dataDir)}/`}`,
        '  Stop with Ctrl-C.',
        '',
      ].join('\n') + '\n',
    );
  } catch (error) {
    await stopAll();
    throw error;
  }
});

/** Applies pending migrations and, when enabled, loads the demo data (once). */
async function prepareDatabase(databaseUrl: string, config: Config, log: Logger): Promise<void> {
  const orm = await openAppOrm({ databaseUrl, log });
  try {
    const applied = await migrateUp(orm);
    if (applied.length) log.info({ migrations: applied }, 'migrations applied');
    if (config.demoData) {
      const seeded = await seedDemoData(orm, config);
      if (seeded.length) log.info({ created: seeded }, 'demo data loaded');
    }
  } finally {
    await orm.close();
  }
}
