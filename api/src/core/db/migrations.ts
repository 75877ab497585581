/** Applying and checking migrations; used by start-up, the CLI, CI and the tests' template database. */
import type { MikroORM } from '@mikro-orm/postgresql';

/** Applies pending migrations, all in one transaction; returns their names. */
export async function migrateUp(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((m) => m.name);
}

/**
 * SQL that would make the database match the entities. Empty when migrations and entities agree;
 * run on a database with every migration applied, this is the drift check.
 */
export async function schemaDrift(orm: MikroORM): Promise<string> {
  return (await orm.schema.getUpdateSchemaSQL({ wrap: false })).trim();
}
