/**
 * One keyset-paged, authorised list of content for every kind's connection: the order's key plus
 * the id, descending, so a page is one indexed range scan whatever the page number. A kind that
 * keeps a counter in its own side table (a case's likes, a resource's downloads) orders by it
 * with a `CounterOrder`: the base knows nothing of those counters.
 */
import { raw, type EntityClass, type EntityName, type FilterQuery } from '@mikro-orm/core';
import type { Context } from '../../core/graphql/context.js';
import { badInput } from '../../core/graphql/errors.js';
import { decodeCursor, paginate, type Connection } from '../../core/graphql/relay.js';
import type { Content } from './content.entity.js';
import { CONTENT_COUNT_CAP, countReadableContent } from './content.loaders.js';
import { readContent, SIDE_ALIAS, type ContentView, type SideRow } from './content-view.js';

/** A counter in a kind's side table (keyed by its `content`), highest first, ties newest first. */
export interface CounterOrder<S extends { content: unknown }> {
  entity: EntityName<S>;
  field: keyof S & string;
}

export function listContent<S extends { content: unknown }>(
  ctx: Context,
  where: FilterQuery<Content>,
  /** PUBLISHED: newest publication first; CREATED: newest first (drafts, the workspace); or a kind's counter. */
  args: {
    first: number;
    after: string | null;
    order: 'PUBLISHED' | 'CREATED' | CounterOrder<S>;
    /** The kind's own row, read with each item (what its list shows of it, e.g. a notice window). */
    side?: SideRow<object>;
    /** The page planned for its values at every run (a subtree's: organizations/subtree-plans.ts). */
    planEveryTime?: boolean;
  },
): Promise<Connection<ContentView>> {
  const count = () => countReadableContent(ctx, where);
  const find = (page: object, orderBy: Record<string, 'desc'>, limit: number) =>
    readContent(ctx, { $and: [where, page] } as FilterQuery<Content>, { orderBy, limit, side: args.side, planEveryTime: args.planEveryTime });

  if (args.order === 'PUBLISHED') {
    return paginate({
      first: args.first,
      after: args.after == null ? null : (decodeCursor(args.after, ['string', 'string']) as [string, string]),
      keyOf: (c) => [(c.publishedAt ?? c.createdAt).toISOString(), String(c.id)] as [string, string],
      fetch: (limit, cursor) => {
        const at = cursor ? new Date(cursor[0]) : null;
        if (at && Number.isNaN(at.getTime())) throw badInput('Not a valid cursor for this connection.', 'after');
        const page = cursor ? { $or: [{ publishedAt: { $lt: at } }, { publishedAt: at, id: { $lt: cursor[1] } }] } : {};
        return find(page, { publishedAt: 'desc', id: 'desc' }, limit);
      },
      count,
      countCap: CONTENT_COUNT_CAP,
    });
  }
  if (args.order === 'CREATED') {
    return paginate({
      first: args.first,
      after: args.after == null ? null : (decodeCursor(args.after, ['string']) as [string]),
      keyOf: (c) => [String(c.id)] as [string],
      fetch: (limit, cursor) => find(cursor ? { id: { $lt: cursor[0] } } : {}, { id: 'desc' }, limit),
      count,
      countCap: CONTENT_COUNT_CAP,
    });
  }
  const { entity, field } = args.order;
  // The same read, with the kind's row joined and ordered by its counter (ties newest first).
  const meta = ctx.em.getMetadata().get(entity as EntityName<S>);
  const counter = `${SIDE_ALIAS}.${(meta.properties as Record<string, { fieldNames: string[] }>)[field]!.fieldNames[0]!}`;
  const counted = new Map<string, number>();
  const side: SideRow<object> = {
    entity: entity as EntityClass<object>,
    prime: (_ctx, id, row) => counted.set(id, Number((row as Record<string, unknown> | null)?.[field] ?? 0)),
  };
  return paginate({
    first: args.first,
    after: args.after == null ? null : (decodeCursor(args.after, ['number', 'string']) as [number, string]),
    keyOf: (c) => [counted.get(String(c.id)) ?? 0, String(c.id)] as [number, string],
    fetch: (limit, cursor) => {
      const page = cursor ? { [raw((c: string) => `(${counter} < ? or (${counter} = ? and ${c}.id < ?))`, [cursor[0], cursor[0], cursor[1]])]: [] } : {};
      return readContent(ctx, { $and: [where, page] } as FilterQuery<Content>, { orderBy: [{ [raw(counter)]: 'desc' }, { id: 'desc' }], limit, side, planEveryTime: args.planEveryTime });
    },
    count,
    countCap: CONTENT_COUNT_CAP,
  });
}
