/**
 * Who reads a registration, in SQL: the home side (readers of the member's branch records), the
 * host once the 活动证 is issued (readers of the host organisation's records — another enterprise
 * too), and the member.
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { Actor } from '../../core/authz/check.js';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import { byKey, defineLoader } from '../../core/graphql/loaders.js';
import type { Organization } from '../organizations/organization.entity.js';
import { MobileRegistration, MobileStatus } from './mobility.entity.js';

export const VISIBLE_TO_HOST = [MobileStatus.APPROVED, MobileStatus.AT_HOST, MobileStatus.RETURNED];

export function mobileReadFilter(actor: Actor): FilterQuery<MobileRegistration> | null {
  const orgs = accessibleWhere<Organization>(actor.ability, 'readMemberRecords', 'Organization');
  if (isUnrestricted(orgs)) return {};
  const parts: FilterQuery<MobileRegistration>[] = [];
  if (orgs !== null) {
    parts.push({ homeOrganization: orgs } as FilterQuery<MobileRegistration>);
    parts.push({ hostOrganization: orgs, status: { $in: VISIBLE_TO_HOST } } as FilterQuery<MobileRegistration>);
  }
  if (actor.viewer.kind === 'user') parts.push({ member: { user: actor.viewer.userId } });
  return parts.length === 0 ? null : { $or: parts };
}

export const registrationById = defineLoader<number, MobileRegistration | null>(async (ctx, ids) => {
  const access = mobileReadFilter(ctx);
  return access ? byKey(ids, await ctx.em.find(MobileRegistration, { $and: [{ id: { $in: [...ids] } }, access] }), (r) => r.id) : ids.map(() => null);
});
