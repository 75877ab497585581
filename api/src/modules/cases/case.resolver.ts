/** GraphQL adapter for 经验交流: lists, the write-up, comments, likes, adoptions, featuring. */
import { CONTENT_CLASSES, type ContentView } from '../content/content-view.js';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { findAuthorised } from '../../core/authz/queries.js';
import type { Context } from '../../core/graphql/context.js';
import { byKey, defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { mutate } from '../../core/graphql/payload.js';
import { decodeCursor, expectGlobalId, paginate, toGlobalId, type Connection } from '../../core/graphql/relay.js';
import { Content } from '../content/content.entity.js';
import { ContentStatus } from '../content/content-enums.js';
import { contentFieldsResolver } from '../content/content-fields.resolver.js';
import { authorById, expectReadable, readableOfKind } from '../content/content.loaders.js';
import { commonContentWhere } from '../content/filters.js';
import { listContent, type CounterOrder } from '../content/list.js';
import { coverIdOf } from '../media/media.types.js';
import type { Organization } from '../organizations/organization.entity.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { CaseAdoption, CaseComment, CaseFeature, ContentLike, ExperienceCase } from './case.entity.js';
import { adoptCase, commentOnCase, createCase, featureCase, moderateComment, setLike, updateCase, withdrawAdoption } from './case.service.js';
import {
  CaseAdoptionPayload,
  CaseAdoptionType,
  CaseCommentConnection,
  CaseCommentPayload,
  CaseCommentType,
  CaseCreateInput,
  CaseFilter,
  CaseLikePayload,
  CaseOrder,
  CaseSectionsType,
  CaseUpdateInput,
  ExperienceCaseConnection,
  ExperienceCasePayload,
  ExperienceCaseType,
} from './case.types.js';
import { CASE_KIND } from './case.kind.js';

const CASE = CASE_KIND.kind;

const readableCase = (ctx: Context, id: number | string) => readableOfKind(ctx, id, CASE);
const caseId = (ctx: Context, id: string) => expectReadable(ctx, id, 'ExperienceCase', CASE, 'The case');

registerNodeType({ typeName: 'ExperienceCase', entity: CONTENT_CLASSES, is: (v) => (v as ContentView).kind === CASE, load: (ctx, id) => readableCase(ctx, id) });

const sectionsOf = defineLoader<string, ExperienceCase | null>(async (ctx, ids) =>
  byKey(ids, await ctx.em.find(ExperienceCase, { content: { $in: [...ids] } }), (c) => String(c.content.id)),
);

/** Items whose comments the caller moderates (so sees hidden ones too). */
const moderates = defineLoader<string, boolean>(async (ctx, ids) => {
  const allowed = new Set((await findAuthorised(ctx, Content, 'Content', { id: { $in: [...ids] } }, {}, 'moderate')).map((c) => String(c.id)));
  return ids.map((id) => allowed.has(id));
});

const likedByMe = defineLoader<string, boolean>(async (ctx, ids) => {
  if (ctx.viewer.kind !== 'user') return ids.map(() => false);
  const rows = await ctx.em.find(ContentLike, { content: { $in: [...ids] }, user: ctx.viewer.userId });
  const liked = new Set(rows.map((r) => String(r.content.id)));
  return ids.map((id) => liked.has(id));
});

const adoptionsOf = defineLoader<string, CaseAdoption[]>(async (ctx, ids) =>
  groupByKey(ids, await ctx.em.find(CaseAdoption, { content: { $in: [...ids] } }, { orderBy: { createdAt: 'desc', id: 'desc' } }), (a) => String(a.content.id)),
);

const featuresOf = defineLoader<string, CaseFeature[]>(async (ctx, ids) =>
  groupByKey(ids, await ctx.em.find(CaseFeature, { content: { $in: [...ids] } }, { orderBy: { featuredAt: 'desc' } }), (f) => String(f.content.id)),
);

/** Visible comments, plus the caller's own hidden ones, plus all of them for moderators. */
async function commentWhere(ctx: Context, contentId: string): Promise<FilterQuery<CaseComment>> {
  if (await moderates(ctx).load(contentId)) return { content: contentId };
  const mine = ctx.viewer.kind === 'user' ? [{ author: ctx.viewer.userId }] : [];
  return { content: contentId, $or: [{ hiddenAt: null }, ...mine] };
}

/** A comment the caller may see (its case readable, and visible to them). */
const commentById = defineLoader<string, CaseComment | null>(async (ctx, ids) => {
  const rows = await ctx.em.find(CaseComment, { id: { $in: [...ids] } });
  const visible: CaseComment[] = [];
  for (const c of rows) {
    if (!(await readableCase(ctx, c.content.id))) continue;
    const where = await commentWhere(ctx, String(c.content.id));
    if (await ctx.em.count(CaseComment, { $and: [where, { id: c.id }] } as FilterQuery<CaseComment>)) visible.push(c);
  }
  return byKey(ids, visible, (c) => String(c.id));
});
registerNodeType({ typeName: 'CaseComment', entity: CaseComment, load: (ctx, id) => commentById(ctx).load(String(id)) });

const MAX_SET = 1000;

const ORDER: Record<CaseOrder, 'PUBLISHED' | CounterOrder<ExperienceCase>> = {
  RECENT: 'PUBLISHED',
  MOST_LIKED: { entity: ExperienceCase, field: 'likeCount' },
  MOST_ADOPTED: { entity: ExperienceCase, field: 'adoptionCount' },
};

@Resolver(() => ExperienceCaseType)
export class ExperienceCaseResolver extends contentFieldsResolver(ExperienceCaseType, 'ExperienceCase') {
  @Query(() => ExperienceCaseType, { nullable: true, description: 'An experience case, if it exists and you may read it.' })
  experienceCase(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ContentView | null> {
    return readableCase(ctx, expectGlobalId(id, 'ExperienceCase'));
  }

  @Query(() => ExperienceCaseConnection, { description: 'Experience cases you may read. Other statuses than PUBLISHED (your workspace) come newest first whatever the order.' })
  async experienceCases(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter: CaseFilter | null,
    @Arg('orderBy', () => CaseOrder, { description: 'How to order them (default RECENT).', nullable: true, defaultValue: CaseOrder.RECENT }) orderBy: CaseOrder,
    @Ctx() ctx: Context,
  ): Promise<Connection<ContentView>> {
    const { where, planEveryTime } = await commonContentWhere(ctx, CASE, filter);
    if (filter?.mine) where.author = ctx.viewer.kind === 'user' ? ctx.viewer.userId : 0;
    // Featured and adopted sets are small (a level features dozens, not thousands): one lookup each.
    if (filter?.featuredBy) {
      const rows = await ctx.em.find(CaseFeature, { organization: expectGlobalId(filter.featuredBy, 'Organization', 'featuredBy') }, { limit: MAX_SET });
      where.id = { $in: rows.map((r) => r.content.id) };
    }
    if (filter?.adoptedBy) {
      const rows = await ctx.em.find(CaseAdoption, { organization: expectGlobalId(filter.adoptedBy, 'Organization', 'adoptedBy') }, { limit: MAX_SET });
      where.id = { $in: rows.map((r) => r.content.id).filter((id) => !where.id || (where.id as { $in: string[] }).$in.includes(id)) };
    }
    const published = (filter?.status ?? ContentStatus.PUBLISHED) === ContentStatus.PUBLISHED;
    return listContent(ctx, where as FilterQuery<Content>, { first, after, order: published ? ORDER[orderBy ?? CaseOrder.RECENT] : 'CREATED', planEveryTime });
  }

  @FieldResolver(() => CaseSectionsType, { description: '背景, 做法 and 成效.' })
  async sections(@Root() content: ContentView, @Ctx() ctx: Context): Promise<CaseSectionsType> {
    const row = await sectionsOf(ctx).load(String(content.id));
    return { backgroundHtml: row?.backgroundHtml ?? '', practiceHtml: row?.practiceHtml ?? '', resultsHtml: row?.resultsHtml ?? '' };
  }

  @FieldResolver(() => Int, { description: 'How many liked it.' })
  async likeCount(@Root() content: ContentView, @Ctx() ctx: Context): Promise<number> {
    return (await sectionsOf(ctx).load(String(content.id)))?.likeCount ?? 0;
  }

  @FieldResolver(() => Int, { description: 'Visible comments.' })
  async commentCount(@Root() content: ContentView, @Ctx() ctx: Context): Promise<number> {
    return (await sectionsOf(ctx).load(String(content.id)))?.commentCount ?? 0;
  }

  @FieldResolver(() => Int, { description: 'How many organisations adopted it.' })
  async adoptionCount(@Root() content: ContentView, @Ctx() ctx: Context): Promise<number> {
    return (await sectionsOf(ctx).load(String(content.id)))?.adoptionCount ?? 0;
  }

  @FieldResolver(() => Boolean, { description: 'Whether you like it.' })
  likedByMe(@Root() content: ContentView, @Ctx() ctx: Context): Promise<boolean> {
    return likedByMe(ctx).load(String(content.id));
  }

  @FieldResolver(() => CaseCommentConnection, { description: 'Comments, oldest first.' })
  async comments(
    @Root() content: ContentView,
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<CaseComment>> {
    const where = await commentWhere(ctx, String(content.id));
    return paginate({
      first,
      after: after == null ? null : (decodeCursor(after, ['string']) as [string]),
      keyOf: (c) => [String(c.id)] as [string],
      fetch: (limit, cursor) => ctx.em.find(CaseComment, cursor ? ({ $and: [where, { id: { $gt: cursor[0] } }] } as FilterQuery<CaseComment>) : where, { orderBy: { id: 'asc' }, limit }),
      count: () => ctx.em.count(CaseComment, where),
    });
  }

  @FieldResolver(() => [CaseAdoptionType], { description: 'Organisations that adopted the practice, newest first.' })
  adoptions(@Root() content: ContentView, @Ctx() ctx: Context): Promise<CaseAdoption[]> {
    return adoptionsOf(ctx).load(String(content.id));
  }

  @FieldResolver(() => [OrganizationType], { description: 'Levels that featured it (优秀案例), latest first.' })
  async featuredBy(@Root() content: ContentView, @Ctx() ctx: Context): Promise<Organization[]> {
    const features = await featuresOf(ctx).load(String(content.id));
    const orgs = await organizationById(ctx).loadMany(features.map((f) => f.organization.id));
    return orgs.filter((o): o is Organization => !!o && !(o instanceof Error));
  }

  // ---- writing (the workflow itself is the shared contentSubmit/contentApprove/…)

  @Mutation(() => ExperienceCasePayload, { description: 'Writes a draft case for an organisation (editors and admins at or above it).' })
  caseCreate(@Arg('input') input: CaseCreateInput, @Ctx() ctx: Context): Promise<ExperienceCasePayload> {
    const organizationId = expectGlobalId(input.organizationId, 'Organization', 'organizationId');
    return mutate(async () => ({ experienceCase: await createCase(ctx.em, ctx, { ...input, organizationId, coverId: coverIdOf(input.coverId) }) }));
  }

  @Mutation(() => ExperienceCasePayload, { description: 'Edits a case; every edit is kept as a revision.' })
  async caseUpdate(@Arg('id', () => ID) id: string, @Arg('input') input: CaseUpdateInput, @Ctx() ctx: Context): Promise<ExperienceCasePayload> {
    const local = await caseId(ctx, id);
    return mutate(async () => ({ experienceCase: await updateCase(ctx.em, ctx, local, { ...input, coverId: coverIdOf(input.coverId) }) }));
  }

  @Mutation(() => CaseCommentPayload, { description: 'Comments on a published case you may read (signed-in users).' })
  async caseComment(@Arg('id', () => ID) id: string, @Arg('body', { description: 'The comment (plain text).' }) body: string, @Ctx() ctx: Context): Promise<CaseCommentPayload> {
    const local = await caseId(ctx, id);
    return mutate(async () => ({ comment: await commentOnCase(ctx.em, ctx, local, body) }));
  }

  @Mutation(() => CaseCommentPayload, { description: 'Hides a comment, with a reason (the owner’s reviewers and admins).' })
  caseCommentHide(@Arg('id', () => ID) id: string, @Arg('reason', { description: 'Why it is hidden.' }) reason: string, @Ctx() ctx: Context): Promise<CaseCommentPayload> {
    const local = String(expectGlobalId(id, 'CaseComment'));
    return mutate(async () => ({ comment: await moderateComment(ctx.em, ctx, local, true, reason) }));
  }

  @Mutation(() => CaseCommentPayload, { description: 'Restores a hidden comment, with a reason.' })
  caseCommentRestore(@Arg('id', () => ID) id: string, @Arg('reason', { description: 'Why it is shown again.' }) reason: string, @Ctx() ctx: Context): Promise<CaseCommentPayload> {
    const local = String(expectGlobalId(id, 'CaseComment'));
    return mutate(async () => ({ comment: await moderateComment(ctx.em, ctx, local, false, reason) }));
  }

  @Mutation(() => CaseLikePayload, { description: 'Likes a case (once; a second like is a CONFLICT).' })
  async caseLike(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CaseLikePayload> {
    const local = await caseId(ctx, id);
    return mutate(async () => ({ likeCount: await setLike(ctx.em, ctx, local, true) }));
  }

  @Mutation(() => CaseLikePayload, { description: 'Takes a like back.' })
  async caseUnlike(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CaseLikePayload> {
    const local = await caseId(ctx, id);
    return mutate(async () => ({ likeCount: await setLike(ctx.em, ctx, local, false) }));
  }

  @Mutation(() => CaseAdoptionPayload, { description: 'Records that an organisation adopted the case’s practice (its editors and admins); not the owner itself, once per organisation.' })
  async caseAdopt(@Arg('id', () => ID) id: string, @Arg('organizationId', () => ID) organizationId: string, @Arg('note', { description: 'How your organisation uses it.' }) note: string, @Ctx() ctx: Context): Promise<CaseAdoptionPayload> {
    const local = await caseId(ctx, id);
    const org = expectGlobalId(organizationId, 'Organization', 'organizationId');
    return mutate(async () => ({ adoption: await adoptCase(ctx.em, ctx, local, org, note) }));
  }

  @Mutation(() => CaseAdoptionPayload, { description: 'Withdraws an adoption record (the adopting organisation’s editors and admins).' })
  caseAdoptionWithdraw(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CaseAdoptionPayload> {
    const local = String(expectGlobalId(id, 'CaseAdoption'));
    return mutate(async () => ({ adoption: await withdrawAdoption(ctx.em, ctx, local) }));
  }

  @Mutation(() => ExperienceCasePayload, { description: '优秀案例: features a published case at an organisation above its owner (its reviewers and admins); that portal shows it first.' })
  async caseFeature(@Arg('id', () => ID) id: string, @Arg('organizationId', () => ID) organizationId: string, @Arg('featured', () => Boolean, { description: 'Feature it, or not.', defaultValue: true }) featured: boolean, @Ctx() ctx: Context): Promise<ExperienceCasePayload> {
    const local = await caseId(ctx, id);
    const org = expectGlobalId(organizationId, 'Organization', 'organizationId');
    return mutate(async () => ({ experienceCase: await featureCase(ctx.em, ctx, local, org, featured) }));
  }
}

@Resolver(() => CaseCommentType)
export class CaseCommentResolver {
  @FieldResolver(() => ID)
  id(@Root() c: CaseComment): string {
    return toGlobalId('CaseComment', c.id);
  }

  @FieldResolver(() => String, { description: 'Who wrote it; null when the account is gone.', nullable: true })
  async authorName(@Root() c: CaseComment, @Ctx() ctx: Context): Promise<string | null> {
    if (!c.author) return null;
    return (await authorById(ctx).load(c.author.id))?.displayName ?? null;
  }
}

@Resolver(() => CaseAdoptionType)
export class CaseAdoptionResolver {
  @FieldResolver(() => ID)
  id(@Root() a: CaseAdoption): string {
    return toGlobalId('CaseAdoption', a.id);
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: 'The adopting organisation.' })
  organization(@Root() a: CaseAdoption, @Ctx() ctx: Context): Promise<Organization | null> {
    return organizationById(ctx).load(a.organization.id);
  }
}
