/** Authorised reads of content: by id, pages of a feed, search. */
import type { FilterQuery, RawQueryFragment } from '@mikro-orm/core';
import { raw } from '@mikro-orm/core';
import { findAuthorised } from '../../core/authz/queries.js';
import { authorised } from '../../core/authz/sql-filter.js';
import { runCompiled } from '../../core/db/compiled-query.js';
import { PLAN_EVERY_TIME } from '../../core/db/prepared-reads.js';
import type { Context } from '../../core/graphql/context.js';
import { notFound } from '../../core/graphql/errors.js';
import { expectGlobalId } from '../../core/graphql/relay.js';
import { byKey, defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { User } from '../identity/user.entity.js';
import { Content, ContentRevision } from './content.entity.js';
import type { ContentKind } from './content-enums.js';
import { searchQuery } from './search-tokens.js';
import { readContent, type ContentView } from './content-view.js';

/** Items one at a time (an article page, a node, an event's item): with the body and the by-line. */
export const contentById = defineLoader<string, ContentView | null>(async (ctx, ids) =>
  byKey(ids, await readContent(ctx, { id: { $in: [...ids] } }, { text: ['bodyHtml'], byline: true, ownerParent: true }), (c) => c.id),
);

/** An item of `kind` the caller may read, or null: items of other kinds never pass as this one. */
export async function readableOfKind(ctx: Context, id: number | string, kind: ContentKind): Promise<ContentView | null> {
  const content = await contentById(ctx).load(String(id));
  return content?.kind === kind ? content : null;
}

/** The local id behind a global id of `typeName`, if the caller may read that item; NOT_FOUND otherwise. */
export async function expectReadable(ctx: Context, globalId: string, typeName: string, kind: ContentKind, what: string): Promise<string> {
  const local = expectGlobalId(globalId, typeName);
  if (!(await readableOfKind(ctx, local, kind))) throw notFound(`${what} does not exist.`);
  return String(local);
}

/**
 * Counting stops at this many: a total beyond it costs a scan that grows with the data (issue #19),
 * and nobody pages through more. Connections say when a count stopped (`totalCountCapped`).
 */
export const CONTENT_COUNT_CAP = 10_000;

/** How many items matching `where` the caller may read, up to `CONTENT_COUNT_CAP`. */
export async function countReadableContent(ctx: Context, where: FilterQuery<Content>): Promise<number> {
  const filter = authorised(ctx.ability, 'Content', where);
  if (!filter) return 0;
  const [row] = await runCompiled<{ n: number }>(ctx.em, { name: 'content.count', values: filter }, (filter) => {
    const matches = ctx.em.createQueryBuilder(Content, 'c').select(raw('1')).where(filter as never).limit(CONTENT_COUNT_CAP);
    // Planned for its values: its generic plan runs the audience conditions on every row with
    // parameters, ~30 % slower over 10,000 rows than the plan for the values (prepared-reads.ts).
    return ctx.em.createQueryBuilder(matches, 'matches').select(raw('count(*)::int as n')).comment(PLAN_EVERY_TIME) as never;
  });
  return row?.n ?? 0;
}

/** Whoever may read an item may see its author's name (a by-line), whatever else they may see. */
export const authorById = defineLoader<number, User | null>(async (ctx, ids) => byKey(ids, await ctx.em.find(User, { id: { $in: [...ids] } }), (u) => u.id));

/** Bodies are loaded lazily: lists do not pay for them unless asked. */
export const bodyOf = defineLoader<string, { bodyHtml: string; bodyText: string } | null>(async (ctx, ids) => {
  const rows = await ctx.em.find(Content, { id: { $in: [...ids] } }, { fields: ['id', 'bodyHtml', 'bodyText'] });
  return byKey(ids, rows, (c) => String(c.id)).map((c) => (c ? { bodyHtml: c.bodyHtml, bodyText: c.bodyText } : null));
});

/** An item's revisions, newest first, for those who may see its history. */
export interface RevisionView {
  id: string;
  version: number;
  title: string;
  summary: string;
  bodyHtml: string;
  tags: string[];
  createdAt: Date;
  editorName: string | null;
}

export const revisionsOf = defineLoader<string, RevisionView[]>(async (ctx, ids) => {
  const allowed = await findAuthorised(ctx, Content, 'Content', { id: { $in: [...ids] } }, {}, 'readHistory');
  const rows = allowed.length ? await ctx.em.find(ContentRevision, { content: { $in: allowed.map((c) => c.id) } }, { orderBy: { version: 'desc' }, populate: ['editor'] }) : [];
  // Whoever may see an item's history may see who made each version.
  const views = rows.map((r) => ({
    contentId: String(r.content.id),
    view: { id: String(r.id), version: r.version, title: r.title, summary: r.summary, bodyHtml: r.bodyHtml, tags: r.tags, createdAt: r.createdAt, editorName: r.editor?.getEntity().displayName ?? null },
  }));
  return groupByKey(ids, views, (r) => r.contentId).map((list) => list.map((r) => r.view));
});

/**
 * Full-text search over title, summary and body (bigram phrases, see search-tokens.ts), ranked,
 * inside the caller's read filter. Paged by offset: rank order is not a stable key.
 * Returns null when the query has nothing searchable in it.
 */
export function searchWhere(query: string, kinds: ContentKind[]): { where: FilterQuery<Content>; score: RawQueryFragment } | null {
  const tsquery = searchQuery(query);
  if (!tsquery) return null;
  // PostgreSQL plans a full-text match well only when it sees the terms: a search's statement is
  // planned for its values every time (readRankedContent) — a prepared statement's generic plan
  // ran searches twice as slowly.
  return {
    // `[]`: the match stands alone in SQL (not `… = true`).
    where: { kind: { $in: kinds }, [raw(`search_vector @@ to_tsquery('simple', ?)`, [tsquery])]: [] } as FilterQuery<Content>,
    score: raw(`ts_rank_cd(search_vector, to_tsquery('simple', ?))`, [tsquery]),
  };
}
