/**
 * One keyset-paged, authorised list of content for every kind's connection: the order's key plus
 * the id, descending, so a page is one indexed range scan whatever the page number.
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../../core/graphql/context.js';
import { badInput } from '../../core/graphql/errors.js';
import { decodeCursor, paginate, type Connection } from '../../core/graphql/relay.js';
import { Content } from './content.entity.js';
import { countReadableContent, findReadableContent } from './content.loaders.js';

/** PUBLISHED: newest publication first; CREATED: newest first (drafts, the workspace); the counters: highest first. */
export type ContentOrder = 'PUBLISHED' | 'CREATED' | 'MOST_LIKED' | 'MOST_ADOPTED' | 'MOST_DOWNLOADED';

const COUNTER = { MOST_LIKED: 'likeCount', MOST_ADOPTED: 'adoptionCount', MOST_DOWNLOADED: 'downloadCount' } as const;

export function listContent(ctx: Context, where: FilterQuery<Content>, args: { first: number; after: string | null; order: ContentOrder }): Promise<Connection<Content>> {
  const count = () => countReadableContent(ctx, where);
  const find = (page: object, orderBy: Record<string, 'desc'>, limit: number) =>
    findReadableContent(ctx, { $and: [where, page] } as FilterQuery<Content>, { orderBy, limit });

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
    });
  }
  if (args.order === 'CREATED') {
    return paginate({
      first: args.first,
      after: args.after == null ? null : (decodeCursor(args.after, ['string']) as [string]),
      keyOf: (c) => [String(c.id)] as [string],
      fetch: (limit, cursor) => find(cursor ? { id: { $lt: cursor[0] } } : {}, { id: 'desc' }, limit),
      count,
    });
  }
  const field = COUNTER[args.order];
  return paginate({
    first: args.first,
    after: args.after == null ? null : (decodeCursor(args.after, ['number', 'string']) as [number, string]),
    keyOf: (c) => [c[field], String(c.id)] as [number, string],
    fetch: (limit, cursor) => {
      const page = cursor ? { $or: [{ [field]: { $lt: cursor[0] } }, { [field]: cursor[0], id: { $lt: cursor[1] } }] } : {};
      return find(page, { [field]: 'desc', id: 'desc' }, limit);
    },
    count,
  });
}
