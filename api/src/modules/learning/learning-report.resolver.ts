/**
 * Study across an organisation (issue #17, "per organisation: coverage, hours against the map"): for
 * each branch of the subtree, how many members studied at all, their average 学时 and how many
 * reached the year's target — the MEMBER map's in force there, else the 32 of §6.
 */
import { Arg, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { can } from '../../core/authz/check.js';
import type { Context } from '../../core/graphql/context.js';
import { AppError, ErrorCode } from '../../core/graphql/errors.js';
import { expectGlobalId, toGlobalId } from '../../core/graphql/relay.js';
import { Organization } from '../organizations/organization.entity.js';
import { hoursOf } from './course.service.js';

const STUDY_TARGET = 32;

@ObjectType('LearningBranch', { description: 'Learning over one branch: members, how many studied, coverage, average hours and how many reached the target.' })
class LearningBranchType {
  @Field(() => ID) organizationId!: string;
  @Field({ description: 'The branch.' }) name!: string;
  @Field(() => Int, { description: 'Members of the branch.' }) members!: number;
  @Field(() => Int, { description: 'Members with any 学时 this year.' }) studied!: number;
  @Field(() => Float, { description: 'Per cent.' }) coverage!: number;
  @Field(() => Float, { description: 'Average 学时 per member.' }) averageHours!: number;
  @Field(() => Int, { description: 'Members who reached the year’s target.' }) reachedTarget!: number;
}

@ObjectType('LearningReport', { description: 'Study across the branches of a subtree for a year, for the readers of its learning.' })
class LearningReportType {
  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field(() => Int, { description: 'The 学时 target: the MEMBER map’s in force here, else 32.' }) target!: number;
  @Field(() => Int, { description: 'Members in the subtree.' }) members!: number;
  @Field(() => Float, { description: 'Share of members who studied at all, per cent.' }) coverage!: number;
  @Field(() => Float, { description: 'Average 学时 per member.' }) averageHours!: number;
  @Field(() => [LearningBranchType], { description: 'By branch.' }) branches!: LearningBranchType[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

@Resolver()
export class LearningReportResolver {
  @Query(() => LearningReportType, { description: 'Learning over an organisation’s subtree: coverage and hours, by branch (its admins).' })
  async learningReport(@Arg('organizationId', () => ID) organizationId: string, @Arg('year', () => Int, { description: 'The year.' }) year: number, @Ctx() ctx: Context): Promise<LearningReportType> {
    const org = await ctx.em.findOne(Organization, expectGlobalId(organizationId, 'Organization', 'organizationId'));
    if (!org || !(await can(ctx.em, ctx, 'readLearning', Organization, 'Organization', org.id))) throw new AppError(ErrorCode.NOT_FOUND, 'The organisation does not exist.');
    const rows = await ctx.em.execute<{ branch_id: number; name: string; member_id: number | null }[]>(
      `select b.id as branch_id, b.name, m.id as member_id
         from organization b left join organization o on o.path like b.path || '%' left join member m on m.organization_id = o.id and m.status = 'NORMAL'
        where b.path like ? and b.level = 'BRANCH' and b.archived_at is null and not b.temporary
        order by b.path`,
      [`${org.path}%`],
    );
    const [map] = await ctx.em.execute<{ t: number | null }[]>(
      `select max(m.target_hours)::int as t from learning_map m join organization mo on mo.id = m.organization_id where m.year = ? and m.role = 'MEMBER' and ? like mo.path || '%'`,
      [year, org.path],
    );
    const target = map?.t ?? STUDY_TARGET;
    const memberIds = rows.filter((r) => r.member_id !== null).map((r) => r.member_id!);
    const hours = memberIds.length ? await hoursOf(ctx.em, memberIds, year) : new Map<number, { online: number; offline: number }>();
    const total = (id: number) => (hours.get(id)?.online ?? 0) + (hours.get(id)?.offline ?? 0);
    const branches = new Map<number, { name: string; members: number[] }>();
    for (const r of rows) {
      const b = branches.get(r.branch_id) ?? { name: r.name, members: [] };
      if (r.member_id !== null) b.members.push(r.member_id);
      branches.set(r.branch_id, b);
    }
    const summary = (members: number[]) => {
      const studied = members.filter((id) => total(id) > 0).length;
      return { members: members.length, studied, coverage: members.length ? round1((studied * 100) / members.length) : 0, averageHours: members.length ? round1(members.reduce((n, id) => n + total(id), 0) / members.length) : 0, reachedTarget: members.filter((id) => total(id) >= target).length };
    };
    const all = summary(memberIds);
    return {
      year,
      target,
      members: all.members,
      coverage: all.coverage,
      averageHours: all.averageHours,
      branches: [...branches].map(([id, b]) => ({ organizationId: toGlobalId('Organization', id), name: b.name, ...summary(b.members) })),
    };
  }
}
