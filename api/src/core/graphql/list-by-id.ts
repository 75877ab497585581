/**
 * The one keyset list of rows by their integer id, for every module's filtered connection:
 * `where` already holds the caller's read rule (null: the caller reads none — an empty page, no
 * query). One indexed range scan per page, one count when asked.
 */
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PLAN_EVERY_TIME } from '../db/prepared-reads.js';
import { decodeCursor, paginate, type Connection } from './relay.js';

export function listById<T extends { id: number }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T> | null,
  args: {
    first: number;
    after: string | null;
    order: 'asc' | 'desc';
    /** The page and the count planned for their values at every run, never a prepared statement's generic plan (a subtree's). */
    planEveryTime?: boolean;
  },
): Promise<Connection<T>> {
  const beyond = args.order === 'asc' ? '$gt' : '$lt';
  const comments = args.planEveryTime ? [PLAN_EVERY_TIME] : undefined;
  return paginate({
    first: args.first,
    after: args.after == null ? null : (decodeCursor(args.after, ['number']) as [number]),
    keyOf: (row) => [row.id] as [number],
    fetch: async (limit, cursor) =>
      where ? em.find(entity, (cursor ? { $and: [where, { id: { [beyond]: cursor[0] } }] } : where) as never, { orderBy: { id: args.order } as never, limit, comments }) : [],
    count: async () => (where ? em.count(entity, where as never, { comments }) : 0),
  });
}
