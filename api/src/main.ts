/**
 * One API process, for deployments: `DATABASE_URL` is required and migrations are applied
 * beforehand (`pnpm migration:up`). Run as many of these as you like behind a load balancer.
 * For a single machine with everything in it, use `pnpm start` (cli/start.ts).
 */
import { startApi, onShutdownSignal } from './app.js';
import { ConfigError, loadConfig } from './core/config.js';
import { createLogger } from './core/log.js';
import { runCli } from './cli/run.js';

runCli(async () => {
  const config = loadConfig();
  if (!config.databaseUrl) throw new ConfigError('DATABASE_URL is required for `serve` (use `pnpm start` for the embedded database)');
  const log = createLogger(config.logLevel);
  const api = await startApi({ config, log, databaseUrl: config.databaseUrl });
  log.info({ url: api.server.url }, 'API listening');
  onShutdownSignal(log, () => api.close());
});
