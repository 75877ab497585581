/**
 * The one read path of content for GraphQL (issue #19): an authorised query-builder statement whose
 * rows become plain `ContentView`s, not entities — no hydration, no identity map — and which brings
 * along, in the same statement, what the page shows with them: the owner organisation (if the
 * caller may read it) and, for a kind that asks, the kind's own row (handed to the kind's loader),
 * as plain objects too, so the field resolvers that ask for them find them without SQL.
 *
 * Entities (what a mutation's payload returns) have the same shape, so field resolvers take either.
 */
import { raw, sql, type EntityClass, type EntityMetadata, type EntityProperty, type FilterQuery, type RawQueryFragment } from '@mikro-orm/core';
import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import { accessibleWhere, authorised } from '../../core/authz/sql-filter.js';
import { runCompiled } from '../../core/db/compiled-query.js';
import { PLAN_EVERY_TIME } from '../../core/db/prepared-reads.js';
import { plainRow, storedProperties } from '../../core/db/plain-row.js';
import type { ListOptions } from '../../core/authz/queries.js';
import type { Context } from '../../core/graphql/context.js';
import { Organization } from '../organizations/organization.entity.js';
import { organizationById, OrganizationRow } from '../organizations/organization.loaders.js';
import { Content } from './content.entity.js';
import type { ContentKind, ContentStatus, Visibility } from './content-enums.js';

/** The shape GraphQL reads; the `Content` entity has it too. */
export interface ContentView {
  id: string;
  kind: ContentKind;
  enterprise: { id: number };
  organization: { id: number };
  author: { id: number } | null;
  cover: { id: string } | null;
  title: string;
  summary: string;
  tags: string[];
  status: ContentStatus;
  visibility: Visibility;
  rejectionReason: string | null;
  publishedAt: Date | null;
  pinnedAt: Date | null;
  viewCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** Read with the item when asked for (`text`); otherwise loaded when a field wants it. */
  bodyHtml?: string;
  bodyText?: string;
  /** The author's display name, read with the item when asked for (`byline`). */
  byline?: string | null;
  /**
   * The owner organisation as read with the item: null when the caller may not read it, undefined
   * when not read with it (an entity). A plain copy (see core/db/plain-row.ts), read-only.
   */
  owner?: Organization | null;
}

/** A view read by `readContent`: a class, so that `node` and unions can tell what it is. */
export class ContentRow {}
// Declaration merging: a ContentRow has every field of the view (assigned in `toView`).
export interface ContentRow extends ContentView {}

/** A kind's own table (keyed by its content), read in the same statement and given to its loader as plain rows. */
export interface SideRow<S extends object> {
  entity: EntityClass<S>;
  prime: (ctx: Context, contentId: string, row: S | null) => void;
}

export interface ContentRead extends ListOptions {
  /** The texts to read with the items: an article page wants `bodyHtml`, a search's snippets `bodyText`. */
  text?: ('bodyHtml' | 'bodyText')[];
  /** The author's display name with the items (whoever may read an item may see its by-line). */
  byline?: boolean;
  /**
   * The owner's parent too (an article page's breadcrumb), under the same read rule, handed to the
   * organisation loader with the owner: the page asks for it next, and gets it without SQL.
   */
  ownerParent?: boolean;
  side?: SideRow<object>;
  /** Planned for its values every time, never a prepared statement's generic plan (a search: see prepared-reads.ts). */
  planEveryTime?: boolean;
  /**
   * The owners not joined: a search ranks thousands of matches for a page of ten, and the join
   * would be made for every match (a third more of its time). Left undefined on the items, the
   * owners are read by the organisation loader for the page, if a field asks.
   */
  ownersByLoader?: boolean;
}

const OWNER = 'owner';
const OWNER_PARENT = 'owner_parent';
/** The alias of a kind's joined row, for orders and conditions on it (list.ts's counters). */
export const SIDE_ALIAS = 'side';

const columnsOf = (meta: EntityMetadata) => storedProperties(meta).map((p) => p.fieldNames[0]!);

/** `alias.column as alias__column` for each column, so joined tables' names never collide. */
const prefixed = (alias: string, columns: string[]) => columns.map((c) => raw(`"${alias}"."${c}" as "${alias}__${c}"`));

/** The prefixed columns of `alias` in a row, unprefixed; null when the left join found nothing. */
function joined(row: Record<string, unknown>, alias: string, columns: string[], key: string): Record<string, unknown> | null {
  if (row[`${alias}__${key}`] == null) return null;
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c] = row[`${alias}__${c}`];
  return out;
}

const TEXT_COLUMNS = { bodyHtml: 'c.body_html', bodyText: 'c.body_text' } as const;

/** A row's item: its stored columns as a plain copy (as an owner's are), with what else was asked for. */
function toView(em: EntityManager, meta: EntityMetadata, row: Record<string, any>, options: ContentRead): ContentRow {
  const view = plainRow<ContentRow>(em, meta, row, new ContentRow());
  if (options.text?.includes('bodyHtml')) view.bodyHtml = row.body_html;
  if (options.text?.includes('bodyText')) view.bodyText = row.body_text;
  if (options.byline) view.byline = row.byline ?? null;
  return view;
}

/** The items matching `where` that the caller may `read`, in one statement. */
export async function readContent(ctx: Context, where: FilterQuery<Content>, options: ContentRead = {}): Promise<ContentRow[]> {
  const filter = authorised(ctx.ability, 'Content', where);
  if (!filter) return [];
  const parts = partsOf(ctx, options);
  // Built once per shape of the filters (core/db/compiled-query.ts); the options are part of it.
  const constants = { ...parts.shape, orderBy: options.orderBy ?? { id: 'asc' }, limit: options.limit, offset: options.offset, planEveryTime: options.planEveryTime };
  const rows = await runCompiled<Record<string, unknown>>(ctx.em, { name: 'content.read', values: { filter, owners: parts.owners }, constants }, (values) => {
    const { filter, owners } = values as { filter: FilterQuery<Content>; owners: FilterQuery<Organization> | null };
    const qb = selectParts(ctx.em.createQueryBuilder(Content, 'c'), parts, options, owners).where(filter as never).orderBy(constants.orderBy as never);
    if (options.limit !== undefined) qb.limit(options.limit);
    if (options.offset) qb.offset(options.offset);
    if (options.planEveryTime) qb.comment(PLAN_EVERY_TIME);
    return qb as never;
  });
  return toViews(ctx, parts, rows, options);
}

/** A read by score (a search's): a page of the best, and how many match in all. */
export interface RankedRead extends Omit<ContentRead, 'orderBy' | 'limit' | 'offset' | 'planEveryTime'> {
  limit: number;
  offset: number;
}

/**
 * The items matching `where` that the caller may `read`, best `score` first (then the newest id),
 * with the number of all of them — in one statement: the matches are found and scored once, their
 * ids and scores kept (a CTE), then counted and paged, and only the page's rows are read whole. A
 * list and a count are two statements that each find the matches (issue #19: finding them — the
 * full-text recheck of every candidate row — is a fifth of a search's time, scoring the rest).
 * Always planned for its values (a search's terms decide its plan). The total is null for a page
 * past the last match (no row to carry it): the caller counts, a statement of its own.
 */
export async function readRankedContent(ctx: Context, where: FilterQuery<Content>, score: RawQueryFragment, options: RankedRead): Promise<{ rows: ContentRow[]; total: number | null }> {
  const filter = authorised(ctx.ability, 'Content', where);
  if (!filter) return { rows: [], total: 0 };
  const parts = partsOf(ctx, options);
  const constants = { ...parts.shape, score: score.sql, limit: options.limit, offset: options.offset };
  const rows = await runCompiled<Record<string, unknown>>(ctx.em, { name: 'content.ranked', values: { filter, owners: parts.owners, scoreParams: score.params ?? [] }, constants }, (values) => {
    const { filter, owners, scoreParams } = values as { filter: FilterQuery<Content>; owners: FilterQuery<Organization> | null; scoreParams: unknown[] };
    const matches = ctx.em
      .createQueryBuilder(Content, 'c')
      .select([raw('c.id'), raw(`${score.sql as string} as score`, scoreParams)])
      .where(filter as never);
    // limit and offset are the caller's checked integers, part of the statement's shape.
    const page = raw(`(select id, score from matches order by score desc, id desc limit ${Math.trunc(options.limit)} offset ${Math.trunc(options.offset)})`);
    const qb = selectParts(ctx.em.createQueryBuilder(Content, 'c'), parts, options, owners)
      .with('matches', matches)
      .join(page, 'page', { 'page.id': sql.ref('c.id') })
      .addSelect(raw('(select count(*) from matches)::int as total_count') as never)
      .orderBy([{ [raw('page.score')]: 'desc' }, { [raw('page.id')]: 'desc' }] as never)
      .comment(PLAN_EVERY_TIME);
    return qb as never;
  });
  // No row of the page to carry the count: none at all, or a page past the end (null: the caller counts).
  const total = rows.length ? Number(rows[0]!.total_count) : options.offset === 0 ? 0 : null;
  return { rows: toViews(ctx, parts, rows, options), total };
}

/** What a read's statement brings along besides the items, by its options. */
interface Parts {
  contentMeta: EntityMetadata;
  /** The read rule for owners; undefined when they are not joined, null when the caller may read none. */
  owners: FilterQuery<Organization> | null | undefined;
  ownerColumns: string[];
  side: EntityMetadata | undefined;
  sideColumns: string[];
  sideKey: string | undefined;
  /** The options that shape the statement's text, for its compiled-query key. */
  shape: Pick<ContentRead, 'text' | 'byline' | 'ownerParent' | 'ownersByLoader'> & { side: string | undefined };
}

function partsOf(ctx: Context, options: ContentRead): Parts {
  const meta = ctx.em.getMetadata();
  const side = options.side && meta.get(options.side.entity);
  return {
    contentMeta: meta.get(Content),
    // The owner, only if the caller may read it: the same rule the organisation loader applies.
    owners: options.ownersByLoader ? undefined : accessibleWhere<Organization>(ctx.ability, 'read', 'Organization'),
    ownerColumns: columnsOf(meta.get(Organization)),
    side,
    sideColumns: side ? columnsOf(side) : [],
    sideKey: side && (side.properties as Record<string, EntityProperty>)[side.primaryKeys[0]!]!.fieldNames[0]!,
    shape: { text: options.text, byline: options.byline, ownerParent: options.ownerParent, ownersByLoader: options.ownersByLoader, side: side?.className },
  };
}

/** The item's columns, and the joins and columns of what comes along with it. */
function selectParts(qb: QueryBuilder<Content, 'c'>, parts: Parts, options: ContentRead, owners: FilterQuery<Organization> | null | undefined): QueryBuilder<Content, 'c'> {
  qb.select([...columnsOf(parts.contentMeta).map((c) => `c.${c}`), ...(options.text ?? []).map((t) => TEXT_COLUMNS[t])].map((c) => raw(c)));
  if (owners) {
    // The read rule in the join's condition, not a sub-query: the ORM writes a sub-query's
    // values into its SQL, which would make every caller's statement a text of its own.
    qb.leftJoin('c.organization', OWNER, owners as never);
    qb.addSelect(prefixed(OWNER, parts.ownerColumns) as never);
    if (options.ownerParent) {
      qb.leftJoin(`${OWNER}.parent` as never, OWNER_PARENT, owners as never);
      qb.addSelect(prefixed(OWNER_PARENT, parts.ownerColumns) as never);
    }
  }
  if (options.byline) {
    qb.leftJoin(sql.ref('app_user'), 'byline_user', { 'byline_user.id': sql.ref('c.author_id') });
    qb.addSelect(raw('"byline_user"."display_name" as "byline"') as never);
  }
  if (parts.side) {
    qb.leftJoin(sql.ref(parts.side.tableName), SIDE_ALIAS, { [`${SIDE_ALIAS}.${parts.sideKey}`]: sql.ref('c.id') });
    qb.addSelect(prefixed(SIDE_ALIAS, parts.sideColumns) as never);
  }
  return qb;
}

/** The rows as views, owners (one copy per organisation) and kinds' rows handed to their loaders. */
function toViews(ctx: Context, parts: Parts, rows: Record<string, unknown>[], options: ContentRead): ContentRow[] {
  const em = ctx.em;
  const { owners, side } = parts;
  const views = rows.map((row) => toView(em, parts.contentMeta, row, options));
  const orgMeta = em.getMetadata().get(Organization);
  const ownerCopies = new Map<number, Organization | null>();
  rows.forEach((row, i) => {
    const view = views[i]!;
    if (owners) {
      let owner = ownerCopies.get(view.organization.id);
      if (owner === undefined) {
        const columns = joined(row, OWNER, parts.ownerColumns, 'id');
        owner = columns && plainRow<Organization>(em, orgMeta, columns, new OrganizationRow());
        ownerCopies.set(view.organization.id, owner);
        if (options.ownerParent) {
          const organizations = organizationById(ctx);
          organizations.prime(view.organization.id, owner);
          const parentId = owner?.parent?.id;
          const parent = parentId && joined(row, OWNER_PARENT, parts.ownerColumns, 'id');
          if (parentId) organizations.prime(parentId, parent ? plainRow<Organization>(em, orgMeta, parent, new OrganizationRow()) : null);
        }
      }
      view.owner = owner;
    } else if (!options.ownersByLoader) view.owner = null; // the caller may read no organisation
    if (side) {
      const own = joined(row, SIDE_ALIAS, parts.sideColumns, parts.sideKey!);
      options.side!.prime(ctx, view.id, own && plainRow<object>(em, side, own));
    }
  });
  return views;
}

/** What a content kind's node values are instances of: entities (mutation payloads) and views. */
export const CONTENT_CLASSES = [Content, ContentRow];
