/**
 * Applicants in SQL: read by the admins and reviewers of their branch and above (the same reach
 * as member records — an applicant is on the road into the 党员信息库), personal data whole only
 * for the admins, each whole read audited once per request.
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { Actor } from '../../core/authz/check.js';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import { byKey, defineLoader } from '../../core/graphql/loaders.js';
import type { Organization } from '../organizations/organization.entity.js';
import { Applicant } from './development.entity.js';

function filterFor(actor: Actor, action: 'readMemberRecords' | 'manageMemberRecords'): FilterQuery<Applicant> | null {
  const orgs = accessibleWhere<Organization>(actor.ability, action, 'Organization');
  if (isUnrestricted(orgs)) return {};
  return orgs === null ? null : ({ organization: orgs } as FilterQuery<Applicant>);
}

export const applicantReadFilter = (actor: Actor) => filterFor(actor, 'readMemberRecords');
export const applicantUnmaskFilter = (actor: Actor) => filterFor(actor, 'manageMemberRecords');

export const applicantById = defineLoader<number, Applicant | null>(async (ctx, ids) => {
  const access = applicantReadFilter(ctx);
  return access ? byKey(ids, await ctx.em.find(Applicant, { $and: [{ id: { $in: [...ids] } }, access] }), (a) => a.id) : ids.map(() => null);
});

/** Whether the caller sees an applicant's personal data whole (and records steps). */
export const applicantUnmasked = defineLoader<number, boolean>(async (ctx, ids) => {
  const access = applicantUnmaskFilter(ctx);
  const rows = access ? await ctx.em.find(Applicant, { $and: [{ id: { $in: [...ids] } }, access] }, { fields: ['id'] }) : [];
  const allowed = new Set(rows.map((a) => a.id));
  return ids.map((id) => allowed.has(id));
});

/** One audit row per applicant read whole in a request, in one statement. */
export const auditApplicantUnmasked = defineLoader<number, true>(async (ctx, ids) => {
  await ctx.em.getConnection().execute(
    `insert into audit_event (action, actor_user_id, subject_type, subject_id, organization_id, enterprise_id, ip)
     select 'applicant.unmask', ?, 'Applicant', a.id::text, a.organization_id, a.enterprise_id, ? from applicant a where a.id = any(?::int[])`,
    [ctx.viewer.kind === 'user' ? ctx.viewer.userId : null, ctx.viewer.ip, `{${ids.join(',')}}`],
    'run',
    ctx.em.getTransactionContext(),
  );
  return ids.map(() => true as const);
});
