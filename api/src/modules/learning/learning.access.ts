/**
 * Who reads what of online learning, in SQL: an exam — readers of its organisation's learning, and,
 * once published, the members in good standing of the organisations it is open to; an attempt —
 * its member, and readers of its exam's organisation; the bank — those who keep it.
 */
import { raw, type FilterQuery } from '@mikro-orm/core';
import type { Actor } from '../../core/authz/check.js';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import { byKey, defineLoader } from '../../core/graphql/loaders.js';
import type { Organization } from '../organizations/organization.entity.js';
import { Attempt, Exam, Question } from './learning.entity.js';
import { ExamStatus } from './question-types.js';

/** The members (of the caller) eligible for an exam row aliased `a`: SQL for `exists`. */
export const ELIGIBLE = (a: string) =>
  `select 1 from member m join organization o on o.id = m.organization_id
     join organization e on e.id = any(case when cardinality(${a}.eligible) > 0 then ${a}.eligible else array[${a}.organization_id] end)
    where m.user_id = ? and m.status = 'NORMAL' and o.path like e.path || '%'`;

export function examReadFilter(actor: Actor): FilterQuery<Exam> | null {
  const orgs = accessibleWhere<Organization>(actor.ability, 'readLearning', 'Organization');
  if (isUnrestricted(orgs)) return {};
  const parts: FilterQuery<Exam>[] = [];
  if (orgs !== null) parts.push({ organization: orgs } as FilterQuery<Exam>);
  if (actor.viewer.kind === 'user') {
    parts.push({ status: ExamStatus.PUBLISHED, [raw((a: string) => `exists (${ELIGIBLE(a)})`, [actor.viewer.userId])]: true } as FilterQuery<Exam>);
  }
  return parts.length === 0 ? null : { $or: parts };
}

export function attemptReadFilter(actor: Actor): FilterQuery<Attempt> | null {
  const orgs = accessibleWhere<Organization>(actor.ability, 'readLearning', 'Organization');
  if (isUnrestricted(orgs)) return {};
  const parts: FilterQuery<Attempt>[] = [];
  if (orgs !== null) parts.push({ exam: { organization: orgs } } as FilterQuery<Attempt>);
  if (actor.viewer.kind === 'user') parts.push({ member: { user: actor.viewer.userId } } as FilterQuery<Attempt>);
  return parts.length === 0 ? null : { $or: parts };
}

/** The bank: those who keep learning at the question's organisation (its key with it). */
export function questionReadFilter(actor: Actor): FilterQuery<Question> | null {
  const orgs = accessibleWhere<Organization>(actor.ability, 'manageLearning', 'Organization');
  if (orgs === null) return null;
  return isUnrestricted(orgs) ? {} : ({ organization: orgs } as FilterQuery<Question>);
}

export const examById = defineLoader<number, Exam | null>(async (ctx, ids) => {
  const access = examReadFilter(ctx);
  return access ? byKey(ids, await ctx.em.find(Exam, { $and: [{ id: { $in: [...ids] } }, access] }), (e) => e.id) : ids.map(() => null);
});

export const attemptById = defineLoader<number, Attempt | null>(async (ctx, ids) => {
  const access = attemptReadFilter(ctx);
  return access ? byKey(ids, await ctx.em.find(Attempt, { $and: [{ id: { $in: [...ids] } }, access] }), (a) => a.id) : ids.map(() => null);
});

export const questionById = defineLoader<number, Question | null>(async (ctx, ids) => {
  const access = questionReadFilter(ctx);
  return access ? byKey(ids, await ctx.em.find(Question, { $and: [{ id: { $in: [...ids] } }, access] }), (q) => q.id) : ids.map(() => null);
});
