/**
 * The 学习地图 (DOMAIN-RULES §8 a, project-defined): an organisation publishes, per role and year,
 * required and elective courses and a yearly hour target for its subtree; organisations below add
 * courses for their own subtree, and only those who added an item remove it. A member's map is
 * every item on the maps of their organisation and those above, for their role.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, can, requireUser, type Actor } from '../../core/authz/check.js';
import { AppError, badInput, ErrorCode, forbidden } from '../../core/graphql/errors.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Course, CourseStatus } from './course.entity.js';
import { LearningMap, LearningMapItem, MapRole } from './map.entity.js';

/** A member's role for the map: 党委 posts lead, a branch's 书记 is a secretary, other posts and 党务工作者 work. */
export async function roleOf(em: EntityManager, member: Member): Promise<MapRole> {
  const posts = await em.execute<{ post: string; level: string }[]>(
    `select p.post, o.level from member_post p join organization o on o.id = p.organization_id where p.member_id = ? and p.ended_on is null`,
    [member.id],
  );
  if (posts.some((p) => p.level === 'COMMITTEE' && (p.post === 'SECRETARY' || p.post === 'DEPUTY_SECRETARY'))) return MapRole.LEADER;
  if (posts.some((p) => p.post === 'SECRETARY')) return MapRole.SECRETARY;
  if (posts.length > 0 || member.labels.includes('党务工作者')) return MapRole.WORKER;
  return MapRole.MEMBER;
}

export interface MapInput {
  organizationId: number;
  year: number;
  role: MapRole;
  /** Only when the organisation publishes its own map (a lower level adding to one above omits it). */
  targetHours?: number | null;
  items: { courseId: number; required: boolean }[];
}

/**
 * Publishes a map of the organisation (or updates its target and adds to it), or — with
 * `mapId` — adds items of the organisation's own to a map published above it.
 */
export async function publishMap(em: EntityManager, actor: Actor, input: MapInput, mapId: number | null = null): Promise<LearningMap> {
  const me = requireUser(actor.viewer);
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw badInput('A year.', 'year');
  if (input.items.length > 100) throw badInput('At most 100 items at once.', 'items');
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'manageLearning', Organization, 'Organization', input.organizationId, 'The organisation');
    const org = await tx.findOneOrFail(Organization, input.organizationId);
    let map: LearningMap | null;
    if (mapId) {
      map = await tx.findOne(LearningMap, mapId);
      const above = map ? await tx.findOne(Organization, map.organization.id) : null;
      if (!map || !above || !org.path.startsWith(above.path)) throw new AppError(ErrorCode.NOT_FOUND, 'The map does not exist above this organisation.');
    } else {
      if (input.targetHours == null || !Number.isInteger(input.targetHours) || input.targetHours < 1 || input.targetHours > 500) throw badInput('A yearly target of 1 to 500 学时.', 'targetHours');
      map = await tx.findOne(LearningMap, { enterprise: org.enterprise.id, organization: org.id, year: input.year, role: input.role });
      map ??= tx.create(LearningMap, { enterprise: org.enterprise.id, organization: org, year: input.year, role: input.role, targetHours: input.targetHours, publishedBy: me.userId } as never) as LearningMap;
      map.targetHours = input.targetHours;
      await tx.flush();
    }
    const courses = input.items.length ? await tx.find(Course, { id: { $in: input.items.map((i) => i.courseId) }, enterprise: org.enterprise.id, status: CourseStatus.PUBLISHED }) : [];
    if (courses.length !== new Set(input.items.map((i) => i.courseId)).size) throw badInput('Every course is a published course of the enterprise.', 'items');
    for (const item of input.items) {
      await tx.execute(
        `insert into learning_map_item (enterprise_id, map_id, course_id, organization_id, required) values (?, ?, ?, ?, ?)
         on conflict (enterprise_id, map_id, course_id, organization_id) do update set required = excluded.required`,
        [org.enterprise.id, map.id, item.courseId, org.id, item.required],
      );
    }
    return map;
  });
}

/** Removes an item — only the organisation that added it (its admins), never one below it. */
export async function removeMapItem(em: EntityManager, actor: Actor, itemId: number): Promise<void> {
  requireUser(actor.viewer);
  await em.transactional(async (tx) => {
    // Items are listed to the organisations below their map too (learningMaps): existence is no secret.
    const item = await tx.findOne(LearningMapItem, itemId);
    if (!item) throw new AppError(ErrorCode.NOT_FOUND, 'The item does not exist.');
    const manager = await tx.findOneOrFail(Organization, item.organization.id);
    // Admins of the adding organisation hold manageLearning on it; admins below it do not.
    if (!(await can(tx, actor, 'manageLearning', Organization, 'Organization', manager.id))) throw forbidden('Items are removed by the organisation that added them.');
    await tx.remove(item).flush();
  });
}

export interface MemberMapItem {
  itemId: number;
  courseId: number;
  required: boolean;
  addedBy: string;
}

/** The items of a member's map for a year: maps of their organisation and those above, for their role. */
export async function mapOf(em: EntityManager, member: Member, role: MapRole, year: number): Promise<{ targetHours: number | null; items: MemberMapItem[] }> {
  const rows = await em.execute<{ item_id: number; course_id: number; required: boolean; added_by: string; target_hours: number }[]>(
    `select i.id as item_id, i.course_id, i.required, a.name as added_by, m.target_hours
       from learning_map m
       join organization mo on mo.id = m.organization_id
       join organization me on me.id = ?
       join learning_map_item i on i.map_id = m.id
       join organization a on a.id = i.organization_id
      where m.enterprise_id = ? and m.year = ? and m.role = ? and me.path like mo.path || '%' and me.path like a.path || '%'
      order by i.required desc, i.id`,
    [member.organization.id, member.enterprise.id, year, role],
  );
  const [target] = await em.execute<{ t: number | null }[]>(
    `select max(m.target_hours)::int as t from learning_map m join organization mo on mo.id = m.organization_id join organization me on me.id = ?
      where m.enterprise_id = ? and m.year = ? and m.role = ? and me.path like mo.path || '%'`,
    [member.organization.id, member.enterprise.id, year, role],
  );
  // A course on two maps shows once, required if either requires it.
  const byCourse = new Map<number, MemberMapItem>();
  for (const r of rows) {
    const seen = byCourse.get(r.course_id);
    if (!seen || (r.required && !seen.required)) byCourse.set(r.course_id, { itemId: r.item_id, courseId: r.course_id, required: r.required, addedBy: r.added_by });
  }
  return { targetHours: target?.t ?? null, items: [...byCourse.values()] };
}
