/** What every content kind's list filter shares, as one filter builder. */
import type { Context } from '../../core/graphql/context.js';
import { badInput } from '../../core/graphql/errors.js';
import { expectGlobalId } from '../../core/graphql/relay.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { plannedPerSubtree } from '../organizations/subtree-plans.js';
import { ContentStatus, type ContentKind } from './content-enums.js';

export interface CommonContentFilter {
  organizationId?: string | null;
  includeSubtree?: boolean | null;
  status?: ContentStatus | null;
  tags?: string[] | null;
  publishedSince?: Date | null;
  publishedUntil?: Date | null;
}

/** A list's filter, and whether its statements are planned for their values (organizations/subtree-plans.ts). */
export interface ContentWhere {
  where: Record<string, unknown>;
  planEveryTime: boolean;
}

/**
 * Kind, status (published unless asked otherwise), owner organisation (its subtree unless
 * `includeSubtree` is false; an unknown one matches nothing), any of the tags, publication window.
 * The caller's read rules are added by the authorised find, not here.
 */
export async function commonContentWhere(ctx: Context, kind: ContentKind, filter: CommonContentFilter | null): Promise<ContentWhere> {
  const where: Record<string, unknown> = { kind, status: filter?.status ?? ContentStatus.PUBLISHED };
  let planEveryTime = false;
  if (filter?.organizationId) {
    const org = await organizationById(ctx).load(expectGlobalId(filter.organizationId, 'Organization', 'organizationId'));
    const subtree = !!org && filter.includeSubtree !== false;
    where.organization = !org ? 0 : subtree ? { path: { $like: `${org.path}%` } } : org.id;
    planEveryTime = subtree && plannedPerSubtree(org);
  }
  if (filter?.tags?.length) where.tags = { $overlap: filter.tags.slice(0, 10) };
  if (filter?.publishedSince && filter.publishedUntil && filter.publishedUntil < filter.publishedSince) {
    throw badInput('`publishedUntil` must not be before `publishedSince`.', 'publishedUntil');
  }
  if (filter?.publishedSince || filter?.publishedUntil) {
    where.publishedAt = { ...(filter.publishedSince ? { $gte: filter.publishedSince } : {}), ...(filter.publishedUntil ? { $lt: filter.publishedUntil } : {}) };
  }
  return { where, planEveryTime };
}
