import type { FilterQuery } from '@mikro-orm/core';
import { findAuthorised } from '../../core/authz/queries.js';
import type { Context } from '../../core/graphql/context.js';
import { byKey, defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { Portal, PortalHost } from './portal.entity.js';

export const findReadablePortals = (ctx: Context, where: FilterQuery<Portal>) => findAuthorised(ctx, Portal, 'Portal', where);

export const portalById = defineLoader<number, Portal | null>(async (ctx, ids) =>
  byKey(ids, await findReadablePortals(ctx, { id: { $in: [...ids] } }), (p) => p.id),
);

export const portalOfOrganization = defineLoader<number, Portal | null>(async (ctx, orgIds) =>
  byKey(orgIds, await findReadablePortals(ctx, { organization: { $in: [...orgIds] } }), (p) => p.organization.id),
);

export const portalsOfEnterprise = defineLoader<number, Portal[]>(async (ctx, enterpriseIds) =>
  groupByKey(enterpriseIds, await findReadablePortals(ctx, { enterprise: { $in: [...enterpriseIds] } }), (p) => p.enterprise.id),
);

/** Host names of portals the caller has already been allowed to see (the parent was authorised). */
export const hostsOfPortal = defineLoader<number, string[]>(async (ctx, portalIds) => {
  const rows = await ctx.em.find(PortalHost, { portal: { $in: [...portalIds] } }, { orderBy: { host: 'asc' } });
  return groupByKey(portalIds, rows, (h) => h.portal.id).map((hosts) => hosts.map((h) => h.host));
});
