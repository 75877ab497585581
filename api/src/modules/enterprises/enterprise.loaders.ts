import type { FilterQuery } from '@mikro-orm/core';
import { countAuthorised, findAuthorised, type ListOptions } from '../../core/authz/queries.js';
import type { Context } from '../../core/graphql/context.js';
import { byKey, defineLoader } from '../../core/graphql/loaders.js';
import { Enterprise } from './enterprise.entity.js';

export const findReadableEnterprises = (ctx: Context, where: FilterQuery<Enterprise>, options?: ListOptions) =>
  findAuthorised(ctx, Enterprise, 'Enterprise', where, options);

export const countReadableEnterprises = (ctx: Context, where: FilterQuery<Enterprise>) => countAuthorised(ctx, Enterprise, 'Enterprise', where);

export const enterpriseById = defineLoader<number, Enterprise | null>(async (ctx, ids) =>
  byKey(ids, await findReadableEnterprises(ctx, { id: { $in: [...ids] } }), (e) => e.id),
);
