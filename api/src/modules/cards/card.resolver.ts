/** 电子党员活动证 in GraphQL: one's own card, a card by member for those who keep the record, verification for anyone. */
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireUser } from '../../core/authz/check.js';
import type { Context } from '../../core/graphql/context.js';
import { mutate } from '../../core/graphql/payload.js';
import { expectGlobalId } from '../../core/graphql/relay.js';
import { plainLine } from '../../core/graphql/text-input.js';
import { unmasked } from '../members/member.access.js';
import { Member, MemberStatus } from '../members/member.entity.js';
import { loadManageable } from '../members/member.service.js';
import { MemberType } from '../members/member.types.js';
import { CardSigningKey, type MemberCard } from './card.entity.js';
import { attachmentsOf } from '../media/attachments.js';
import { currentCard, reissueCard, rotateCardKey, tokenOf, verifyCard, type Verification } from './card.service.js';
import { CardKeyPayload, CardVerificationType, MemberCardPayload, MemberCardType } from './card.types.js';

async function view(ctx: Context, card: MemberCard, member: Member): Promise<MemberCardType> {
  const key = await ctx.em.findOneOrFail(CardSigningKey, card.key.id);
  const [photo] = member.photo ? await attachmentsOf(ctx, [String(member.photo.id)]) : [];
  return { number: `DJ${String(card.id).padStart(8, '0')}`, issuedOn: card.issuedOn, expiresOn: card.expiresOn, token: tokenOf(ctx.em, card, key), photoUrl: photo?.url ?? null };
}

@Resolver(() => MemberType)
export class MemberCardResolver {
  @FieldResolver(() => MemberCardType, { nullable: true, description: '电子党员活动证: for the member and the admins who keep the record; none once the member is not on the roll.' })
  async card(@Root() member: Member, @Ctx() ctx: Context): Promise<MemberCardType | null> {
    if (member.status !== MemberStatus.NORMAL || !(await unmasked(ctx).load(member.id))) return null;
    return view(ctx, await currentCard(ctx.em, member), member);
  }
}

@Resolver()
export class CardResolver {
  @Query(() => CardVerificationType, { description: 'Verifies a card’s token (anyone may: it answers name, organisation and status only).' })
  cardVerify(@Arg('token', { description: 'The token read from the card’s QR code.' }) token: string, @Ctx() ctx: Context): Promise<Verification> {
    return verifyCard(ctx.em, token);
  }

  @Mutation(() => MemberCardPayload, { description: '补发: revokes the member’s card at once and issues a new one (the admins who keep the record).' })
  memberCardReissue(@Arg('memberId', () => ID) memberId: string, @Arg('reason', { description: 'Why (the old card is revoked).' }) reason: string, @Ctx() ctx: Context): Promise<MemberCardPayload> {
    return mutate(async () => {
      requireUser(ctx.viewer);
      const member = await loadManageable(ctx.em, ctx, expectGlobalId(memberId, 'Member', 'memberId'));
      return { card: await view(ctx, await reissueCard(ctx.em, ctx, member, plainLine(reason, 'reason', 100, true)), member) };
    });
  }

  @Mutation(() => CardKeyPayload, { description: 'Retires the card signing key (platform admins): new cards get a new key; cards already issued verify until they expire.' })
  cardKeyRotate(@Ctx() ctx: Context): Promise<CardKeyPayload> {
    return mutate(async () => ({ keyId: (await rotateCardKey(ctx.em, ctx)).id }));
  }
}
