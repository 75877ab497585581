/** Dashboards in GraphQL: an organisation's figures over its subtree, for the readers of its organisational life only. */
import { Arg, Ctx, Field, GraphQLISODateTime, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/graphql/context.js';
import { AppError, ErrorCode } from '../../core/graphql/errors.js';
import { expectGlobalId } from '../../core/graphql/relay.js';
import { cachedDashboard } from './dashboard-cache.js';
import { readsDashboard } from './dashboard-export.js';

@ObjectType('DashboardFigure', { description: 'One figure, with how it is counted.' })
class DashboardFigureType {
  @Field({ description: 'Stable, e.g. `dues.collectionRate`.' }) key!: string;
  @Field({ description: 'Its name on the dashboard.' }) label!: string;
  @Field({ description: 'The figure as shown (with its unit), or "无数据".' }) value!: string;
  @Field({ description: 'How it is computed.' }) definition!: string;
}

@ObjectType('DashboardCell', { description: 'A group of a breakdown: its count, or "<5" (fewer than five people) or "—" (hidden so the total does not give a small group away).' })
class DashboardCellType {
  @Field({ description: 'The group.' }) label!: string;
  @Field({ description: 'The count as shown: "<5" for a group smaller than five.' }) value!: string;
  @Field(() => Int, { description: 'The count; null when the group is smaller than five.', nullable: true }) count!: number | null;
}

@ObjectType('DashboardBreakdown', { description: 'A figure broken down by a dimension (category, age band, education, 党龄…), with its definition; groups smaller than five are shown as "<5".' })
class DashboardBreakdownType {
  @Field({ description: 'Stable, e.g. `members.byCategory`.' }) key!: string;
  @Field({ description: 'Its name on the dashboard.' }) label!: string;
  @Field({ description: 'How it is counted.' }) definition!: string;
  @Field(() => [DashboardCellType], { description: 'One cell per group.' }) cells!: DashboardCellType[];
}

@ObjectType('Dashboard', { description: 'An organisation’s figures over its subtree: counts only, the small-count rule applied.' })
class DashboardType {
  @Field(() => Int, { description: 'The year the yearly figures cover.' }) year!: number;
  @Field({ description: 'The organisation whose subtree it covers.' }) organizationName!: string;
  @Field(() => [DashboardFigureType], { description: 'The single figures, each with its definition.' }) figures!: DashboardFigureType[];
  @Field(() => [DashboardBreakdownType], { description: 'Figures broken down by a dimension, with the small-count rule.' }) breakdowns!: DashboardBreakdownType[];
  @Field(() => GraphQLISODateTime, { description: 'When the figures were computed (they are refreshed in the background every few minutes).' }) computedAt!: Date;
}

@Resolver()
export class DashboardResolver {
  @Query(() => DashboardType, { description: 'The dashboard of an organisation you keep or review (its subtree only).' })
  async dashboard(@Arg('organizationId', () => ID) organizationId: string, @Ctx() ctx: Context): Promise<DashboardType> {
    const org = await readsDashboard(ctx.em, ctx, expectGlobalId(organizationId, 'Organization', 'organizationId'));
    if (!org) throw new AppError(ErrorCode.NOT_FOUND, 'The organisation does not exist.');
    return { organizationName: org.name, ...(await cachedDashboard(ctx.em, org)) };
  }
}
