/** Compliance and the rest of organisational life in GraphQL: the subtree's branches against the calendar, talks, exemptions, the calendar itself. */
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { can } from '../../core/authz/check.js';
import type { Context } from '../../core/graphql/context.js';
import { AppError, ErrorCode } from '../../core/graphql/errors.js';
import { mutate } from '../../core/graphql/payload.js';
import { expectGlobalId, toGlobalId } from '../../core/graphql/relay.js';
import { Organization } from '../organizations/organization.entity.js';
import { Cycle, ITEM_LABEL, ItemStatus, LifeItem, parsePeriod } from './compliance.js';
import { lifeOf, requirementsOf } from './compliance.service.js';
import { grantExemption, recordTalk, setRequirement } from './life.service.js';
import { HeartTalkInput, LifeExemptionInput, LifePayload, LifeRequirementType, OrganizationLifeType } from './meeting.types.js';

const MAX_BRANCHES = 2000;

async function readableOrganization(ctx: Context, id: string): Promise<Organization> {
  const org = await ctx.em.findOne(Organization, expectGlobalId(id, 'Organization', 'organizationId'));
  if (!org || !(await can(ctx.em, ctx, 'readOrganizationalLife', Organization, 'Organization', org.id))) throw new AppError(ErrorCode.NOT_FOUND, 'The organisation does not exist.');
  return org;
}

@Resolver()
export class LifeResolver {
  @Query(() => OrganizationLifeType, { description: 'Compliance of the subtree’s branches with the calendar of §6 for a period (2026, 2026-Q4, 2026-11): what was due, held and approved, what is missing.' })
  async organizationLife(@Arg('organizationId', () => ID) organizationId: string, @Arg('period', { description: 'The period: YYYY or YYYY-Qn.' }) period: string, @Ctx() ctx: Context): Promise<OrganizationLifeType> {
    const p = parsePeriod(period);
    const org = await readableOrganization(ctx, organizationId);
    // A 临时党支部 holds its members' life as guests; the calendar is owed by their home branches.
    const branches = await ctx.em.find(Organization, { path: { $like: `${org.path}%` }, level: 'BRANCH', archivedAt: null, temporary: false }, { orderBy: { path: 'asc' }, limit: MAX_BRANCHES });
    const lives = await lifeOf(ctx.em, org.enterprise.id, branches, p);
    const rows = lives.map((l) => ({
      organizationId: toGlobalId('Organization', l.organization.id),
      name: l.organization.name,
      complete: l.complete,
      missing: l.rows.filter((r) => r.status === ItemStatus.MISSING).map((r) => `${r.label} ${r.cycle}`),
      rows: l.rows,
    }));
    rows.sort((a, b) => Number(a.complete) - Number(b.complete));
    return { period: p.key, complete: rows.every((r) => r.complete), branches: rows };
  }

  @Query(() => [LifeRequirementType], { description: 'The enterprise’s compliance calendar (§6 defaults where it set none).' })
  async lifeRequirements(@Arg('organizationId', () => ID) organizationId: string, @Ctx() ctx: Context): Promise<LifeRequirementType[]> {
    const org = await readableOrganization(ctx, organizationId);
    return (await requirementsOf(ctx.em, org.enterprise.id)).map((r) => ({ ...r, label: ITEM_LABEL[r.item] }));
  }

  @Mutation(() => LifePayload, { description: 'Logs a 谈心谈话 in a branch (its admins, or the one who led the talk).' })
  heartTalkRecord(@Arg('input') input: HeartTalkInput, @Ctx() ctx: Context): Promise<LifePayload> {
    return mutate(async () => {
      await recordTalk(ctx.em, ctx, {
        ...input,
        organizationId: expectGlobalId(input.organizationId, 'Organization', 'organizationId'),
        byMemberId: expectGlobalId(input.byMemberId, 'Member', 'byMemberId'),
        withMemberId: expectGlobalId(input.withMemberId, 'Member', 'withMemberId'),
      });
      return { ok: true };
    }) as Promise<LifePayload>;
  }

  @Mutation(() => LifePayload, { description: 'The committee above excuses a member from attendance (age, illness, abroad): left out of 应到 and of ratios unless they come.' })
  lifeExemptionGrant(@Arg('input') input: LifeExemptionInput, @Ctx() ctx: Context): Promise<LifePayload> {
    return mutate(async () => {
      await grantExemption(ctx.em, ctx, { ...input, memberId: expectGlobalId(input.memberId, 'Member', 'memberId') });
      return { ok: true };
    }) as Promise<LifePayload>;
  }

  @Mutation(() => LifePayload, { description: 'Sets the enterprise’s own frequency for an item (its root committee’s admins); 0 switches it off.' })
  lifeRequirementSet(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('item', () => LifeItem, { description: 'The item.' }) item: LifeItem,
    @Arg('cycle', () => Cycle, { description: 'How often it is owed.' }) cycle: Cycle,
    @Arg('target', { description: 'How many per cycle (or the per-cent or 学时 target).' }) target: number,
    @Ctx() ctx: Context,
  ): Promise<LifePayload> {
    return mutate(async () => {
      await setRequirement(ctx.em, ctx, expectGlobalId(organizationId, 'Organization', 'organizationId'), item, cycle, target);
      return { ok: true };
    }) as Promise<LifePayload>;
  }
}
