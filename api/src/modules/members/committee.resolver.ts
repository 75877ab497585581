import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/graphql/context.js';
import { byKey, defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { mutate } from '../../core/graphql/payload.js';
import { expectGlobalId, toGlobalId } from '../../core/graphql/relay.js';
import type { Organization } from '../organizations/organization.entity.js';
import { organizationById, type OrganizationView } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { CommitteeTerm, MemberPost } from './committee.entity.js';
import { assignPost, endPost, recordCommitteeTerm } from './committee.service.js';
import { CommitteeTermInput, CommitteeTermPayload, CommitteeTermType, MemberPostInput, MemberPostPayload, MemberPostType, OrganizationWarningType } from './committee.types.js';
import { memberById, memberReadFilter, readsMembersOf } from './member.access.js';
import type { Member } from './member.entity.js';
import { yearsLater } from './member.rules.js';
import { MemberType } from './member.types.js';
import { organizationWarnings, type OrganizationWarning } from './organization-warnings.js';

const termOf = (t: CommitteeTerm): CommitteeTermType => ({ electedOn: t.electedOn, termYears: t.termYears, endsOn: yearsLater(t.electedOn, t.termYears) });

/** A member's posts, newest first (the member is readable: it was resolved through the read filter). */
const postsOfMember = defineLoader<number, MemberPost[]>(async (ctx, ids) =>
  groupByKey(ids, await ctx.em.find(MemberPost, { member: { $in: [...ids] } }, { orderBy: { startedOn: 'desc', id: 'desc' } }), (p) => p.member.id),
);

/** An organisation's posts held now, by members the caller may read. */
const currentPostsOf = defineLoader<number, MemberPost[]>(async (ctx, ids) => {
  const access = memberReadFilter(ctx);
  if (!access) return ids.map(() => []);
  const rows = await ctx.em.find(MemberPost, { organization: { $in: [...ids] }, endedOn: null, member: access }, { orderBy: { post: 'asc', startedOn: 'asc' } });
  return groupByKey(ids, rows, (p) => p.organization.id);
});

/** The latest term of each organisation, for those who read its member records. */
const currentTermOf = defineLoader<number, CommitteeTerm | null>(async (ctx, ids) => {
  const reads = await readsMembersOf(ctx).loadMany(ids);
  const readable = ids.filter((_, i) => reads[i] === true);
  if (readable.length === 0) return ids.map(() => null);
  const rows = await ctx.em.getConnection().execute<{ id: number }[]>(
    `select distinct on (organization_id) id from committee_term where organization_id = any(?::int[]) order by organization_id, elected_on desc`,
    [`{${readable.join(',')}}`],
  );
  const terms = rows.length ? await ctx.em.find(CommitteeTerm, { id: { $in: rows.map((r) => r.id) } }) : [];
  return byKey(ids, terms, (t) => t.organization.id);
});

@Resolver(() => MemberPostType)
export class MemberPostResolver {
  @FieldResolver(() => ID)
  id(@Root() post: MemberPost): string {
    return toGlobalId('MemberPost', post.id);
  }

  @FieldResolver(() => MemberType, { description: 'Who holds it.', nullable: true })
  member(@Root() post: MemberPost, @Ctx() ctx: Context): Promise<Member | null> {
    return memberById(ctx).load(post.member.id);
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: 'Whose committee.' })
  organization(@Root() post: MemberPost, @Ctx() ctx: Context): Promise<Organization | null> {
    return organizationById(ctx).load(post.organization.id);
  }
}

@Resolver(() => MemberType)
export class MemberPostsResolver {
  @FieldResolver(() => [MemberPostType], { description: '支部职务: posts held and past, newest first.' })
  posts(@Root() member: Member, @Ctx() ctx: Context): Promise<MemberPost[]> {
    return postsOfMember(ctx).load(member.id);
  }
}

@Resolver(() => OrganizationType)
export class OrganizationCommitteeResolver {
  @FieldResolver(() => [OrganizationWarningType], {
    nullable: true,
    description: 'The organisation checks of DOMAIN-RULES §1 it fails (members, committee, election due). Null unless you read its member records.',
  })
  partyWarnings(@Root() org: OrganizationView, @Ctx() ctx: Context): Promise<OrganizationWarning[] | null> {
    return organizationWarnings(ctx).load(org.id);
  }

  @FieldResolver(() => CommitteeTermType, { nullable: true, description: 'The committee’s current term (the latest election recorded), for those who read its member records.' })
  async committeeTerm(@Root() org: OrganizationView, @Ctx() ctx: Context): Promise<CommitteeTermType | null> {
    const term = await currentTermOf(ctx).load(org.id);
    return term ? termOf(term) : null;
  }

  @FieldResolver(() => [MemberPostType], { description: 'The committee now: posts held, by members you may read.' })
  committeePosts(@Root() org: OrganizationView, @Ctx() ctx: Context): Promise<MemberPost[]> {
    return currentPostsOf(ctx).load(org.id);
  }
}

@Resolver()
export class CommitteeMutations {
  @Mutation(() => CommitteeTermPayload, { description: 'Records an election: the committee’s new term (3–5 years) from that day.' })
  committeeTermRecord(@Arg('input') input: CommitteeTermInput, @Ctx() ctx: Context): Promise<CommitteeTermPayload> {
    const organizationId = expectGlobalId(input.organizationId, 'Organization', 'organizationId');
    return mutate(async () => ({ term: termOf(await recordCommitteeTerm(ctx.em, ctx, { ...input, organizationId })) }));
  }

  @Mutation(() => MemberPostPayload, { description: 'A member takes a post in a committee (only 正式党员 in good standing; one 书记 at a time).' })
  memberPostAssign(@Arg('input') input: MemberPostInput, @Ctx() ctx: Context): Promise<MemberPostPayload> {
    const memberId = expectGlobalId(input.memberId, 'Member', 'memberId');
    const organizationId = expectGlobalId(input.organizationId, 'Organization', 'organizationId');
    return mutate(async () => ({ post: await assignPost(ctx.em, ctx, { memberId, organizationId, post: input.post, startedOn: input.startedOn }) }));
  }

  @Mutation(() => MemberPostPayload, { description: 'Ends a post on a day (kept as history).' })
  memberPostEnd(@Arg('id', () => ID) id: string, @Arg('endedOn', { description: 'The last day in the post (YYYY-MM-DD).' }) endedOn: string, @Ctx() ctx: Context): Promise<MemberPostPayload> {
    const postId = expectGlobalId(id, 'MemberPost', 'id');
    return mutate(async () => ({ post: await endPost(ctx.em, ctx, postId, endedOn) }));
  }
}
