/** Batched, authorised reads of organisations: one SQL statement per batch, whatever the page size. */
import type { FilterQuery } from '@mikro-orm/core';
import { authorised } from '../../core/authz/sql-filter.js';
import type { Context } from '../../core/graphql/context.js';
import { byKey, defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { Organization } from './organization.entity.js';

/** The organisations the caller may read, matching `where`; empty when the caller may read none. */
export async function findReadableOrganizations(
  ctx: Context,
  where: FilterQuery<Organization>,
  options: { orderBy?: Record<string, 'asc' | 'desc'>; limit?: number } = {},
): Promise<Organization[]> {
  const filter = authorised(ctx.ability, 'Organization', where);
  if (!filter) return [];
  return ctx.em.find(Organization, filter, { orderBy: options.orderBy ?? { id: 'asc' }, limit: options.limit });
}

export async function countReadableOrganizations(ctx: Context, where: FilterQuery<Organization>): Promise<number> {
  const filter = authorised(ctx.ability, 'Organization', where);
  return filter ? ctx.em.count(Organization, filter) : 0;
}

export const organizationById = defineLoader<number, Organization | null>(async (ctx, ids) =>
  byKey(ids, await findReadableOrganizations(ctx, { id: { $in: [...ids] } }), (o) => o.id),
);

export const childrenOf = defineLoader<number, Organization[]>(async (ctx, parentIds) =>
  groupByKey(
    parentIds,
    await findReadableOrganizations(ctx, { parent: { $in: [...parentIds] } }, { orderBy: { sortOrder: 'asc', id: 'asc' } }),
    (o) => o.parent!.id,
  ),
);

export const rootsOfEnterprise = defineLoader<number, Organization[]>(async (ctx, enterpriseIds) =>
  groupByKey(
    enterpriseIds,
    await findReadableOrganizations(ctx, { enterprise: { $in: [...enterpriseIds] }, parent: null }, { orderBy: { sortOrder: 'asc', id: 'asc' } }),
    (o) => o.enterprise.id,
  ),
);
