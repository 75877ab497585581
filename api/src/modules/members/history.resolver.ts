import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/graphql/context.js';
import { badInput } from '../../core/graphql/errors.js';
import { defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { mutate } from '../../core/graphql/payload.js';
import { expectGlobalId } from '../../core/graphql/relay.js';
import { parseYuan } from '../../core/money.js';
import { Discipline, MemberAward, MemberCare } from './history.entity.js';
import { addAward, addCare } from './history.service.js';
import { MemberAwardInput, MemberAwardType, MemberCareInput, MemberCareType, MemberHistoryPayload } from './history.types.js';
import { memberById } from './member.access.js';
import type { Member } from './member.entity.js';
import { chinaToday } from './member.rules.js';
import { MemberType } from './member.types.js';

// The members were resolved through the read filter: their entries are theirs to show.
const awardsOf = defineLoader<number, MemberAward[]>(async (ctx, ids) =>
  groupByKey(ids, await ctx.em.find(MemberAward, { member: { $in: [...ids] } }, { orderBy: { decidedOn: 'desc', id: 'desc' } }), (a) => a.member.id),
);
const careOf = defineLoader<number, MemberCare[]>(async (ctx, ids) =>
  groupByKey(ids, await ctx.em.find(MemberCare, { member: { $in: [...ids] } }, { orderBy: { happenedOn: 'desc', id: 'desc' } }), (c) => c.member.id),
);

@Resolver(() => MemberType)
export class MemberHistoryResolver {
  @FieldResolver(() => [MemberAwardType], { description: '奖惩, newest first.' })
  awards(@Root() member: Member, @Ctx() ctx: Context): Promise<MemberAward[]> {
    return awardsOf(ctx).load(member.id);
  }

  @FieldResolver(() => [MemberCareType], { description: '党内关爱, newest first.' })
  care(@Root() member: Member, @Ctx() ctx: Context): Promise<MemberCare[]> {
    return careOf(ctx).load(member.id);
  }

  @FieldResolver(() => Boolean, { description: 'Under 留党察看 today: may not vote, stand, or be a 介绍人.' })
  async underProbation(@Root() member: Member, @Ctx() ctx: Context): Promise<boolean> {
    const today = chinaToday();
    return (await awardsOf(ctx).load(member.id)).some((a) => a.discipline === Discipline.PROBATION && a.decidedOn <= today && a.until !== null && a.until > today);
  }
}

@Resolver()
export class MemberHistoryMutations {
  @Mutation(() => MemberHistoryPayload, { description: 'Records an award or a Party discipline (admins who keep the record).' })
  memberAwardAdd(@Arg('input') input: MemberAwardInput, @Ctx() ctx: Context): Promise<MemberHistoryPayload> {
    const memberId = expectGlobalId(input.memberId, 'Member', 'memberId');
    return mutate(async () => {
      await addAward(ctx.em, ctx, { ...input, memberId });
      return { member: (await memberById(ctx).load(memberId))! };
    });
  }

  @Mutation(() => MemberHistoryPayload, { description: 'Records a care visit or help given (admins who keep the record).' })
  memberCareAdd(@Arg('input') input: MemberCareInput, @Ctx() ctx: Context): Promise<MemberHistoryPayload> {
    const memberId = expectGlobalId(input.memberId, 'Member', 'memberId');
    return mutate(async () => {
      const amountFen = input.amount ? parseYuan(input.amount) : null;
      if (input.amount && amountFen === null) throw badInput('An amount in yuan, e.g. 500.00.', 'amount');
      await addCare(ctx.em, ctx, { ...input, memberId, amountFen });
      return { member: (await memberById(ctx).load(memberId))! };
    });
  }
}
