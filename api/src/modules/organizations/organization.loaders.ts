/** Batched, authorised reads of organisations: one SQL statement per batch, whatever the page size. */
import type { FilterQuery } from '@mikro-orm/core';
import { countAuthorised, findAuthorised, type ListOptions } from '../../core/authz/queries.js';
import type { Context } from '../../core/graphql/context.js';
import { byKey, defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { authorised } from '../../core/authz/sql-filter.js';
import { runCompiled } from '../../core/db/compiled-query.js';
import { plainRow } from '../../core/db/plain-row.js';
import { Organization } from './organization.entity.js';

/** The organisations the caller may read, matching `where`. */
export const findReadableOrganizations = (ctx: Context, where: FilterQuery<Organization>, options?: ListOptions) =>
  findAuthorised(ctx, Organization, 'Organization', where, options);

export const countReadableOrganizations = (ctx: Context, where: FilterQuery<Organization>) => countAuthorised(ctx, Organization, 'Organization', where);

/**
 * An organisation as read for GraphQL: a plain copy of its row (core/db/plain-row.ts), read-only.
 * Every page asks for some (owners, filters, parents): they skip the ORM's hydration.
 */
export class OrganizationRow {}
// Declaration merging: a copy has the entity's properties.
export interface OrganizationRow extends Organization {}

/**
 * How field resolvers take an organisation, an entity or a copy alike. An interface on purpose:
 * for a class-typed `@Root()`, type-graphql copies every root that is not an instance of the class
 * into a new one — here, a new entity per field of every copy.
 */
export interface OrganizationView extends Organization {}

/** What the organisation node's values are instances of. */
export const ORGANIZATION_CLASSES = [Organization, OrganizationRow];

/** The organisations matching `where` that the caller may read, as plain copies, in one statement. */
export async function readOrganizations(ctx: Context, where: FilterQuery<Organization>): Promise<OrganizationRow[]> {
  const filter = authorised(ctx.ability, 'Organization', where);
  if (!filter) return [];
  const rows = await runCompiled<Record<string, unknown>>(ctx.em, { name: 'organizations.read', values: filter }, (filter) =>
    ctx.em.createQueryBuilder(Organization, 'o').select('*').where(filter as never) as never,
  );
  const meta = ctx.em.getMetadata().get(Organization);
  return rows.map((row) => plainRow<OrganizationRow>(ctx.em, meta, row, new OrganizationRow()));
}

export const organizationById = defineLoader<number, Organization | null>(async (ctx, ids) =>
  byKey(ids, await readOrganizations(ctx, { id: { $in: [...ids] } }), (o) => o.id),
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
