/** GraphQL adapter for usage figures: one item's, or an organisation subtree's, for dashboards. */
import { Arg, Ctx, Field, FieldResolver, GraphQLISODateTime, ID, Int, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { assertCan } from '../../core/authz/check.js';
import type { Context } from '../../core/graphql/context.js';
import { badInput } from '../../core/graphql/errors.js';
import { fromGlobalId, expectGlobalId } from '../../core/graphql/relay.js';
import { Content } from '../content/content.entity.js';
import { kindOfTypeName } from '../content/kinds.js';
import { Organization } from '../organizations/organization.entity.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { UsageInterval, usageReport, usageWindow, type UsageByOrganization, type UsageReport } from './usage.report.js';

registerEnumType(UsageInterval, {
  name: 'UsageInterval',
  description: 'Calendar periods in China Standard Time.',
  valuesConfig: {
    DAY: { description: 'A calendar day.' },
    WEEK: { description: 'A week, Monday to Sunday.' },
    MONTH: { description: 'A calendar month.' },
  },
});

@ObjectType('UsageFigures', { description: 'Views, downloads, access requests and adoptions of items.' })
class UsageFiguresType {
  @Field(() => Int, { description: 'Views.' }) views!: number;
  @Field(() => Int, { description: 'Downloads.' }) downloads!: number;
  @Field(() => Int, { description: 'Adoptions.' }) adoptions!: number;
  @Field(() => Int, { description: 'Access requests received.' }) requests!: number;
}

@ObjectType('UsagePoint', { description: 'Usage figures for one period.' })
class UsagePointType extends UsageFiguresType {
  @Field({ description: 'First day of the period (YYYY-MM-DD).' }) periodStart!: string;
}

@ObjectType('UsageByOrganization', { description: 'Figures per acting organisation: the viewer’s or downloader’s most specific membership, the adopting or requesting organisation. Anonymous visitors and API keys have none.' })
class UsageByOrganizationType extends UsageFiguresType {}

@ObjectType('UsageReport', { description: 'Usage of an organisation’s content over a span, in total and by period.' })
class UsageReportType {
  @Field(() => GraphQLISODateTime, { description: 'From.' }) since!: Date;
  @Field(() => GraphQLISODateTime, { description: 'Until.' }) until!: Date;
  @Field(() => UsageInterval, { description: 'The length of its periods.' }) interval!: UsageInterval;
  @Field(() => UsageFiguresType, { description: 'Sums over the window.' }) totals!: UsageFiguresType;
  @Field(() => [UsagePointType], { description: 'One point per period, empty periods included.' }) series!: UsagePointType[];
  @Field(() => [UsageByOrganizationType], { description: 'The 50 most active organisations in the window.' }) byOrganization!: UsageByOrganizationType[];
}


@Resolver(() => UsageByOrganizationType)
export class UsageByOrganizationResolver {
  @FieldResolver(() => OrganizationType, { description: 'The organisation.', nullable: true })
  organization(@Root() row: UsageByOrganization, @Ctx() ctx: Context): Promise<Organization | null> | null {
    return row.organizationId == null ? null : organizationById(ctx).load(row.organizationId);
  }
}

@Resolver()
export class UsageResolver {
  @Query(() => UsageReportType, { description: 'An item’s usage over a window (default: the last 30 days), for its author and the editors, reviewers and admins at or above its owner.' })
  async contentUsage(
    @Arg('id', () => ID) id: string,
    @Arg('since', () => GraphQLISODateTime, { description: 'From this time.', nullable: true }) since: Date | null,
    @Arg('until', () => GraphQLISODateTime, { description: 'Until this time.', nullable: true }) until: Date | null,
    @Arg('interval', () => UsageInterval, { description: 'Group the figures by day, week or month.', nullable: true, defaultValue: UsageInterval.DAY }) interval: UsageInterval,
    @Ctx() ctx: Context,
  ): Promise<UsageReport> {
    const decoded = fromGlobalId(id);
    if (!decoded || !kindOfTypeName(decoded.type)) throw badInput('Not a valid content id.', 'id');
    const window = usageWindow(since, until, interval);
    await assertCan(ctx.em, ctx, 'readStatistics', Content, 'Content', decoded.id, 'The item');
    return usageReport(ctx.em, { contentId: String(decoded.id) }, window, interval);
  }

  @Query(() => UsageReportType, { description: 'Usage of every item an organisation’s subtree owns, for the editors, reviewers and admins at or above it.' })
  async organizationUsage(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('since', () => GraphQLISODateTime, { description: 'From this time.', nullable: true }) since: Date | null,
    @Arg('until', () => GraphQLISODateTime, { description: 'Until this time.', nullable: true }) until: Date | null,
    @Arg('interval', () => UsageInterval, { description: 'Group the figures by day, week or month.', nullable: true, defaultValue: UsageInterval.DAY }) interval: UsageInterval,
    @Ctx() ctx: Context,
  ): Promise<UsageReport> {
    const local = expectGlobalId(organizationId, 'Organization', 'organizationId');
    const window = usageWindow(since, until, interval);
    await assertCan(ctx.em, ctx, 'readStatistics', Organization, 'Organization', local, 'The organisation');
    const org = await ctx.em.findOneOrFail(Organization, local);
    return usageReport(ctx.em, { subtreePath: org.path }, window, interval);
  }
}
