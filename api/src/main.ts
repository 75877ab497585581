/**
 * One API process, for deployments: `DATABASE_URL` is required and migrations are applied
 * beforehand (`pnpm migration:up`). Run as many of these as you like behind a load balancer.
 * For a single machine with everything in it, use `pnpm start` (cli/start.ts).
 */
import { ConfigError, loadConfig } from './core/config.js';
import { runCli } from './cli/run.js';

runCli(async () => {
  // Validate first: a bad value fails in milliseconds, before the stack is loaded.
  const config = loadConfig();
  if (!config.databaseUrl) throw new ConfigError('DATABASE_URL is required for `serve` (use `pnpm start` for the embedded database)');
  const { startApi, onShutdownSignal } = await import('./app.js');
  const { createLogger } = await import('./core/log.js');
  const log = createLogger(config.logLevel);
  const api = await startApi({ config, log, databaseUrl: config.databaseUrl });
  log.info({ url: api.server.url }, 'API listening');
  onShutdownSignal(log, () => api.close());
});
