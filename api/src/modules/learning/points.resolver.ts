/** 学习积分 in GraphQL: one's points, the leaderboard of an organisation (names hidden on request), the choice to hide. */
import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { can } from '../../core/authz/check.js';
import type { Context } from '../../core/graphql/context.js';
import { AppError, ErrorCode, forbidden } from '../../core/graphql/errors.js';
import { mutate, UserError } from '../../core/graphql/payload.js';
import { expectGlobalId } from '../../core/graphql/relay.js';
import { localRuleValue } from '../local-rules/local-rules.service.js';
import { Member, MemberStatus } from '../members/member.entity.js';
import { chinaToday } from '../members/member.rules.js';
import { Organization } from '../organizations/organization.entity.js';
import { PointAction } from './points.entity.js';
import { ITEM_POINTS_CAP, PRACTICE_CAP } from './points.local-rules.js';

registerEnumType(PointAction, {
  name: 'PointAction',
  description: 'ITEM (a course item completed), PRACTICE (每日答题), EXAM (an exam passed).',
  valuesConfig: {
    ITEM: { description: 'A course item completed.' },
    PRACTICE: { description: '每日答题.' },
    EXAM: { description: 'An exam passed.' },
  },
});

@ObjectType('PointsToday', { description: 'Today’s 学习积分 for one action, against the enterprise’s daily cap.' })
class PointsTodayType {
  @Field(() => PointAction, { description: 'The action.' }) action!: PointAction;
  @Field(() => Int, { description: 'Points earned today for it.' }) points!: number;
  @Field(() => Int, { nullable: true, description: 'The day’s cap (null: none).' }) cap!: number | null;
}

@ObjectType('MyPoints', { description: 'Your 学习积分: the year’s total and today’s by action against their caps.' })
class MyPointsType {
  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field(() => Int, { description: 'Your points this year.' }) total!: number;
  @Field(() => [PointsTodayType], { description: 'Today’s points by action, against the daily caps.' }) today!: PointsTodayType[];
  @Field({ description: 'Whether you appear on leaderboards without your name.' }) hideName!: boolean;
}

@ObjectType('LeaderboardEntry', { description: 'A place on a 学习积分 leaderboard.' })
class LeaderboardEntryType {
  @Field(() => Int, { description: 'Their place.' }) rank!: number;
  @Field({ description: 'The name, or 匿名党员 for those who hide it.' }) name!: string;
  @Field({ description: 'Their organisation.' }) organizationName!: string;
  @Field(() => Int, { description: 'Their 学习积分 this year.' }) points!: number;
  @Field({ description: 'This is you.' }) you!: boolean;
}

@ObjectType()
class LearningProfilePayload {
  @Field({ description: 'Whether it was recorded.' }) ok!: boolean;
  @Field(() => [UserError]) userErrors!: UserError[];
}

const myMember = (ctx: Context) => (ctx.viewer.kind === 'user' ? ctx.em.findOne(Member, { user: ctx.viewer.userId, status: MemberStatus.NORMAL }) : Promise.resolve(null));

@Resolver()
export class PointsResolver {
  @Query(() => MyPointsType, { description: 'Your 学习积分 this year and today, against the caps.', nullable: true })
  async myPoints(@Arg('year', () => Int, { description: 'The year.' }) year: number, @Ctx() ctx: Context): Promise<MyPointsType | null> {
    const member = await myMember(ctx);
    if (!member) return null;
    const [total] = await ctx.em.execute<{ n: number }[]>(`select coalesce(sum(points), 0)::int as n from learning_point where member_id = ? and extract(year from day) = ?`, [member.id, year]);
    const today = await ctx.em.execute<{ action: PointAction; n: number }[]>(`select action, sum(points)::int as n from learning_point where member_id = ? and day = ? group by 1`, [member.id, chinaToday()]);
    const [profile] = await ctx.em.execute<{ hide_name: boolean }[]>(`select hide_name from learning_profile where member_id = ?`, [member.id]);
    const caps: Record<PointAction, number | null> = {
      ITEM: await localRuleValue(ctx.em, member.enterprise.id, ITEM_POINTS_CAP.key),
      PRACTICE: await localRuleValue(ctx.em, member.enterprise.id, PRACTICE_CAP.key),
      EXAM: null,
    };
    return {
      year,
      total: total?.n ?? 0,
      today: (Object.keys(caps) as PointAction[]).map((action) => ({ action, points: today.find((t) => t.action === action)?.n ?? 0, cap: caps[action] })),
      hideName: profile?.hide_name ?? false,
    };
  }

  @Query(() => [LeaderboardEntryType], { description: '学习积分 of the year within an organisation’s subtree (its members and the readers of its learning), best first.' })
  async learningLeaderboard(@Arg('organizationId', () => ID) organizationId: string, @Arg('year', () => Int, { description: 'The year.' }) year: number, @Arg('first', () => Int, { defaultValue: 20 }) first: number, @Ctx() ctx: Context): Promise<LeaderboardEntryType[]> {
    const org = await ctx.em.findOne(Organization, expectGlobalId(organizationId, 'Organization', 'organizationId'));
    if (!org) throw new AppError(ErrorCode.NOT_FOUND, 'The organisation does not exist.');
    const me = await myMember(ctx);
    const inside = me ? await ctx.em.count(Organization, { id: me.organization.id, path: { $like: `${org.path}%` } }) : 0;
    if (!inside && !(await can(ctx.em, ctx, 'readLearning', Organization, 'Organization', org.id))) throw forbidden('The leaderboard is for the organisation’s members and its learning readers.');
    const rows = await ctx.em.execute<{ member_id: number; name: string; organization: string; points: number; hide: boolean }[]>(
      `select m.id as member_id, m.name, o.name as organization, sum(p.points)::int as points, coalesce(f.hide_name, false) as hide
         from learning_point p join member m on m.id = p.member_id join organization o on o.id = m.organization_id
         left join learning_profile f on f.member_id = m.id
        where o.path like ? and m.status = 'NORMAL' and extract(year from p.day) = ?
        group by m.id, o.name, f.hide_name having sum(p.points) > 0
        order by sum(p.points) desc, m.id limit ?`,
      [`${org.path}%`, year, Math.min(Math.max(first, 1), 100)],
    );
    return rows.map((r, i) => ({ rank: i + 1, name: r.hide && r.member_id !== me?.id ? '匿名党员' : r.name, organizationName: r.organization, points: r.points, you: r.member_id === me?.id }));
  }

  @Mutation(() => LearningProfilePayload, { description: 'Appear on leaderboards with or without your name.' })
  learningProfileSet(@Arg('hideName', { description: 'Hide your name on leaderboards.' }) hideName: boolean, @Ctx() ctx: Context): Promise<LearningProfilePayload> {
    return mutate(async () => {
      const member = await myMember(ctx);
      if (!member) throw forbidden('Members in good standing have a learning profile.');
      await ctx.em.execute(
        `insert into learning_profile (enterprise_id, member_id, hide_name) values (?, ?, ?) on conflict (enterprise_id, member_id) do update set hide_name = excluded.hide_name`,
        [member.enterprise.id, member.id, hideName],
      );
      return { ok: true };
    }) as Promise<LearningProfilePayload>;
  }
}
