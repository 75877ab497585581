import type { FilterQuery } from '@mikro-orm/core';
import { authorised } from '../../core/authz/sql-filter.js';
import type { Context } from '../../core/graphql/context.js';
import { byKey, defineLoader } from '../../core/graphql/loaders.js';
import { Enterprise } from './enterprise.entity.js';

export async function findReadableEnterprises(
  ctx: Context,
  where: FilterQuery<Enterprise>,
  options: { orderBy?: Record<string, 'asc' | 'desc'>; limit?: number } = {},
): Promise<Enterprise[]> {
  const filter = authorised(ctx.ability, 'Enterprise', where);
  if (!filter) return [];
  return ctx.em.find(Enterprise, filter, { orderBy: options.orderBy ?? { id: 'asc' }, limit: options.limit });
}

export async function countReadableEnterprises(ctx: Context, where: FilterQuery<Enterprise>): Promise<number> {
  const filter = authorised(ctx.ability, 'Enterprise', where);
  return filter ? ctx.em.count(Enterprise, filter) : 0;
}

export const enterpriseById = defineLoader<number, Enterprise | null>(async (ctx, ids) =>
  byKey(ids, await findReadableEnterprises(ctx, { id: { $in: [...ids] } }), (e) => e.id),
);
