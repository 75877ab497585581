/**
 * The database for a command: `DATABASE_URL` when set, otherwise the embedded server, started on its
 * own port with its data under `.data/` in the repository (kept across restarts).
 */
import type { Config } from '../core/config.js';
import type { Logger } from '../core/log.js';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgres } from '../core/db/embedded-postgres.js';

export const EMBEDDED_DATABASE = 'dangjian';

export async function openDatabase(config: Config, log: Logger): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  const pgLog = log.child({ component: 'postgres' });
  const embedded = await startEmbeddedPostgres({
    dataDir: config.embeddedPg.dataDir,
    port: config.embeddedPg.port,
    onLog: (text) => {
      for (const line of text.split('\n')) if (line.trim()) pgLog.debug(line.trim());
    },
  });
  try {
    await ensureDatabase(embedded.serverUrl, EMBEDDED_DATABASE);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  log.info({ port: config.embeddedPg.port, dataDir: config.embeddedPg.dataDir }, 'embedded PostgreSQL started');
  return { url: embedded.urlFor(EMBEDDED_DATABASE), embedded };
}

export async function withDatabase<T>(config: Config, log: Logger, fn: (url: string) => Promise<T>): Promise<T> {
  const db = await openDatabase(config, log);
  try {
    return await fn(db.url);
  } finally {
    await db.embedded?.stop();
  }
}
