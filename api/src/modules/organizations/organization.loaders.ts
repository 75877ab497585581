/** Batched, authorised reads of organisations: one SQL statement per batch, whatever the page size. */
import type { FilterQuery } from '@mikro-orm/core';
import { countAuthorised, findAuthorised, type ListOptions } from '../../core/authz/queries.js';
import type { Context } from '../../core/graphql/context.js';
import { byKey, defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { Organization } from './organization.entity.js';

/** The organisations the caller may read, matching `where`. */
export const findReadableOrganizations = (ctx: Context, where: FilterQuery<Organization>, options?: ListOptions) =>
  findAuthorised(ctx, Organization, 'Organization', where, options);

export const countReadableOrganizations = (ctx: Context, where: FilterQuery<Organization>) => countAuthorised(ctx, Organization, 'Organization', where);

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
