/**
 * Courses (课程): set up by the admins who keep learning at an organisation from shared resources
 * they may use and lessons written here, each item with its 学时; published to the subtree's
 * members, who study them — progress credited from heartbeats (heartbeat.ts), resumed where they
 * stopped, completed by the rule of the item (a video to 90 %, a text for its minimum time).
 */
import { LockMode, raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, requireUser, type Actor } from '../../core/authz/check.js';
import { findAuthorised } from '../../core/authz/queries.js';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import { AppError, badInput, conflict, ErrorCode, forbidden } from '../../core/graphql/errors.js';
import { plainLine, plainText } from '../../core/graphql/text-input.js';
import { Content } from '../content/content.entity.js';
import { sanitiseRichText } from '../content/sanitize.js';
import { Member, MemberStatus } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Course, CourseItem, CourseStatus, StudyMode, StudyProgress } from './course.entity.js';
import { credit } from './heartbeat.js';
import { PointAction } from './points.entity.js';
import { award } from './points.js';
import type { Dimension } from './question-types.js';

export function courseReadFilter(actor: Actor): FilterQuery<Course> | null {
  const orgs = accessibleWhere<Organization>(actor.ability, 'readLearning', 'Organization');
  if (isUnrestricted(orgs)) return {};
  const parts: FilterQuery<Course>[] = [];
  if (orgs !== null) parts.push({ organization: orgs } as FilterQuery<Course>);
  if (actor.viewer.kind === 'user') {
    parts.push({
      status: CourseStatus.PUBLISHED,
      [raw((a: string) => `exists (select 1 from member m join organization o on o.id = m.organization_id join organization c on c.id = ${a}.organization_id where m.user_id = ? and m.status = 'NORMAL' and o.path like c.path || '%')`, [actor.viewer.userId])]: true,
    } as FilterQuery<Course>);
  }
  return parts.length === 0 ? null : { $or: parts };
}

export interface CourseItemInput {
  title: string;
  resourceId?: number | null;
  body?: string | null;
  mode: StudyMode;
  requiredSeconds: number;
  hours: number;
}

export async function createCourse(em: EntityManager, actor: Actor, input: { organizationId: number; title: string; description?: string | null; dimension: Dimension; items: CourseItemInput[] }): Promise<Course> {
  const me = requireUser(actor.viewer);
  const title = plainLine(input.title, 'title', 200, true);
  const description = plainText(input.description, 'description', 1000);
  if (input.items.length === 0 || input.items.length > 50) throw badInput('One to fifty items.', 'items');
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'manageLearning', Organization, 'Organization', input.organizationId, 'The organisation');
    const org = await tx.findOneOrFail(Organization, input.organizationId);
    const course = tx.create(Course, { enterprise: org.enterprise.id, organization: org, title, description, dimension: input.dimension, status: CourseStatus.DRAFT, createdBy: me.userId } as never) as Course;
    await tx.flush();
    for (const [i, item] of input.items.entries()) {
      const itemTitle = plainLine(item.title, `items.${i}.title`, 200, true);
      if (!Number.isInteger(item.requiredSeconds) || item.requiredSeconds < 10 || item.requiredSeconds > 6 * 3600) throw badInput('A length or minimum time of 10 seconds to 6 hours.', `items.${i}.requiredSeconds`);
      if (!(item.hours > 0 && item.hours <= 8) || Math.round(item.hours * 10) !== item.hours * 10) throw badInput('学时: 0.1 to 8, to one decimal.', `items.${i}.hours`);
      let resource: Content | null = null;
      if (item.resourceId != null) {
        // A resource the course's keeper reads (its learners read it as far as its own sharing allows).
        [resource = null] = await findAuthorised({ em: tx, ability: actor.ability }, Content, 'Content', { id: item.resourceId, kind: 'RESOURCE' } as FilterQuery<Content>, { limit: 1 });
        if (!resource) throw badInput('Not a shared resource you may use.', `items.${i}.resourceId`);
      }
      const body = item.body ? sanitiseRichText(item.body).html : null;
      if (!resource && !body) throw badInput('An item is a shared resource or a lesson’s text.', `items.${i}.body`);
      tx.create(CourseItem, { enterprise: org.enterprise.id, course, position: i + 1, title: itemTitle, resource, body, mode: item.mode, requiredSeconds: item.requiredSeconds, hours: item.hours.toFixed(1) } as never);
    }
    await tx.flush();
    return course;
  });
}

export async function publishCourse(em: EntityManager, actor: Actor, id: number): Promise<Course> {
  requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    const access = courseReadFilter(actor);
    const course = access ? await tx.findOne(Course, { $and: [{ id }, access] }) : null;
    if (!course) throw new AppError(ErrorCode.NOT_FOUND, 'The course does not exist.');
    await assertCan(tx, actor, 'manageLearning', Organization, 'Organization', course.organization.id, 'The course');
    if (course.status === CourseStatus.PUBLISHED) throw conflict('The course is published already.', 'id');
    course.status = CourseStatus.PUBLISHED;
    await tx.flush();
    return course;
  });
}

/** One heartbeat of study on an item (the page sends one every few seconds while it studies). */
export async function heartbeat(em: EntityManager, actor: Actor, itemId: number, position: number): Promise<StudyProgress> {
  const me = requireUser(actor.viewer);
  if (!Number.isFinite(position) || position < 0) throw badInput('A position in seconds.', 'position');
  return em.transactional(async (tx) => {
    const item = await tx.findOne(CourseItem, itemId, { populate: ['course'] });
    const access = courseReadFilter(actor);
    const readable = item && access ? await tx.count(Course, { $and: [{ id: item.course.id, status: CourseStatus.PUBLISHED }, access] }) : 0;
    if (!item || !readable) throw new AppError(ErrorCode.NOT_FOUND, 'The course item does not exist.');
    const member = await tx.findOne(Member, { user: me.userId, status: MemberStatus.NORMAL, enterprise: item.enterprise.id });
    if (!member) throw forbidden('Courses are studied by members in good standing.');
    await tx.execute(
      `insert into study_progress (enterprise_id, member_id, item_id) values (?, ?, ?) on conflict (enterprise_id, member_id, item_id) do nothing`,
      [item.enterprise.id, member.id, item.id],
    );
    const progress = await tx.findOneOrFail(StudyProgress, { member: member.id, item: item.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const now = new Date();
    if (!progress.completedAt) {
      const r = credit({ mode: item.mode, requiredSeconds: item.requiredSeconds, credited: progress.creditedSeconds, lastPosition: progress.position, lastBeatAt: progress.lastBeatAt, now, position: Math.floor(position) });
      progress.creditedSeconds = r.credited;
      progress.position = r.position;
      if (r.complete) {
        progress.completedAt = now;
        await award(tx, { enterpriseId: item.enterprise.id, memberId: member.id, action: PointAction.ITEM, source: `item:${item.id}`, now });
      }
    }
    progress.lastBeatAt = now;
    await tx.flush();
    return progress;
  });
}

/** 学时 a member earned in a year: online (items completed) and offline (党课 and 中心组学习 attended). */
export function hoursOf(em: EntityManager, memberIds: readonly number[], year: number): Promise<Map<number, { online: number; offline: number }>> {
  return hoursIn(em, memberIds, new Date(`${year}-01-01T00:00:00+08:00`), new Date(`${year + 1}-01-01T00:00:00+08:00`));
}

/** Each member's 学时 in [from, to): online (courses completed) and offline (党课 and 中心组学习 attended). */
export async function hoursIn(em: EntityManager, memberIds: readonly number[], from: Date, to: Date): Promise<Map<number, { online: number; offline: number }>> {
  const ids = `{${memberIds.join(',')}}`;
  const [online, offline] = await Promise.all([
    em.execute<{ member_id: number; hours: string }[]>(
      `select p.member_id, sum(i.hours)::text as hours from study_progress p join course_item i on i.id = p.item_id
        where p.member_id = any(?::int[]) and p.completed_at >= ? and p.completed_at < ? group by 1`,
      [ids, from, to],
    ),
    em.execute<{ member_id: number; hours: string }[]>(
      `select a.member_id, (round(sum(extract(epoch from (m.ends_at - m.starts_at)) / 1800)) / 2)::text as hours
         from meeting_attendee a join meeting m on m.id = a.meeting_id
        where a.member_id = any(?::int[]) and a.attendance = 'PRESENT' and m.status <> 'CANCELLED' and m.type in ('PARTY_LECTURE', 'CENTRAL_GROUP')
          and m.starts_at >= ? and m.starts_at < ? group by 1`,
      [ids, from, to],
    ),
  ]);
  const on = new Map(online.map((r) => [r.member_id, Number(r.hours)]));
  const off = new Map(offline.map((r) => [r.member_id, Number(r.hours)]));
  return new Map(memberIds.map((id) => [id, { online: on.get(id) ?? 0, offline: off.get(id) ?? 0 }]));
}
