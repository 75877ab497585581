/** 党员档案 in GraphQL: lists and records under the read rule in SQL; personal data masked unless allowed (whole reads audited). */
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireUser } from '../../core/authz/check.js';
import { escapeLike } from '../../core/authz/sql-filter.js';
import type { Context } from '../../core/graphql/context.js';
import { badInput } from '../../core/graphql/errors.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { mutate } from '../../core/graphql/payload.js';
import { expectGlobalId, toGlobalId, type Connection } from '../../core/graphql/relay.js';
import { listById } from '../../core/graphql/list-by-id.js';
import { groupByKey, defineLoader } from '../../core/graphql/loaders.js';
import type { Organization } from '../organizations/organization.entity.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { plannedPerSubtree } from '../organizations/subtree-plans.js';
import { auditUnmasked, memberById, memberReadFilter, unmasked } from './member.access.js';
import { setMemberPhoto } from './member-photo.js';
import { attachmentsOf } from '../media/attachments.js';
import { Member, MemberStatus, MemberStatusChange } from './member.entity.js';
import { keysFor } from './member.keys.js';
import { changeMemberStatus, createMember, updateMember, type MemberInput } from './member.service.js';
import { MemberConnection, MemberFilter, MemberInputType, MemberPayload, MemberStatusChangeType, MemberStatusInput, MemberType } from './member.types.js';
import { normaliseIdNumber, parseIdNumber } from './id-number.js';
import { maskAddress, maskIdNumber, maskPhone } from './personal-data.js';

registerNodeType({ typeName: 'Member', entity: Member, load: (ctx, id) => memberById(ctx).load(id) });

const historyOf = defineLoader<number, MemberStatusChange[]>(async (ctx, ids) =>
  groupByKey(ids, await ctx.em.find(MemberStatusChange, { member: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (c) => c.member.id),
);

function toInput(ctx: Context, input: MemberInputType): MemberInput {
  const { organizationId, userId, ...rest } = input;
  const out: MemberInput = {};
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  if (organizationId) out.organizationId = expectGlobalId(organizationId, 'Organization', 'organizationId');
  if (userId !== undefined) out.userId = userId === null ? null : expectGlobalId(userId, 'User', 'userId');
  void ctx;
  return out;
}

/** Personal data: whole for the member and their admins (audited), masked for other readers. */
async function personal(ctx: Context, member: Member, sealed: string | null, mask: (v: string) => string): Promise<string | null> {
  if (!sealed) return null;
  const value = keysFor(ctx.em).open(sealed);
  if (!(await unmasked(ctx).load(member.id))) return mask(value);
  await auditUnmasked(ctx).load(member.id);
  return value;
}

@Resolver(() => MemberType)
export class MemberResolver {
  @FieldResolver(() => ID)
  id(@Root() member: Member): string {
    return toGlobalId('Member', member.id);
  }

  @FieldResolver(() => String, { description: 'ID number (公民身份号码), e.g. 3701**********1234 when masked.' })
  async idNumber(@Root() member: Member, @Ctx() ctx: Context): Promise<string> {
    return (await personal(ctx, member, member.idNumberSealed, maskIdNumber))!;
  }

  @FieldResolver(() => String, { description: 'Phone number (masked unless you may see it whole).', nullable: true })
  phone(@Root() member: Member, @Ctx() ctx: Context): Promise<string | null> {
    return personal(ctx, member, member.phoneSealed, maskPhone);
  }

  @FieldResolver(() => String, { description: 'Home address (masked unless you may see it whole).', nullable: true })
  address(@Root() member: Member, @Ctx() ctx: Context): Promise<string | null> {
    return personal(ctx, member, member.addressSealed, maskAddress);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the personal data above is masked for you.' })
  async personalDataMasked(@Root() member: Member, @Ctx() ctx: Context): Promise<boolean> {
    return !(await unmasked(ctx).load(member.id));
  }

  @FieldResolver(() => Int, { nullable: true, description: '党龄: full years since 转正 (null while probationary).' })
  partyStanding(@Root() member: Member): number | null {
    if (!member.confirmedOn) return null;
    const [y, m, d] = member.confirmedOn.split('-').map(Number) as [number, number, number];
    const now = new Date();
    return now.getUTCFullYear() - y - (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d) ? 1 : 0);
  }

  @FieldResolver(() => OrganizationType, { description: 'The member’s branch.', nullable: true })
  organization(@Root() member: Member, @Ctx() ctx: Context): Promise<Organization | null> {
    return organizationById(ctx).load(member.organization.id);
  }

  @FieldResolver(() => [MemberStatusChangeType], { description: 'The dated history of 党籍 status, oldest first.' })
  statusHistory(@Root() member: Member, @Ctx() ctx: Context): Promise<MemberStatusChange[]> {
    return historyOf(ctx).load(member.id);
  }

  @Query(() => MemberConnection, { description: 'Member records you may read (your subtree as an admin or reviewer; your own), by name.' })
  async members(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => MemberFilter, { nullable: true }) filter: MemberFilter | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Member>> {
    const access = memberReadFilter(ctx);
    const where: FilterQuery<Member>[] = [{ status: filter?.status ?? { $in: [MemberStatus.NORMAL, MemberStatus.SUSPENDED] } }];
    if (filter?.category) where.push({ category: filter.category });
    if (filter?.label) where.push({ labels: { $contains: [filter.label.slice(0, 20)] } } as FilterQuery<Member>);
    if (filter?.name?.trim()) where.push({ name: { $like: `${escapeLike(filter.name.trim().slice(0, 50))}%` } });
    let planEveryTime = false;
    if (filter?.organizationId) {
      const org = await organizationById(ctx).load(expectGlobalId(filter.organizationId, 'Organization', 'organizationId'));
      where.push(org ? ({ organization: { path: { $like: `${org.path}%` } } } as FilterQuery<Member>) : { id: 0 });
      planEveryTime = !!org && plannedPerSubtree(org);
    }
    return listById(ctx.em, Member, access ? { $and: [...where, access] } : null, { first, after, order: 'asc', planEveryTime });
  }

  @Query(() => MemberType, { nullable: true, description: 'Your own member record (我的档案), when your account is linked to one.' })
  myMemberRecord(@Ctx() ctx: Context): Promise<Member | null> {
    const me = requireUser(ctx.viewer);
    return ctx.em.findOne(Member, { user: me.userId, status: { $ne: MemberStatus.TRANSFERRED_OUT } });
  }

  @Query(() => MemberType, { nullable: true, description: 'A member found by ID number (through its keyed hash, never by decrypting), if you may read the record.' })
  async memberByIdNumber(@Arg('idNumber', { description: 'The ID number (身份证号), exactly; the look-up is audited.' }) idNumber: string, @Ctx() ctx: Context): Promise<Member | null> {
    const parsed = parseIdNumber(normaliseIdNumber(idNumber.slice(0, 30)));
    if (!parsed.ok) throw badInput(parsed.reason, 'idNumber');
    const access = memberReadFilter(ctx);
    return access ? ctx.em.findOne(Member, { $and: [{ idNumberHash: keysFor(ctx.em).hash(parsed.value) }, access] }) : null;
  }

  @Mutation(() => MemberPayload, { description: 'Adds a member record to a branch or Party group (its admins and those above).' })
  memberCreate(@Arg('input') input: MemberInputType, @Ctx() ctx: Context): Promise<MemberPayload> {
    const data = toInput(ctx, input);
    return mutate(async () => {
      for (const field of ['organizationId', 'name', 'idNumber', 'joinedOn', 'category'] as const) if (data[field] == null) throw badInput(`${field} is required.`, field);
      return { member: await createMember(ctx.em, ctx, data as Parameters<typeof createMember>[2]) };
    });
  }

  @Mutation(() => MemberPayload, { description: 'Sets the member’s photo (证件照) for the e-member card: an image uploaded to the organisation through /media (the admins who keep the record); null removes it.' })
  memberPhotoSet(@Arg('id', () => ID) id: string, @Arg('fileId', () => ID, { description: 'An uploaded image’s id; null removes the photo.', nullable: true }) fileId: string | null, @Ctx() ctx: Context): Promise<MemberPayload> {
    return mutate(async () => ({ member: await setMemberPhoto(ctx.em, ctx, expectGlobalId(id, 'Member'), fileId ? String(expectGlobalId(fileId, 'MediaFile', 'fileId')) : null) }));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Where to fetch the member’s photo (证件照), for those who read the record.' })
  async photoUrl(@Root() member: Member, @Ctx() ctx: Context): Promise<string | null> {
    if (!member.photo) return null;
    const [file] = await attachmentsOf(ctx, [String(member.photo.id)]);
    return file?.url ?? null;
  }

  @Mutation(() => MemberPayload, { description: 'Corrects a member record.' })
  memberUpdate(@Arg('id', () => ID) id: string, @Arg('input') input: MemberInputType, @Ctx() ctx: Context): Promise<MemberPayload> {
    const local = expectGlobalId(id, 'Member');
    const data = toInput(ctx, input);
    return mutate(async () => ({ member: await updateMember(ctx.em, ctx, local, data) }));
  }

  @Mutation(() => MemberPayload, { description: 'Records a change of 党籍 status with its date and reason (never automatic).' })
  memberStatusChange(@Arg('id', () => ID) id: string, @Arg('input') input: MemberStatusInput, @Ctx() ctx: Context): Promise<MemberPayload> {
    const local = expectGlobalId(id, 'Member');
    return mutate(async () => ({ member: await changeMemberStatus(ctx.em, ctx, local, input) }));
  }
}
