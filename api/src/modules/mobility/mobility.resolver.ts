/** 流动党员 in GraphQL: the register of each side under the read rule in SQL; the steps through the service. */
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import type { Context } from '../../core/graphql/context.js';
import { defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { mutate } from '../../core/graphql/payload.js';
import { listById } from '../../core/graphql/list-by-id.js';
import { expectGlobalId, toGlobalId, type Connection } from '../../core/graphql/relay.js';
import { memberNameById } from '../members/member.access.js';
import { chinaToday } from '../members/member.rules.js';
import { Organization } from '../organizations/organization.entity.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { flagsOf, MobileFlag } from './contact-rules.js';
import { mobileReadFilter, registrationById, VISIBLE_TO_HOST } from './mobility.access.js';
import { ContactKind, MobileContact, MobileRegistration, MobileStatus } from './mobility.entity.js';
import { addContact, confirmArrival, decideOutflow, registerOutflow, returnHome } from './mobility.service.js';
import { clustersOf, formTemporaryBranch } from './temporary-branch.js';
import { MobileClusterType, MobileContactInput, MobileContactType, MobileFilter, MobilePayload, MobileRegisterInput, MobileRegistrationConnection, MobileRegistrationType, MobileSide, MobileTemporaryBranchInput, MobileTemporaryBranchPayload } from './mobility.types.js';

registerNodeType({ typeName: 'MobileRegistration', entity: MobileRegistration, load: (ctx, id) => registrationById(ctx).load(id) });

const contactsOf = defineLoader<number, MobileContact[]>(async (ctx, ids) =>
  groupByKey(ids, await ctx.em.find(MobileContact, { registration: { $in: [...ids] } }, { orderBy: { contactedOn: 'desc', id: 'desc' } }), (c) => c.registration.id),
);
const local = (id: string) => expectGlobalId(id, 'MobileRegistration', 'id');

@Resolver(() => MobileRegistrationType)
export class MobileRegistrationResolver {
  @FieldResolver(() => ID)
  id(@Root() r: MobileRegistration): string {
    return toGlobalId('MobileRegistration', r.id);
  }

  @FieldResolver(() => String, { description: 'The member’s name (both sides).' })
  async memberName(@Root() r: MobileRegistration, @Ctx() ctx: Context): Promise<string> {
    return (await memberNameById(ctx).load(r.member.id)) ?? '';
  }

  @FieldResolver(() => OrganizationType, { description: 'The member’s own organisation.', nullable: true })
  homeOrganization(@Root() r: MobileRegistration, @Ctx() ctx: Context): Promise<Organization | null> {
    return organizationById(ctx).load(r.homeOrganization.id);
  }

  @FieldResolver(() => OrganizationType, { description: 'The organisation where they stay, once reported.', nullable: true })
  hostOrganization(@Root() r: MobileRegistration, @Ctx() ctx: Context): Promise<Organization | null> {
    return r.hostOrganization ? organizationById(ctx).load(r.hostOrganization.id) : Promise.resolve(null);
  }

  @FieldResolver(() => [MobileContactType], { description: '联系记录, newest first.' })
  contacts(@Root() r: MobileRegistration, @Ctx() ctx: Context): Promise<MobileContact[]> {
    return contactsOf(ctx).load(r.id);
  }

  @FieldResolver(() => [MobileFlag], { description: 'While away: no contact for 6 months, no report home for a year.' })
  async flags(@Root() r: MobileRegistration, @Ctx() ctx: Context): Promise<MobileFlag[]> {
    if (r.status !== MobileStatus.APPROVED && r.status !== MobileStatus.AT_HOST) return [];
    const contacts = await contactsOf(ctx).load(r.id);
    return flagsOf({ startsOn: r.startsOn, lastContactOn: contacts[0]?.contactedOn ?? null, lastReportOn: contacts.find((c) => c.kind === ContactKind.YEARLY_REPORT)?.contactedOn ?? null }, chinaToday());
  }

  @Query(() => MobileRegistrationConnection, { description: '流动党员 register: members away from the organisations you read (HOME), or staying with them (HOST).' })
  async mobileRegistrations(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => MobileFilter, { nullable: true }) filter: MobileFilter | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<MobileRegistration>> {
    const access = mobileReadFilter(ctx);
    const where: FilterQuery<MobileRegistration>[] = access ? [access] : [];
    const orgs = accessibleWhere<Organization>(ctx.ability, 'readMemberRecords', 'Organization');
    const scope = isUnrestricted(orgs) ? {} : orgs;
    if (filter?.side === MobileSide.HOME) where.push(scope ? ({ homeOrganization: scope } as FilterQuery<MobileRegistration>) : { id: 0 });
    if (filter?.side === MobileSide.HOST) where.push(scope ? ({ hostOrganization: scope, status: { $in: VISIBLE_TO_HOST } } as FilterQuery<MobileRegistration>) : { id: 0 });
    if (filter?.open) where.push({ status: { $in: [MobileStatus.APPLIED, MobileStatus.APPROVED, MobileStatus.AT_HOST] } });
    return listById(ctx.em, MobileRegistration, access ? { $and: where } : null, { first, after, order: 'desc' });
  }

  @Query(() => [MobileClusterType], { description: 'Members of one 党委 away at one place without a host, three or more: those who may form a 临时党支部 (in the organisation’s subtree).' })
  async mobileClusters(@Arg('organizationId', () => ID) organizationId: string, @Ctx() ctx: Context): Promise<MobileClusterType[]> {
    const org = await ctx.em.findOne(Organization, expectGlobalId(organizationId, 'Organization', 'organizationId'));
    return org ? clustersOf(ctx.em, ctx, org.path) : [];
  }

  @Mutation(() => MobileTemporaryBranchPayload, { description: 'Forms a 临时党支部 under the home 党委 (its admins) for three or more members away at one place; they join its life as guests, dues stay home.' })
  mobileTemporaryBranch(@Arg('input') input: MobileTemporaryBranchInput, @Ctx() ctx: Context): Promise<MobileTemporaryBranchPayload> {
    return mutate(async () => ({ branch: (await formTemporaryBranch(ctx.em, ctx, input.registrationIds.map((id) => local(id)), input.name ?? null)).branch }));
  }

  @Mutation(() => MobilePayload, { description: '外出登记 (the member, or the admins of their branch); one open registration per member.' })
  mobileRegister(@Arg('input') input: MobileRegisterInput, @Ctx() ctx: Context): Promise<MobilePayload> {
    return mutate(async () => ({
      registration: await registerOutflow(ctx.em, ctx, {
        ...input,
        memberId: expectGlobalId(input.memberId, 'Member', 'memberId'),
        hostOrganizationId: input.hostOrganizationId ? expectGlobalId(input.hostOrganizationId, 'Organization', 'hostOrganizationId') : null,
      }),
    }));
  }

  @Mutation(() => MobilePayload, { description: 'The home 党委 approves (issuing the 流动党员活动证) or declines with a reason.' })
  mobileDecide(@Arg('id', () => ID) id: string, @Arg('approve', { description: 'Approve, or refuse.' }) approve: boolean, @Arg('note', () => String, { description: 'A note (required to refuse).', nullable: true }) note: string | null, @Ctx() ctx: Context): Promise<MobilePayload> {
    return mutate(async () => ({ registration: await decideOutflow(ctx.em, ctx, local(id), approve, note) }));
  }

  @Mutation(() => MobilePayload, { description: 'The host (on the platform) confirms the member reported on arrival.' })
  mobileArrive(@Arg('id', () => ID) id: string, @Arg('arrivedOn', { description: 'The day the member reported (YYYY-MM-DD).' }) arrivedOn: string, @Ctx() ctx: Context): Promise<MobilePayload> {
    return mutate(async () => ({ registration: await confirmArrival(ctx.em, ctx, local(id), arrivedOn) }));
  }

  @Mutation(() => MobilePayload, { description: 'Records a contact (home or host side); the yearly report home is one kind.' })
  mobileContactAdd(@Arg('input') input: MobileContactInput, @Ctx() ctx: Context): Promise<MobilePayload> {
    return mutate(async () => {
      const id = local(input.registrationId);
      await addContact(ctx.em, ctx, id, input);
      return { registration: (await ctx.em.findOneOrFail(MobileRegistration, id)) as object };
    });
  }

  @Mutation(() => MobilePayload, { description: 'The member is back: the registration closes (the home branch’s admins).' })
  mobileReturn(@Arg('id', () => ID) id: string, @Arg('returnedOn', { description: 'The day the member came back (YYYY-MM-DD).' }) returnedOn: string, @Ctx() ctx: Context): Promise<MobilePayload> {
    return mutate(async () => ({ registration: await returnHome(ctx.em, ctx, local(id), returnedOn) }));
  }
}
