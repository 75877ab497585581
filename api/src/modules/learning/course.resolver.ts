/** Courses in GraphQL: under their read rule in SQL; progress per member; study time from heartbeats. */
import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { can } from '../../core/authz/check.js';
import type { Context } from '../../core/graphql/context.js';
import { badInput } from '../../core/graphql/errors.js';
import { byKey, defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { listById } from '../../core/graphql/list-by-id.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { mutate } from '../../core/graphql/payload.js';
import { expectGlobalId, toGlobalId, type Connection } from '../../core/graphql/relay.js';
import { Content } from '../content/content.entity.js';
import { attachmentsOf } from '../media/attachments.js';
import { Member, MemberStatus } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Course, CourseItem, StudyMode, StudyProgress } from './course.entity.js';
import { courseReadFilter, createCourse, heartbeat, hoursOf, publishCourse } from './course.service.js';
import { CourseConnection, CourseInput, CourseItemType, CourseNode, CoursePayload, HeartbeatPayload, MyStudyType, StudyProgressType } from './course.types.js';
import { VIDEO_SHARE } from './heartbeat.js';

const STUDY_TARGET = 32;

const courseById = defineLoader<number, Course | null>(async (ctx, ids) => {
  const access = courseReadFilter(ctx);
  return access ? byKey(ids, await ctx.em.find(Course, { $and: [{ id: { $in: [...ids] } }, access] }), (c) => c.id) : ids.map(() => null);
});
registerNodeType({ typeName: 'Course', entity: Course, load: (ctx, id) => courseById(ctx).load(id) });

const itemsOf = defineLoader<number, CourseItem[]>(async (ctx, ids) =>
  groupByKey(ids, await ctx.em.find(CourseItem, { course: { $in: [...ids] } }, { orderBy: { position: 'asc' } }), (i) => i.course.id),
);
const myMember = defineLoader<'me', Member | null>(async (ctx, keys) => {
  const member = ctx.viewer.kind === 'user' ? await ctx.em.findOne(Member, { user: ctx.viewer.userId, status: MemberStatus.NORMAL }) : null;
  return keys.map(() => member);
});
const progressOf = defineLoader<number, StudyProgress | null>(async (ctx, itemIds) => {
  const member = await myMember(ctx).load('me');
  if (!member) return itemIds.map(() => null);
  return byKey(itemIds, await ctx.em.find(StudyProgress, { member: member.id, item: { $in: [...itemIds] } }), (p) => p.item.id);
});
const resourcesOf = defineLoader<string, Content | null>(async (ctx, ids) => byKey(ids, await ctx.em.find(Content, { id: { $in: [...ids] } }, { populate: ['media'] }), (c) => String(c.id)));

const view = (item: CourseItem, p: StudyProgress | null): StudyProgressType | null => {
  if (!p) return null;
  const needed = item.mode === StudyMode.VIDEO ? Math.ceil(item.requiredSeconds * VIDEO_SHARE) : item.requiredSeconds;
  return { creditedSeconds: p.creditedSeconds, position: p.position, percent: p.completedAt ? 100 : Math.min(99, Math.floor((p.creditedSeconds * 100) / needed)), completedAt: p.completedAt };
};

@Resolver(() => CourseNode)
export class CourseResolver {
  @FieldResolver(() => ID)
  id(@Root() c: Course): string {
    return toGlobalId('Course', c.id);
  }

  @FieldResolver(() => Float, { description: '学时 of the whole course.' })
  async hours(@Root() c: Course, @Ctx() ctx: Context): Promise<number> {
    return (await itemsOf(ctx).load(c.id)).reduce((n, i) => n + Number(i.hours), 0);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you keep it.' })
  canManage(@Root() c: Course, @Ctx() ctx: Context): Promise<boolean> {
    return can(ctx.em, ctx, 'manageLearning', Organization, 'Organization', c.organization.id);
  }

  @FieldResolver(() => [CourseItemType], { description: 'Its lessons, in order.' })
  async items(@Root() c: Course, @Ctx() ctx: Context): Promise<CourseItemType[]> {
    return Promise.all(
      (await itemsOf(ctx).load(c.id)).map(async (i) => {
        const resource = i.resource ? await resourcesOf(ctx).load(String(i.resource.id)) : null;
        const files = resource ? await attachmentsOf(ctx, resource.media.getItems().map((m) => String(m.id))) : [];
        return {
          id: toGlobalId('CourseItem', i.id),
          position: i.position,
          title: i.title,
          mode: i.mode,
          requiredSeconds: i.requiredSeconds,
          hours: Number(i.hours),
          body: i.body,
          resourceId: resource ? toGlobalId('SharedResource', resource.id) : null,
          resourceTitle: resource?.title ?? null,
          fileUrl: files[0]?.url ?? null,
          myProgress: view(i, await progressOf(ctx).load(i.id)),
        };
      }),
    );
  }

  @Query(() => CourseConnection, { description: 'Courses you read: those you keep and those published to you; newest first.' })
  courses(@Arg('first', () => Int) first: number, @Arg('after', () => String, { nullable: true }) after: string | null, @Ctx() ctx: Context): Promise<Connection<Course>> {
    return listById(ctx.em, Course, courseReadFilter(ctx), { first, after, order: 'desc' });
  }

  @Query(() => MyStudyType, { description: 'Your 学时 for a year: courses completed online and 党课 attended.' })
  async myStudy(@Arg('year', () => Int, { description: 'The year.' }) year: number, @Ctx() ctx: Context): Promise<MyStudyType> {
    const member = await myMember(ctx).load('me');
    const hours = member ? (await hoursOf(ctx.em, [member.id], year)).get(member.id)! : { online: 0, offline: 0 };
    return { year, ...hours, total: hours.online + hours.offline, target: STUDY_TARGET };
  }

  @Mutation(() => CoursePayload, { description: 'Sets up a course as a draft (the admins who keep learning at the organisation).' })
  courseCreate(@Arg('input') input: CourseInput, @Ctx() ctx: Context): Promise<CoursePayload> {
    return mutate(async () => ({
      course: await createCourse(ctx.em, ctx, {
        ...input,
        organizationId: expectGlobalId(input.organizationId, 'Organization', 'organizationId'),
        items: input.items.map((i) => ({ ...i, resourceId: i.resourceId ? expectGlobalId(i.resourceId, 'SharedResource', 'resourceId') : null })),
      }),
    }));
  }

  @Mutation(() => CoursePayload, { description: 'Publishes a course to its organisation’s members.' })
  coursePublish(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CoursePayload> {
    return mutate(async () => ({ course: await publishCourse(ctx.em, ctx, expectGlobalId(id, 'Course')) }));
  }

  @Mutation(() => HeartbeatPayload, { description: 'A heartbeat of study (every few seconds while a page plays or shows an item): credits the wall time since the last one.' })
  studyHeartbeat(@Arg('itemId', () => ID, { description: 'The lesson.' }) itemId: string, @Arg('position', () => Int, { description: 'For a video: the position reached, in seconds.', defaultValue: 0 }) position: number, @Ctx() ctx: Context): Promise<HeartbeatPayload> {
    return mutate(async () => {
      if (position > 24 * 3600) throw badInput('A position in seconds.', 'position');
      const id = expectGlobalId(itemId, 'CourseItem', 'itemId');
      const progress = await heartbeat(ctx.em, ctx, id, position);
      const item = await ctx.em.findOneOrFail(CourseItem, id);
      return { progress: view(item, progress)! };
    });
  }
}
