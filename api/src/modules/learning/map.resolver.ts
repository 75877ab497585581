/** The 学习地图 in GraphQL: one's own map with progress; maps for the admins; publishing and adding. */
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { can } from '../../core/authz/check.js';
import type { Context } from '../../core/graphql/context.js';
import { AppError, ErrorCode } from '../../core/graphql/errors.js';
import { mutate, UserError } from '../../core/graphql/payload.js';
import { expectGlobalId, toGlobalId } from '../../core/graphql/relay.js';
import { Member, MemberStatus } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Course } from './course.entity.js';
import { hoursOf } from './course.service.js';
import { CourseNode } from './course.types.js';
import { LearningMap, LearningMapItem, MAP_ROLE_LABEL, MapRole } from './map.entity.js';
import { mapOf, publishMap, removeMapItem, roleOf } from './map.service.js';

registerEnumType(MapRole, {
  name: 'LearningMapRole',
  description: 'LEADER (党务领导干部), WORKER (党务工作者), SECRETARY (基层党组织书记), MEMBER (党员) — derived from posts and labels.',
  valuesConfig: {
    LEADER: { description: '党务领导干部.' },
    WORKER: { description: '党务工作者.' },
    SECRETARY: { description: '基层党组织书记.' },
    MEMBER: { description: '党员.' },
  },
});

@ObjectType('MyMapItem', { description: 'A course on your map, with your progress.' })
class MyMapItemType {
  @Field(() => CourseNode, { description: 'The course.' }) course!: Course;
  @Field({ description: 'Required (必修), or elective.' }) required!: boolean;
  @Field({ description: 'The organisation that set it.' }) addedBy!: string;
  @Field(() => Int, { description: 'Per cent of its items you completed.' }) percent!: number;
}

@ObjectType('MyLearningMap', { description: 'Your 学习地图 for a year: your role’s courses from your organisation and those above, and your hours against the target.' })
class MyLearningMapType {
  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field(() => MapRole, { description: 'Your role on the map.' }) role!: MapRole;
  @Field({ description: 'Its name.' }) roleLabel!: string;
  @Field(() => Int, { nullable: true, description: 'Null when no map is published for your role.' }) targetHours!: number | null;
  @Field({ description: '学时 this year (online and offline).' }) hours!: number;
  @Field(() => [MyMapItemType], { description: 'The courses for you.' }) items!: MyMapItemType[];
}

@ObjectType('LearningMapItem', { description: 'A course on the 学习地图 of a role and dimension.' })
class LearningMapItemType {
  @Field(() => ID) id!: string;
  @Field({ description: 'The course.' }) courseTitle!: string;
  @Field({ description: 'Required (必修), or elective.' }) required!: boolean;
  @Field({ description: 'The organisation that put it on the map.' }) addedBy!: string;
}

@ObjectType('LearningMap', { description: 'A published map of an organisation for a role and year.' })
class LearningMapType {
  @Field(() => ID) id!: string;
  @Field({ description: 'The organisation that set it.' }) organizationName!: string;
  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field(() => MapRole, { description: 'Whom it is for.' }) role!: MapRole;
  @Field(() => Int, { description: '学时 each of them should reach in the year.' }) targetHours!: number;
  @Field(() => [LearningMapItemType], { description: 'Its courses.' }) items!: LearningMapItemType[];
}

@InputType({ description: 'A course to put on the 学习地图.' })
class LearningMapItemInput {
  @Field(() => ID, { description: 'The course.' }) courseId!: string;
  @Field({ description: 'Required (必修), or elective.' }) required!: boolean;
}

@InputType({ description: 'A map of an organisation (or, with mapId, courses added to a map above it for its own subtree).' })
class LearningMapInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field(() => MapRole, { description: 'Whom it is for.' }) role!: MapRole;
  @Field(() => Int, { description: '学时 each of them should reach in the year.', nullable: true }) targetHours?: number | null;
  @Field(() => [LearningMapItemInput], { description: 'Its courses.' }) items!: LearningMapItemInput[];
}

@ObjectType()
class LearningMapPayload {
  @Field({ description: 'Whether it was recorded.' }) ok!: boolean;
  @Field(() => [UserError]) userErrors!: UserError[];
}

const toInput = (input: LearningMapInput) => ({
  ...input,
  organizationId: expectGlobalId(input.organizationId, 'Organization', 'organizationId'),
  items: input.items.map((i) => ({ courseId: expectGlobalId(i.courseId, 'Course', 'courseId'), required: i.required })),
});

@Resolver()
export class LearningMapResolver {
  @Query(() => MyLearningMapType, { nullable: true, description: 'Your 学习地图 for a year (null without a member record in good standing).' })
  async myLearningMap(@Arg('year', () => Int, { description: 'The year.' }) year: number, @Ctx() ctx: Context): Promise<MyLearningMapType | null> {
    if (ctx.viewer.kind !== 'user') return null;
    const member = await ctx.em.findOne(Member, { user: ctx.viewer.userId, status: MemberStatus.NORMAL });
    if (!member) return null;
    const role = await roleOf(ctx.em, member);
    const map = await mapOf(ctx.em, member, role, year);
    const courses = map.items.length ? await ctx.em.find(Course, { id: { $in: map.items.map((i) => i.courseId) } }) : [];
    const done = map.items.length
      ? await ctx.em.execute<{ course_id: number; total: number; completed: number }[]>(
          `select i.course_id, count(*)::int as total, count(p.completed_at)::int as completed
             from course_item i left join study_progress p on p.item_id = i.id and p.member_id = ?
            where i.course_id = any(?::int[]) group by 1`,
          [member.id, `{${map.items.map((i) => i.courseId).join(',')}}`],
        )
      : [];
    const h = (await hoursOf(ctx.em, [member.id], year)).get(member.id)!;
    return {
      year,
      role,
      roleLabel: MAP_ROLE_LABEL[role],
      targetHours: map.targetHours,
      hours: h.online + h.offline,
      items: map.items
        .filter((i) => courses.some((c) => c.id === i.courseId))
        .map((i) => {
          const d = done.find((x) => x.course_id === i.courseId);
          return { course: courses.find((c) => c.id === i.courseId)!, required: i.required, addedBy: i.addedBy, percent: d && d.total ? Math.floor((d.completed * 100) / d.total) : 0 };
        }),
    };
  }

  @Query(() => [LearningMapType], { description: 'The maps that apply to an organisation’s subtree for a year: its own and those above (readers of its learning).' })
  async learningMaps(@Arg('organizationId', () => ID) organizationId: string, @Arg('year', () => Int, { description: 'The year.' }) year: number, @Ctx() ctx: Context): Promise<LearningMapType[]> {
    const org = await ctx.em.findOne(Organization, expectGlobalId(organizationId, 'Organization', 'organizationId'));
    if (!org || !(await can(ctx.em, ctx, 'readLearning', Organization, 'Organization', org.id))) throw new AppError(ErrorCode.NOT_FOUND, 'The organisation does not exist.');
    const ancestors = org.path.split('/').filter(Boolean).map(Number);
    const maps = await ctx.em.find(LearningMap, { organization: { $in: ancestors }, year }, { populate: ['organization'], orderBy: { organization: { depth: 'asc' }, role: 'asc' } });
    const items = maps.length ? await ctx.em.find(LearningMapItem, { map: { $in: maps.map((m) => m.id) } }, { populate: ['course', 'organization'], orderBy: { id: 'asc' } }) : [];
    return maps.map((m) => ({
      id: toGlobalId('LearningMap', m.id),
      organizationName: m.organization.getEntity().name,
      year: m.year,
      role: m.role,
      targetHours: m.targetHours,
      // Items set for this organisation (by it or above) and those its own subtree added.
      items: items
        .filter((i) => i.map.id === m.id && (org.path.startsWith(i.organization.getEntity().path) || i.organization.getEntity().path.startsWith(org.path)))
        .map((i) => ({ id: toGlobalId('LearningMapItem', i.id), courseTitle: i.course.getEntity().title, required: i.required, addedBy: i.organization.getEntity().name })),
    }));
  }

  @Mutation(() => LearningMapPayload, { description: 'Publishes (or extends) an organisation’s map for a role and year: courses required or elective, a yearly target.' })
  learningMapPublish(@Arg('input') input: LearningMapInput, @Ctx() ctx: Context): Promise<LearningMapPayload> {
    return mutate(async () => {
      await publishMap(ctx.em, ctx, toInput(input));
      return { ok: true };
    }) as Promise<LearningMapPayload>;
  }

  @Mutation(() => LearningMapPayload, { description: 'Adds courses of an organisation’s own to a map published above it (for its subtree).' })
  learningMapAdd(@Arg('mapId', () => ID, { description: 'The map.' }) mapId: string, @Arg('input') input: LearningMapInput, @Ctx() ctx: Context): Promise<LearningMapPayload> {
    return mutate(async () => {
      await publishMap(ctx.em, ctx, toInput(input), expectGlobalId(mapId, 'LearningMap', 'mapId'));
      return { ok: true };
    }) as Promise<LearningMapPayload>;
  }

  @Mutation(() => LearningMapPayload, { description: 'Removes an item from a map — by the organisation that added it (or above), never below.' })
  learningMapItemRemove(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<LearningMapPayload> {
    return mutate(async () => {
      await removeMapItem(ctx.em, ctx, expectGlobalId(id, 'LearningMapItem'));
      return { ok: true };
    }) as Promise<LearningMapPayload>;
  }
}
