/** MikroORM set-up: one ORM per process; one EntityManager fork per request. */
import path from 'node:path';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { REPO_ROOT } from '../config.js';
import type { Logger } from '../log.js';
import { RateBudget } from '../http/rate-budget.entity.js';
import { PreparedReadsDriver } from './prepared-reads.js';
import { createOrmLogger } from './statement-counter.js';

export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'migrations');

/** Core's own tables; the modules' come from their declarations (see core/module.ts). */
const CORE_ENTITIES = [RateBudget];

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- entity classes of any shape
export interface OrmOptions { databaseUrl: string; poolMax?: number; log: Logger; entities: readonly Function[] }

export function ormConfig(opts: OrmOptions): Options {
  return defineConfig({
    clientUrl: opts.databaseUrl,
    // Repeated reads as prepared statements (see prepared-reads.ts).
    driver: PreparedReadsDriver,
    entities: [...CORE_ENTITIES, ...opts.entities],
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    pool: { min: 0, max: opts.poolMax ?? 10 },
    // Requests must use their own fork; a query on the global EntityManager is a bug.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: ['query'],
    loggerFactory: createOrmLogger(opts.log),
    // Triggers and functions are written by hand in migrations (e.g. the response cache's): the
    // schema diff leaves them alone instead of proposing to drop them.
    schemaGenerator: { ignoreTriggers: true, ignoreRoutines: true },
    migrations: {
      path: MIGRATIONS_DIR,
      pathTs: MIGRATIONS_DIR,
      glob: '!(*.d).ts',
      tableName: 'mikro_orm_migrations',
      // The migrated database, not a snapshot file, is what new migrations are diffed against.
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
      fileName: (timestamp, name) => `${timestamp}_${name ?? 'change'}`,
    },
  });
}

/**
 * The API's ORM. With `statementTimeoutMs`, PostgreSQL cancels any statement running longer
 * (set per connection through the URL's `options`), so no request holds the database for long.
 */
export async function openOrm(opts: OrmOptions & { statementTimeoutMs?: number }): Promise<MikroORM> {
  let databaseUrl = opts.databaseUrl;
  if (opts.statementTimeoutMs) {
    const url = new URL(databaseUrl);
    url.searchParams.set('options', `${url.searchParams.get('options') ?? ''} -c statement_timeout=${opts.statementTimeoutMs}`.trim());
    databaseUrl = url.toString();
  }
  return MikroORM.init(ormConfig({ ...opts, databaseUrl }));
}
