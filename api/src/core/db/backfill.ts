/**
 * Backfill: history written through the services (the demo seed is the one user today) is not news.
 * Inside a transaction marked as backfill the services do their work — rows, revisions, search
 * tokens, audit — but nobody is notified and no webhook fires: people were not told "just now"
 * about an article of last week. The mark is a transaction-local setting, so it ends with the
 * transaction and costs the writers that honour it no statement (they test it in the SQL they run).
 */
import type { EntityManager } from '@mikro-orm/postgresql';

/** Marks the caller's transaction as a backfill. */
export async function beginBackfill(em: EntityManager): Promise<void> {
  if (!em.isInTransaction()) throw new Error('A backfill is marked inside a transaction.');
  await em.execute(`select set_config('dangjian.backfill', 'on', true)`);
}

/** A SQL condition, true outside a backfill: writers that tell people add it to their insert. */
export const NOT_BACKFILL = `coalesce(current_setting('dangjian.backfill', true), '') <> 'on'`;
