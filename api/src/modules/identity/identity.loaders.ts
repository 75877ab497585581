/**
 * Who may see whom. A membership is visible to its own user and to whoever may read the members
 * of its organisation; a user is visible to themself and to whoever may see one of their
 * memberships. Both are SQL filters, so lists, counts and `node(id:)` agree.
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../core/authz/check.js';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import type { Context } from '../../core/graphql/context.js';
import { byKey, defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import type { Organization } from '../organizations/organization.entity.js';
import { ApiClient } from './api-client.entity.js';
import { Membership } from './membership.entity.js';
import { User } from './user.entity.js';

const myId = (actor: Actor) => (actor.viewer.kind === 'user' ? actor.viewer.userId : null);

export function membershipReadFilter(actor: Actor): FilterQuery<Membership> | null {
  const orgs = accessibleWhere<Organization>(actor.ability, 'readMembers', 'Organization');
  if (isUnrestricted(orgs)) return {};
  const me = myId(actor);
  const parts: FilterQuery<Membership>[] = [];
  if (me !== null) parts.push({ user: me });
  if (orgs !== null) parts.push({ organization: orgs } as FilterQuery<Membership>);
  return parts.length === 0 ? null : parts.length === 1 ? parts[0]! : { $or: parts };
}

export function userReadFilter(actor: Actor): FilterQuery<User> | null {
  const orgs = accessibleWhere<Organization>(actor.ability, 'readMembers', 'Organization');
  if (isUnrestricted(orgs)) return {};
  const me = myId(actor);
  const parts: FilterQuery<User>[] = [];
  if (me !== null) parts.push({ id: me });
  if (orgs !== null) parts.push({ memberships: { organization: orgs } } as FilterQuery<User>);
  return parts.length === 0 ? null : parts.length === 1 ? parts[0]! : { $or: parts };
}

/** One message for "no such account" and "an account you may not see": they must not differ. */
export const NO_SUCH_USER = 'The user does not exist.';

/** A user as far as the caller may see them (themself, or a member of what they may read). */
export async function findReadableUser(em: EntityManager, actor: Actor, userId: number): Promise<User | null> {
  const access = userReadFilter(actor);
  return access ? em.findOne(User, { $and: [{ id: userId }, access] }) : null;
}

export async function findReadableMemberships(ctx: Context, where: FilterQuery<Membership>, options: { limit?: number } = {}): Promise<Membership[]> {
  const access = membershipReadFilter(ctx);
  if (!access) return [];
  return ctx.em.find(Membership, { $and: [where, access] }, { orderBy: { id: 'asc' }, limit: options.limit });
}

export async function countReadableMemberships(ctx: Context, where: FilterQuery<Membership>): Promise<number> {
  const access = membershipReadFilter(ctx);
  return access ? ctx.em.count(Membership, { $and: [where, access] }) : 0;
}

export const userById = defineLoader<number, User | null>(async (ctx, ids) => {
  const access = userReadFilter(ctx);
  if (!access) return ids.map(() => null);
  return byKey(ids, await ctx.em.find(User, { $and: [{ id: { $in: [...ids] } }, access] }), (u) => u.id);
});

export const membershipById = defineLoader<number, Membership | null>(async (ctx, ids) =>
  byKey(ids, await findReadableMemberships(ctx, { id: { $in: [...ids] } }), (m) => m.id),
);

/** A user's memberships at active organisations, as far as the caller may see them. */
export const membershipsOfUser = defineLoader<number, Membership[]>(async (ctx, userIds) =>
  groupByKey(userIds, await findReadableMemberships(ctx, { user: { $in: [...userIds] }, organization: { archivedAt: null } }), (m) => m.user.id),
);

/** API clients are visible to those who manage their enterprise's clients. */
async function findManageableApiClients(ctx: Context, where: FilterQuery<ApiClient>): Promise<ApiClient[]> {
  const access = accessibleWhere(ctx.ability, 'manageApiClients', 'Enterprise');
  if (!access) return [];
  const filter = isUnrestricted(access) ? where : ({ $and: [where, { enterprise: access }] } as FilterQuery<ApiClient>);
  return ctx.em.find(ApiClient, filter, { orderBy: { id: 'asc' } });
}

export const apiClientsOfEnterprise = defineLoader<number, ApiClient[]>(async (ctx, enterpriseIds) =>
  groupByKey(enterpriseIds, await findManageableApiClients(ctx, { enterprise: { $in: [...enterpriseIds] } }), (c) => c.enterprise.id),
);

export const apiClientById = defineLoader<number, ApiClient | null>(async (ctx, ids) =>
  byKey(ids, await findManageableApiClients(ctx, { id: { $in: [...ids] } }), (c) => c.id),
);
