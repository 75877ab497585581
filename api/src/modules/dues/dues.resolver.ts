import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/graphql/context.js';
import { badInput } from '../../core/graphql/errors.js';
import { defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { mutate } from '../../core/graphql/payload.js';
import { expectGlobalId, toGlobalId } from '../../core/graphql/relay.js';
import { localRuleValue } from '../local-rules/local-rules.service.js';
import { memberById, memberNameById, readsMembersOf, unmasked } from '../members/member.access.js';
import { duesItemReadFilter } from './dues.access.js';
import type { Member } from '../members/member.entity.js';
import { MemberType } from '../members/member.types.js';
import type { Organization } from '../organizations/organization.entity.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { DuesItem, DuesItemStatus, DuesMonth } from './dues.entity.js';
import { ARREARS_ALERT_MONTHS } from './dues.local-rules.js';
import { openDuesMonth, payDues, reduceDues, setDuesBase, settleDuesMonth } from './dues.service.js';
import {
  DuesBaseInput,
  DuesBasePayload,
  DuesItemPayload,
  DuesItemType,
  DuesMonthOpenInput,
  DuesMonthPayload,
  DuesMonthType,
  DuesPayInput,
  DuesReduceInput,
  DuesStandingType,
  DuesTotalsType,
} from './dues.types.js';
import { currentMonth } from './month.js';
import { parseYuan } from '../../core/money.js';
import { standingOf, type DuesStanding } from './standing.js';

const fen = (text: string, field: string) => {
  const value = parseYuan(text);
  if (value === null) throw badInput('An amount in yuan, e.g. 6850.00.', field);
  return value;
};

/** Every month of each member (the members were resolved through the read filter). */
const itemsOfMember = defineLoader<number, DuesItem[]>(async (ctx, ids) =>
  groupByKey(ids, await ctx.em.find(DuesItem, { member: { $in: [...ids] } }, { orderBy: { period: 'desc' } }), (i) => i.member.id),
);

/** The enterprise's arrears threshold (LOCAL). */
const alertMonthsOf = defineLoader<number, number>((ctx, enterpriseIds) => Promise.all(enterpriseIds.map((id) => localRuleValue(ctx.em, id, ARREARS_ALERT_MONTHS.key))));

/** A month's items, for those who read the branch's records. */
const itemsOfMonth = defineLoader<number, DuesItem[]>(async (ctx, ids) => {
  const access = duesItemReadFilter(ctx);
  if (!access) return ids.map(() => []);
  return groupByKey(ids, await ctx.em.find(DuesItem, { $and: [{ month: { $in: [...ids] } }, access] }, { orderBy: { id: 'asc' } }), (i) => i.month.id);
});

@Resolver(() => DuesItemType)
export class DuesItemResolver {
  @FieldResolver(() => ID)
  id(@Root() item: DuesItem): string {
    return toGlobalId('DuesItem', item.id);
  }

  @FieldResolver(() => Int, { nullable: true })
  async baseFen(@Root() item: DuesItem, @Ctx() ctx: Context): Promise<number | null> {
    return (await unmasked(ctx).load(item.member.id)) ? item.baseFen : null;
  }

  @FieldResolver(() => String, { nullable: true })
  rate(@Root() item: DuesItem): string | null {
    return item.rateBp === null ? null : `${item.rateBp / 100}%`;
  }

  @FieldResolver(() => Int)
  owedFen(@Root() item: DuesItem): number {
    return item.dueFen - item.reductionFen;
  }

  @FieldResolver(() => MemberType, { nullable: true, description: 'The record, where you read it (a host does not read a guest’s).' })
  member(@Root() item: DuesItem, @Ctx() ctx: Context): Promise<Member | null> {
    return memberById(ctx).load(item.member.id);
  }

  @FieldResolver(() => String, { description: 'Who owes it (also for a guest paying at a host branch).' })
  async memberName(@Root() item: DuesItem, @Ctx() ctx: Context): Promise<string> {
    return (await memberNameById(ctx).load(item.member.id)) ?? '';
  }
}

@Resolver(() => MemberType)
export class MemberDuesResolver {
  @FieldResolver(() => [DuesItemType], { description: '党费: the latest months, newest first.' })
  async dues(@Root() member: Member, @Arg('last', () => Int, { description: 'How many months, newest first.', defaultValue: 12 }) last: number, @Ctx() ctx: Context): Promise<DuesItem[]> {
    if (last < 1 || last > 120) throw badInput('last is 1 to 120.', 'last');
    return (await itemsOfMember(ctx).load(member.id)).slice(0, last);
  }

  @FieldResolver(() => DuesStandingType, { description: 'Paid up to which month, and arrears.' })
  async duesStanding(@Root() member: Member, @Ctx() ctx: Context): Promise<DuesStanding> {
    const [items, alert] = await Promise.all([itemsOfMember(ctx).load(member.id), alertMonthsOf(ctx).load(member.enterprise.id)]);
    return standingOf(items.map((i) => ({ period: i.period, settled: i.status !== DuesItemStatus.UNPAID })), currentMonth(), alert);
  }
}

@Resolver(() => DuesMonthType)
export class DuesMonthResolver {
  @FieldResolver(() => ID)
  id(@Root() month: DuesMonth): string {
    return toGlobalId('DuesMonth', month.id);
  }

  @FieldResolver(() => OrganizationType, { description: 'The branch.', nullable: true })
  organization(@Root() month: DuesMonth, @Ctx() ctx: Context): Promise<Organization | null> {
    return organizationById(ctx).load(month.organization.id);
  }

  @FieldResolver(() => [DuesItemType], { description: 'One item per member.' })
  items(@Root() month: DuesMonth, @Ctx() ctx: Context): Promise<DuesItem[]> {
    return itemsOfMonth(ctx).load(month.id);
  }

  @FieldResolver(() => DuesTotalsType, { description: 'The month’s totals.' })
  async totals(@Root() month: DuesMonth, @Ctx() ctx: Context): Promise<DuesTotalsType> {
    const items = await itemsOfMonth(ctx).load(month.id);
    return {
      members: items.length,
      owedFen: items.reduce((sum, i) => sum + i.dueFen - i.reductionFen, 0),
      paidFen: items.reduce((sum, i) => sum + i.paidFen, 0),
      unpaid: items.filter((i) => i.status === DuesItemStatus.UNPAID).length,
    };
  }

  @Query(() => DuesMonthType, { nullable: true, description: 'A branch’s dues for a month, if opened and you read its records.' })
  async duesMonth(@Arg('organizationId', () => ID) organizationId: string, @Arg('month', { description: 'The month (YYYY-MM).' }) month: string, @Ctx() ctx: Context): Promise<DuesMonth | null> {
    const org = expectGlobalId(organizationId, 'Organization', 'organizationId');
    if (!(await readsMembersOf(ctx).load(org))) return null;
    return ctx.em.findOne(DuesMonth, { organization: org, month: month.trim().slice(0, 7) });
  }
}

@Resolver()
export class DuesMutations {
  @Mutation(() => DuesBasePayload, { description: 'Sets a member’s dues base from a month on (admins who keep the record).' })
  duesBaseSet(@Arg('input') input: DuesBaseInput, @Ctx() ctx: Context): Promise<DuesBasePayload> {
    const memberId = expectGlobalId(input.memberId, 'Member', 'memberId');
    return mutate(async () => {
      await setDuesBase(ctx.em, ctx, { memberId, kind: input.kind, amountFen: fen(input.amount, 'amount'), fromMonth: input.fromMonth });
      return { member: (await memberById(ctx).load(memberId))! };
    });
  }

  @Mutation(() => DuesMonthPayload, { description: 'Opens a branch’s month: an item per member on the roll, computed by the rules of 党费.' })
  duesMonthOpen(@Arg('input') input: DuesMonthOpenInput, @Ctx() ctx: Context): Promise<DuesMonthPayload> {
    const organizationId = expectGlobalId(input.organizationId, 'Organization', 'organizationId');
    return mutate(async () => {
      const opened = await openDuesMonth(ctx.em, ctx, { organizationId, month: input.month });
      return { duesMonth: opened.month, missingBase: opened.missingBase };
    }).then((payload) => ({ missingBase: [], ...payload }));
  }

  @Mutation(() => DuesMonthPayload, { description: 'Settles a month (again: no change).' })
  duesMonthSettle(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DuesMonthPayload> {
    const monthId = expectGlobalId(id, 'DuesMonth', 'id');
    return mutate(async () => ({ duesMonth: await settleDuesMonth(ctx.em, ctx, monthId) })).then((payload) => ({ missingBase: [], ...payload }));
  }

  @Mutation(() => DuesItemPayload, { description: 'Pays a month: the member online, or the branch’s admins in cash or by proxy. Retrying with the same idempotency key counts once.' })
  duesPay(@Arg('input') input: DuesPayInput, @Ctx() ctx: Context): Promise<DuesItemPayload> {
    const itemId = expectGlobalId(input.itemId, 'DuesItem', 'itemId');
    return mutate(async () => ({ item: await payDues(ctx.em, ctx, { itemId, amountFen: fen(input.amount, 'amount'), channel: input.channel, idempotencyKey: input.idempotencyKey, proxyName: input.proxyName }) }));
  }

  @Mutation(() => DuesItemPayload, { description: 'A hardship reduction, recorded by the admins of the committee above the branch (who approve it).' })
  duesReduce(@Arg('input') input: DuesReduceInput, @Ctx() ctx: Context): Promise<DuesItemPayload> {
    const itemId = expectGlobalId(input.itemId, 'DuesItem', 'itemId');
    return mutate(async () => ({ item: await reduceDues(ctx.em, ctx, { itemId, reductionFen: fen(input.amount, 'amount'), reason: input.reason }) }));
  }
}
