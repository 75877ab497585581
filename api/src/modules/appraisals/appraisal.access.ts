/**
 * Who reads a round of 民主评议, in SQL: readers of the branch's organisational life (its admins
 * and reviewers, and those above), and the members appraised in it. Never public, never another
 * enterprise.
 */
import { raw, type FilterQuery } from '@mikro-orm/core';
import type { Actor } from '../../core/authz/check.js';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import { byKey, defineLoader } from '../../core/graphql/loaders.js';
import type { Organization } from '../organizations/organization.entity.js';
import { AppraisalRound } from './appraisal.entity.js';

export function roundReadFilter(actor: Actor): FilterQuery<AppraisalRound> | null {
  const orgs = accessibleWhere<Organization>(actor.ability, 'readOrganizationalLife', 'Organization');
  if (isUnrestricted(orgs)) return {};
  const parts: FilterQuery<AppraisalRound>[] = [];
  if (orgs !== null) parts.push({ organization: orgs } as FilterQuery<AppraisalRound>);
  if (actor.viewer.kind === 'user') {
    parts.push({
      [raw((a: string) => `exists (select 1 from appraisal_subject s join member m on m.id = s.member_id where s.round_id = ${a}.id and m.user_id = ?)`, [actor.viewer.userId])]: true,
    } as FilterQuery<AppraisalRound>);
  }
  return parts.length === 0 ? null : { $or: parts };
}

export const roundById = defineLoader<number, AppraisalRound | null>(async (ctx, ids) => {
  const access = roundReadFilter(ctx);
  return access ? byKey(ids, await ctx.em.find(AppraisalRound, { $and: [{ id: { $in: [...ids] } }, access] }), (r) => r.id) : ids.map(() => null);
});
