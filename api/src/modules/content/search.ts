/** One search, for every kind's search query: ranked, paged by offset, with highlighted snippets. */
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../../core/graphql/context.js';
import { badInput } from '../../core/graphql/errors.js';
import { checkFirst, decodeCursor, encodeCursor, type PageInfo } from '../../core/graphql/relay.js';
import type { Content } from './content.entity.js';
import { ContentStatus, type ContentKind } from './content-enums.js';
import { CONTENT_COUNT_CAP, countReadableContent, searchWhere } from './content.loaders.js';
import { readRankedContent, type ContentView } from './content-view.js';
import { snippet } from './snippet.js';

const MAX_OFFSET = 1000;

export interface SearchPage {
  edges: { cursor: string; node: ContentView; snippet: string }[];
  totalCount: number;
  totalCountCapped: boolean;
  pageInfo: PageInfo;
  /** Kept for clients of before `pageInfo` (deprecated in the schema). */
  hasNextPage: boolean;
}

const pageOf = (edges: SearchPage['edges'], totalCount: number, hasNextPage: boolean, offset: number): SearchPage => ({
  edges,
  totalCount,
  totalCountCapped: totalCount >= CONTENT_COUNT_CAP,
  hasNextPage,
  pageInfo: { hasNextPage, hasPreviousPage: offset > 0, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
});

export async function runSearch(ctx: Context, args: { query: string; first: number; after: string | null; kinds: ContentKind[] }): Promise<SearchPage> {
  checkFirst(args.first);
  if (args.query.length > 100) throw badInput('A search is at most 100 characters.', 'query');
  const offset = args.after == null ? 0 : (decodeCursor(args.after, ['number'])[0] as number) + 1;
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) throw badInput('Not a valid cursor for this search.', 'after');
  const search = searchWhere(args.query, args.kinds);
  if (!search) return pageOf([], 0, false, offset);
  const where = { $and: [search.where, { status: ContentStatus.PUBLISHED }] } as FilterQuery<Content>;
  // Finding and scoring thousands of matches is the work: done once for the page and the count.
  // Owners, if asked for, are read for the page alone by their loader.
  const ranked = await readRankedContent(ctx, where, search.score, { limit: args.first + 1, offset, text: ['bodyText'], ownersByLoader: true });
  const total = Math.min(ranked.total ?? (await countReadableContent(ctx, where)), CONTENT_COUNT_CAP);
  const rows = ranked.rows;
  const page = rows.slice(0, args.first);
  const edges = page.map((node, i) => {
    const text = [node.title, node.summary, node.bodyText ?? ''].join('\n');
    return { cursor: encodeCursor([offset + i]), node, snippet: snippet(text, args.query) };
  });
  return pageOf(edges, total, rows.length > args.first, offset);
}
