/**
 * Migration commands.
 *   up      apply pending migrations to DATABASE_URL (or the embedded server's database)
 *   create  diff the entities against a throwaway database with every migration applied, and
 *           write the difference as a new migration in migrations/ (review it before committing)
 *   check   fail when entities and migrations disagree (CI)
 */
import 'reflect-metadata';
import { createLogger } from '../core/log.js';
import { loadConfig } from '../core/config.js';
import { openAppOrm } from '../app.js';
import { migrateUp, schemaDrift } from '../core/db/migrations.js';
import { startThrowawayServer } from '../core/db/throwaway.js';
import { withDatabase } from './database.js';
import { CliError, runCli } from './run.js';

const [command, name] = process.argv.slice(2);
const log = createLogger('warn');

async function withMigratedThrowaway<T>(fn: (orm: Awaited<ReturnType<typeof openAppOrm>>) => Promise<T>): Promise<T> {
  const server = await startThrowawayServer();
  try {
    const db = await server.createDatabase('dangjian_migrations');
    const orm = await openAppOrm({ databaseUrl: db.url, log });
    try {
      await migrateUp(orm);
      return await fn(orm);
    } finally {
      await orm.close();
    }
  } finally {
    await server.dispose();
  }
}

runCli(async () => {
  switch (command) {
    case 'up': {
      const config = loadConfig();
      await withDatabase(config, log, async (databaseUrl) => {
        const orm = await openAppOrm({ databaseUrl, log });
        try {
          const applied = await migrateUp(orm);
          console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
        } finally {
          await orm.close();
        }
      });
      return;
    }
    case 'create': {
      if (name !== undefined && !/^[a-z0-9_]{1,60}$/.test(name)) throw new CliError('migration name must be snake_case, e.g. add_news');
      const file = await withMigratedThrowaway(async (orm) => {
        const result = await orm.migrator.create(undefined, false, false, name);
        return result.fileName;
      });
      if (!file) {
        console.log('Entities and migrations agree; nothing to create.');
        return;
      }
      console.log(`Created migrations/${file}. Review the SQL before committing it.`);
      return;
    }
    case 'check': {
      const drift = await withMigratedThrowaway(schemaDrift);
      if (drift) {
        console.error('Entities and migrations disagree. Run `pnpm migration:create <name>`. Missing SQL:\n' + drift);
        return 1;
      }
      console.log('Migrations match the entities.');
      return;
    }
    default:
      throw new CliError('usage: migrations.ts up | create [name] | check');
  }
});
