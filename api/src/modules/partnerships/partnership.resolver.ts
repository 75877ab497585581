/** GraphQL adapter for 共建 partnerships. */
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertCan } from '../../core/authz/check.js';
import { findAuthorised } from '../../core/authz/queries.js';
import type { Context } from '../../core/graphql/context.js';
import { byKey, defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { mutate } from '../../core/graphql/payload.js';
import { expectGlobalId, toGlobalId } from '../../core/graphql/relay.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { enterpriseById } from '../enterprises/enterprise.loaders.js';
import { EnterpriseType } from '../enterprises/enterprise.types.js';
import { User } from '../identity/user.entity.js';
import { Partnership, PartnershipStatus, PartnerLink } from './partnership.entity.js';
import { acceptPartnership, declinePartnership, endPartnership, proposePartnership } from './partnership.service.js';
import { PartnershipPayload, PartnershipType } from './partnership.types.js';

/** A partnership, if the caller manages either side of it (one query for the caller's enterprises). */
const partnershipById = defineLoader<number, Partnership | null>(async (ctx, ids) => {
  const managed = (await findAuthorised(ctx, Enterprise, 'Enterprise', {}, {}, 'managePartnerships')).map((e) => e.id);
  const rows = managed.length ? await ctx.em.find(Partnership, { id: { $in: [...ids] }, $or: [{ proposer: { $in: managed } }, { partner: { $in: managed } }] }) : [];
  return byKey(ids, rows, (p) => p.id);
});

registerNodeType({ typeName: 'Partnership', entity: Partnership, load: (ctx, id) => partnershipById(ctx).load(id) });

/** Active partners of each enterprise: public, like the 共建单位 list on a portal. */
const activePartnersOf = defineLoader<number, number[]>(async (ctx, ids) => {
  const links = await ctx.em.find(PartnerLink, { enterprise: { $in: [...ids] } }, { orderBy: { partner: 'asc' } });
  return groupByKey(ids, links, (l) => l.enterprise.id).map((list) => list.map((l) => l.partner.id));
});

const userName = defineLoader<number, string | null>(async (ctx, ids) => byKey(ids, await ctx.em.find(User, { id: { $in: [...ids] } }), (u) => u.id).map((u) => u?.displayName ?? null));

@Resolver(() => EnterpriseType)
export class EnterprisePartnersResolver {
  @FieldResolver(() => [EnterpriseType], { description: 'Enterprises in an active partnership (共建单位) with this one.' })
  async partners(@Root() enterprise: Enterprise, @Ctx() ctx: Context): Promise<Enterprise[]> {
    const ids = await activePartnersOf(ctx).load(enterprise.id);
    return (await enterpriseById(ctx).loadMany(ids)).filter((e): e is Enterprise => e instanceof Enterprise);
  }

  @FieldResolver(() => [PartnershipType], {
    description: 'Every partnership this enterprise proposed or was invited to, newest first, with proposals awaiting an answer among them. For its top-level admins.',
  })
  async partnerships(
    @Root() enterprise: Enterprise,
    @Arg('status', () => PartnershipStatus, { description: 'Only partnerships in this status.', nullable: true }) status: PartnershipStatus | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Partnership[]> {
    await assertCan(ctx.em, ctx, 'managePartnerships', Enterprise, 'Enterprise', enterprise.id, 'The enterprise');
    return ctx.em.find(
      Partnership,
      { $or: [{ proposer: enterprise.id }, { partner: enterprise.id }], ...(status ? { status } : {}) },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 200 },
    );
  }
}

@Resolver(() => PartnershipType)
export class PartnershipResolver {
  @Query(() => PartnershipType, { nullable: true, description: 'A partnership, if you manage either side of it.' })
  partnership(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Partnership | null> {
    return partnershipById(ctx).load(expectGlobalId(id, 'Partnership'));
  }

  @FieldResolver(() => ID)
  id(@Root() p: Partnership): string {
    return toGlobalId('Partnership', p.id);
  }

  @FieldResolver(() => EnterpriseType, { description: 'The enterprise that proposed it.' })
  async proposer(@Root() p: Partnership, @Ctx() ctx: Context): Promise<Enterprise | null> {
    return enterpriseById(ctx).load(p.proposer.id);
  }

  @FieldResolver(() => EnterpriseType, { description: 'The enterprise invited.' })
  async partner(@Root() p: Partnership, @Ctx() ctx: Context): Promise<Enterprise | null> {
    return enterpriseById(ctx).load(p.partner.id);
  }

  @FieldResolver(() => String, { description: 'Who proposed it.', nullable: true })
  proposedByName(@Root() p: Partnership, @Ctx() ctx: Context): Promise<string | null> | null {
    return p.proposedBy ? userName(ctx).load(p.proposedBy.id) : null;
  }

  @FieldResolver(() => String, { description: 'Who answered.', nullable: true })
  decidedByName(@Root() p: Partnership, @Ctx() ctx: Context): Promise<string | null> | null {
    return p.decidedBy ? userName(ctx).load(p.decidedBy.id) : null;
  }

  @FieldResolver(() => String, { description: 'Who ended it.', nullable: true })
  endedByName(@Root() p: Partnership, @Ctx() ctx: Context): Promise<string | null> | null {
    return p.endedBy ? userName(ctx).load(p.endedBy.id) : null;
  }

  @Mutation(() => PartnershipPayload, { description: 'Proposes a partnership (共建) to another enterprise (top-level admins of the proposing one).' })
  partnershipPropose(
    @Arg('enterpriseId', () => ID, { description: 'Your enterprise.' }) enterpriseId: string,
    @Arg('partnerEnterpriseId', () => ID, { description: 'The enterprise to partner with.' }) partnerEnterpriseId: string,
    @Arg('message', () => String, { description: 'A message to the partner.', nullable: true }) message: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<PartnershipPayload> {
    const from = expectGlobalId(enterpriseId, 'Enterprise', 'enterpriseId');
    const to = expectGlobalId(partnerEnterpriseId, 'Enterprise', 'partnerEnterpriseId');
    return mutate(async () => ({ partnership: await proposePartnership(ctx.em, ctx, from, to, message) }));
  }

  @Mutation(() => PartnershipPayload, { description: 'Accepts a proposal (top-level admins of the invited enterprise): PARTNERS content is shared from now on.' })
  partnershipAccept(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PartnershipPayload> {
    const local = expectGlobalId(id, 'Partnership');
    return mutate(async () => ({ partnership: await acceptPartnership(ctx.em, ctx, local) }));
  }

  @Mutation(() => PartnershipPayload, { description: 'Declines a proposal, optionally with a reason (the invited enterprise).' })
  partnershipDecline(@Arg('id', () => ID) id: string, @Arg('reason', () => String, { description: 'Why.', nullable: true }) reason: string | null | undefined, @Ctx() ctx: Context): Promise<PartnershipPayload> {
    const local = expectGlobalId(id, 'Partnership');
    return mutate(async () => ({ partnership: await declinePartnership(ctx.em, ctx, local, reason) }));
  }

  @Mutation(() => PartnershipPayload, { description: 'Ends a partnership, or withdraws a proposal (either side): PARTNERS content stops being shared at once.' })
  partnershipEnd(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PartnershipPayload> {
    const local = expectGlobalId(id, 'Partnership');
    return mutate(async () => ({ partnership: await endPartnership(ctx.em, ctx, local) }));
  }
}

