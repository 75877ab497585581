/** 组织关系转接 in GraphQL: lists and the node under the read rule in SQL; steps through the service. */
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import { requireUser } from '../../core/authz/check.js';
import type { Context } from '../../core/graphql/context.js';
import { byKey, defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { mutate } from '../../core/graphql/payload.js';
import { listById } from '../../core/graphql/list-by-id.js';
import { expectGlobalId, toGlobalId, type Connection } from '../../core/graphql/relay.js';
import { User } from '../identity/user.entity.js';
import { memberById, memberNameById } from '../members/member.access.js';
import { Member } from '../members/member.entity.js';
import { keysFor } from '../members/member.keys.js';
import { maskIdNumber } from '../members/personal-data.js';
import { chinaToday } from '../members/member.rules.js';
import { MemberType } from '../members/member.types.js';
import type { Organization } from '../organizations/organization.entity.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { OPEN, STATUS_LABEL, statusOn, TransferAction, TransferStatus } from './states.js';
import { transferById, transferReadFilter, VISIBLE_TO_RECEIVER } from './transfer.access.js';
import { Transfer, TransferStep } from './transfer.entity.js';
import { actionsFor, actOnTransfer, applyTransfer } from './transfer.service.js';
import { TransferActInput, TransferApplyInput, TransferConnection, TransferDirection, TransferFilter, TransferPayload, TransferPersonType, TransferStepType, TransferType } from './transfer.types.js';

registerNodeType({ typeName: 'Transfer', entity: Transfer, load: (ctx, id) => transferById(ctx).load(id) });

const stepsOf = defineLoader<number, TransferStep[]>(async (ctx, ids) =>
  groupByKey(ids, await ctx.em.find(TransferStep, { transfer: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (s) => s.transfer.id),
);
/** The member rows behind transfers the caller reads (the transfer's read rule already applied). */
const personOf = defineLoader<number, Member | null>(async (ctx, ids) => byKey(ids, await ctx.em.find(Member, { id: { $in: [...ids] } }), (m) => m.id));
const userName = defineLoader<number, string | null>(async (ctx, ids) => {
  const users = byKey(ids, await ctx.em.find(User, { id: { $in: [...ids] } }, { fields: ['id', 'displayName'] }), (u) => u.id);
  return users.map((u) => u?.displayName ?? null);
});

@Resolver(() => TransferType)
export class TransferResolver {
  @FieldResolver(() => ID)
  id(@Root() t: Transfer): string {
    return toGlobalId('Transfer', t.id);
  }

  @FieldResolver(() => TransferStatus, { description: 'As of today: an issued letter past its validity is EXPIRED.' })
  status(@Root() t: Transfer): TransferStatus {
    return statusOn(t.status, t.validUntil, chinaToday());
  }

  @FieldResolver(() => String, { description: 'The status in words.' })
  statusLabel(@Root() t: Transfer): string {
    return STATUS_LABEL[statusOn(t.status, t.validUntil, chinaToday())];
  }

  @FieldResolver(() => MemberType, { nullable: true, description: 'The member record, where you may read it (the receiving side reads the record it keeps after receipt).' })
  async member(@Root() t: Transfer, @Ctx() ctx: Context): Promise<Member | null> {
    return (await memberById(ctx).load(t.member.id)) ?? (t.receivedMember ? memberById(ctx).load(t.receivedMember.id) : null);
  }

  @FieldResolver(() => String, { description: 'The person’s name, as the letter carries it (both sides).' })
  async memberName(@Root() t: Transfer, @Ctx() ctx: Context): Promise<string> {
    return (await memberNameById(ctx).load(t.member.id)) ?? '';
  }

  @FieldResolver(() => TransferPersonType, { description: 'The person as the letter describes them — for both sides (the receiving side from the letter on).' })
  async person(@Root() t: Transfer, @Ctx() ctx: Context): Promise<TransferPersonType> {
    const m = (await personOf(ctx).load(t.member.id))!;
    return { name: m.name, sex: m.sex, birthDate: m.birthDate, ethnicity: m.ethnicity, education: m.education, category: m.category, joinedOn: m.joinedOn, confirmedOn: m.confirmedOn, idNumber: maskIdNumber(keysFor(ctx.em).open(m.idNumberSealed)) };
  }

  @FieldResolver(() => OrganizationType, { description: 'The branch the member leaves.', nullable: true })
  fromOrganization(@Root() t: Transfer, @Ctx() ctx: Context): Promise<Organization | null> {
    return organizationById(ctx).load(t.fromOrganization.id);
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: 'The 党委 that issues the letter.' })
  sendingCommittee(@Root() t: Transfer, @Ctx() ctx: Context): Promise<Organization | null> {
    return organizationById(ctx).load(t.sendingCommittee.id);
  }

  @FieldResolver(() => OrganizationType, { description: 'The receiving organisation on the platform, if any.', nullable: true })
  toOrganization(@Root() t: Transfer, @Ctx() ctx: Context): Promise<Organization | null> {
    return t.toOrganization ? organizationById(ctx).load(t.toOrganization.id) : Promise.resolve(null);
  }

  @FieldResolver(() => [TransferAction], { description: 'What you may do with it now.' })
  availableActions(@Root() t: Transfer, @Ctx() ctx: Context): Promise<TransferAction[]> {
    return actionsFor(ctx.em, ctx, t);
  }

  @FieldResolver(() => [TransferStepType], { description: 'Every step, oldest first.' })
  async steps(@Root() t: Transfer, @Ctx() ctx: Context): Promise<TransferStepType[]> {
    const steps = await stepsOf(ctx).load(t.id);
    return Promise.all(steps.map(async (s) => ({ action: s.action, status: s.status, opinion: s.opinion, at: s.at, byName: s.by ? await userName(ctx).load(s.by.id) : null })));
  }

  @Query(() => TransferConnection, { description: 'Transfers you may see, newest first: outgoing, incoming (from the letter on) or your own.' })
  async transfers(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => TransferFilter, { nullable: true }) filter: TransferFilter | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Transfer>> {
    const access = transferReadFilter(ctx);
    const where: FilterQuery<Transfer>[] = access ? [access] : [];
    const orgs = accessibleWhere<Organization>(ctx.ability, 'readMemberRecords', 'Organization');
    const scope = isUnrestricted(orgs) ? {} : orgs;
    if (filter?.direction === TransferDirection.OUTGOING) where.push(scope ? ({ fromOrganization: scope } as FilterQuery<Transfer>) : { id: 0 });
    if (filter?.direction === TransferDirection.INCOMING) where.push(scope ? ({ toOrganization: scope, status: { $in: VISIBLE_TO_RECEIVER } } as FilterQuery<Transfer>) : { id: 0 });
    if (filter?.direction === TransferDirection.MINE) where.push({ $or: [{ member: { user: requireUser(ctx.viewer).userId } }, { receivedMember: { user: requireUser(ctx.viewer).userId } }] });
    if (filter?.open) where.push({ status: { $in: [...OPEN] } });
    return listById(ctx.em, Transfer, access ? { $and: where } : null, { first, after, order: 'desc' });
  }

  @Mutation(() => TransferPayload, { description: '申请组织关系转接: by the member, or by the admins of their branch. One transfer under way per member.' })
  transferApply(@Arg('input') input: TransferApplyInput, @Ctx() ctx: Context): Promise<TransferPayload> {
    return mutate(async () => ({
      transfer: await applyTransfer(ctx.em, ctx, {
        memberId: expectGlobalId(input.memberId, 'Member', 'memberId'),
        reach: input.reach,
        toOrganizationId: input.toOrganizationId ? expectGlobalId(input.toOrganizationId, 'Organization', 'toOrganizationId') : null,
        destination: input.destination,
        reason: input.reason,
      }),
    }));
  }

  @Mutation(() => TransferPayload, { description: 'Takes a step of a transfer, on the side that decides it (see TransferAction).' })
  transferAct(@Arg('input') input: TransferActInput, @Ctx() ctx: Context): Promise<TransferPayload> {
    return mutate(async () => ({ transfer: await actOnTransfer(ctx.em, ctx, { ...input, transferId: expectGlobalId(input.transferId, 'Transfer', 'transferId') }) }));
  }
}
