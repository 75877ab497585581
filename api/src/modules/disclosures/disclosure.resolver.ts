/** GraphQL adapter for 党务公开: lists, the four steps, notices and feedback. */
import { CONTENT_CLASSES, type ContentView } from '../content/content-view.js';
import { raw, type FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, GraphQLISODateTime, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { can } from '../../core/authz/check.js';
import { findAuthorised } from '../../core/authz/queries.js';
import type { Context } from '../../core/graphql/context.js';
import { badInput, notFound } from '../../core/graphql/errors.js';
import { byKey, defineLoader } from '../../core/graphql/loaders.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { mutate } from '../../core/graphql/payload.js';
import { decodeCursor, expectGlobalId, paginate, toGlobalId, type Connection } from '../../core/graphql/relay.js';
import { Content, ContentTarget } from '../content/content.entity.js';
import { ContentStatus } from '../content/content-enums.js';
import { authorById, bodyOf, expectReadable, readableOfKind } from '../content/content.loaders.js';
import { listContent } from '../content/list.js';
import { submitContent } from '../content/content.service.js';
import { commonContentWhere } from '../content/filters.js';
import { Organization } from '../organizations/organization.entity.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { coverIdOf, imageOf, mediaById, MediaImageType } from '../media/media.types.js';
import { DisclosureCategory, DisclosureScope, DisclosureStep } from './disclosure-enums.js';
import { Disclosure, DisclosureFeedback, DisclosureRead } from './disclosure.entity.js';
import { approveDisclosure, confirmRead, createDisclosure, leaveFeedback, noticeOpen, reachOf, replyToFeedback, reviewDisclosure, updateDisclosure } from './disclosure.service.js';
import {
  DisclosureCatalogueEntryType,
  DisclosureConnection,
  DisclosureCreateInput,
  DisclosureFeedbackConnection,
  DisclosureFeedbackInput,
  DisclosureFeedbackPayload,
  DisclosureFeedbackType,
  DisclosureFilter,
  DisclosurePayload,
  DisclosureReachType,
  DisclosureType,
  DisclosureUpdateInput,
  PublicNoticeType,
  SecrecyReviewType,
} from './disclosure.types.js';
import { DISCLOSURE_KIND } from './disclosure.kind.js';

const DISCLOSURE = DISCLOSURE_KIND.kind;

const readableDisclosure = (ctx: Context, id: number) => readableOfKind(ctx, id, DISCLOSURE);

registerNodeType({ typeName: 'Disclosure', entity: CONTENT_CLASSES, is: (v) => (v as ContentView).kind === DISCLOSURE, load: (ctx, id) => readableDisclosure(ctx, id) });

const disclosureId = (ctx: Context, id: string) => expectReadable(ctx, id, 'Disclosure', DISCLOSURE, 'The disclosure');

/** The disclosure row of items the caller already may read. */
const rowOf = defineLoader<string, Disclosure | null>(async (ctx, ids) =>
  byKey(ids, await ctx.em.find(Disclosure, { content: { $in: [...ids] } }), (d) => String(d.content.id)),
);

/** Target organisations of items the caller may read. */
const targetsOf = defineLoader<string, number[]>(async (ctx, ids) => {
  const rows = await ctx.em.find(ContentTarget, { content: { $in: [...ids] } });
  return ids.map((id) => rows.filter((t) => String(t.content.id) === id).map((t) => t.organization.id));
});

/** Which disclosures the caller confirmed reading. */
const readByMe = defineLoader<string, boolean>(async (ctx, ids) => {
  if (ctx.viewer.kind !== 'user') return ids.map(() => false);
  const rows = await ctx.em.find(DisclosureRead, { content: { $in: [...ids] }, user: ctx.viewer.userId });
  const read = new Set(rows.map((r) => String(r.content.id)));
  return ids.map((id) => read.has(id));
});

/** Which items' inner records (the secrecy review) the caller may see: their history's readers. */
const historyVisible = defineLoader<string, boolean>(async (ctx, ids) => {
  const allowed = new Set((await findAuthorised(ctx, Content, 'Content', { id: { $in: [...ids] } }, {}, 'readHistory')).map((c) => String(c.id)));
  return ids.map((id) => allowed.has(id));
});

@Resolver(() => DisclosureType)
export class DisclosureResolver {
  @Query(() => DisclosureType, { description: 'A disclosure, if it exists and you may read it.', nullable: true })
  disclosure(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ContentView | null> {
    return readableDisclosure(ctx, expectGlobalId(id, 'Disclosure'));
  }

  @Query(() => DisclosureConnection, { description: 'Disclosures you may read: published ones newest first, or your workspace by status.' })
  async disclosures(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => DisclosureFilter, { nullable: true }) filter: DisclosureFilter | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<ContentView>> {
    const { where, planEveryTime } = await commonContentWhere(ctx, DISCLOSURE, filter);
    // The disclosure's own conditions as a correlated EXISTS in the one query: the content table
    // knows nothing of disclosures, and fetching every matching id first grows with the data.
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter?.category) {
      conditions.push('d.category = ?');
      params.push(filter.category);
    }
    if (filter?.noticeOpen) conditions.push('d.notice_starts_at <= now() and d.notice_ends_at > now()');
    // `[]`: the fragment stands alone (`exists (…)`, which PostgreSQL plans as a semi-join), not `exists (…) = true`.
    if (conditions.length) Object.assign(where, { [raw((a: string) => `exists (select 1 from disclosure d where d.content_id = ${a}.id and ${conditions.join(' and ')})`, params)]: [] });
    const published = (filter?.status ?? ContentStatus.PUBLISHED) === ContentStatus.PUBLISHED;
    // Each item's own row comes with it: the list shows its category and notice window.
    return listContent(ctx, where as FilterQuery<Content>, { first, after, order: published ? 'PUBLISHED' : 'CREATED', side: { entity: Disclosure, prime: (c, id, row) => rowOf(c).prime(id, row as Disclosure | null) }, planEveryTime });
  }

  @Query(() => [DisclosureCatalogueEntryType], { description: 'An organisation’s disclosure catalogue (公开目录): the seven categories and how many published disclosures you may read in each.' })
  async disclosureCatalogue(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('includeSubtree', () => Boolean, { description: 'Count the organisations below too (default true).', nullable: true, defaultValue: false }) includeSubtree: boolean,
    @Ctx() ctx: Context,
  ): Promise<DisclosureCatalogueEntryType[]> {
    const org = await organizationById(ctx).load(expectGlobalId(organizationId, 'Organization', 'organizationId'));
    if (!org) throw notFound('The organisation does not exist.');
    const readable = await findAuthorised(ctx, Content, 'Content', {
      kind: DISCLOSURE,
      status: ContentStatus.PUBLISHED,
      organization: includeSubtree ? { path: { $like: `${org.path}%` } } : org.id,
    });
    const rows = readable.length ? await ctx.em.find(Disclosure, { content: { $in: readable.map((c) => c.id) } }, { fields: ['category'] }) : [];
    return Object.values(DisclosureCategory).map((category) => ({ category, count: rows.filter((r) => r.category === category).length }));
  }

  @FieldResolver(() => ID)
  id(@Root() content: ContentView): string {
    return toGlobalId('Disclosure', content.id);
  }

  @FieldResolver(() => MediaImageType, { description: 'The cover image, if any.', nullable: true })
  async cover(@Root() content: ContentView, @Ctx() ctx: Context): Promise<MediaImageType | null> {
    const file = content.cover ? await mediaById(ctx).load(String(content.cover.id)) : null;
    return file ? imageOf(file) : null;
  }

  @FieldResolver(() => String, { description: 'The text, sanitised HTML.' })
  async bodyHtml(@Root() content: ContentView, @Ctx() ctx: Context): Promise<string> {
    return content.bodyHtml ?? (await bodyOf(ctx).load(String(content.id)))?.bodyHtml ?? '';
  }

  @FieldResolver(() => OrganizationType, { description: 'The organisation disclosing.', nullable: true })
  organization(@Root() content: ContentView, @Ctx() ctx: Context): Promise<Organization | null> {
    return content.owner !== undefined ? Promise.resolve(content.owner) : organizationById(ctx).load(content.organization.id);
  }

  @FieldResolver(() => String, { description: 'Who proposed it; null when the account is gone.', nullable: true })
  async authorName(@Root() content: ContentView, @Ctx() ctx: Context): Promise<string | null> {
    if (content.byline !== undefined || !content.author) return content.byline ?? null;
    return (await authorById(ctx).load(content.author.id))?.displayName ?? null;
  }

  @FieldResolver(() => DisclosureCategory, { description: 'Its place in the 公开目录.' })
  async category(@Root() content: ContentView, @Ctx() ctx: Context): Promise<DisclosureCategory> {
    return (await rowOf(ctx).load(String(content.id)))!.category;
  }

  @FieldResolver(() => DisclosureScope, { description: '公开范围: who may read it.' })
  async scope(@Root() content: ContentView, @Ctx() ctx: Context): Promise<DisclosureScope> {
    return (await rowOf(ctx).load(String(content.id)))!.scope;
  }

  @FieldResolver(() => DisclosureStep, { description: 'Where it stands among 提出, 审核, 审批 and 实施.' })
  async step(@Root() content: ContentView, @Ctx() ctx: Context): Promise<DisclosureStep> {
    return (await rowOf(ctx).load(String(content.id)))!.step;
  }

  @FieldResolver(() => [OrganizationType], { description: 'For scope TARGETED: the organisations it is addressed to.' })
  async targetOrganizations(@Root() content: ContentView, @Ctx() ctx: Context): Promise<Organization[]> {
    const orgs = await organizationById(ctx).loadMany(await targetsOf(ctx).load(String(content.id)));
    return orgs.filter((o): o is Organization => o !== null && !(o instanceof Error));
  }

  @FieldResolver(() => PublicNoticeType, { nullable: true, description: '公示, if this disclosure has a notice window.' })
  async notice(@Root() content: ContentView, @Ctx() ctx: Context): Promise<PublicNoticeType | null> {
    const row = await rowOf(ctx).load(String(content.id));
    if (!row?.noticeStartsAt || !row.noticeEndsAt) return null;
    const now = new Date();
    return {
      startsAt: row.noticeStartsAt,
      endsAt: row.noticeEndsAt,
      open: noticeOpen(row, now),
      remainingSeconds: Math.max(0, Math.ceil((row.noticeEndsAt.getTime() - Math.max(now.getTime(), row.noticeStartsAt.getTime())) / 1000)),
    };
  }

  @FieldResolver(() => SecrecyReviewType, { nullable: true, description: 'The recorded secrecy review; for the author and the editors, reviewers and admins above.' })
  async secrecyReview(@Root() content: ContentView, @Ctx() ctx: Context): Promise<SecrecyReviewType | null> {
    const id = String(content.id);
    const [row, visible] = await Promise.all([rowOf(ctx).load(id), historyVisible(ctx).load(id)]);
    if (!visible || !row?.secrecyReviewedAt) return null;
    const reviewer = row.secrecyReviewer ? await authorById(ctx).load(row.secrecyReviewer.id) : null;
    return { reviewerName: reviewer?.displayName ?? null, reviewedAt: row.secrecyReviewedAt, conclusion: row.secrecyConclusion ?? '' };
  }

  @FieldResolver(() => Boolean, { description: 'Whether you confirmed reading it (internal disclosures).' })
  async readByMe(@Root() content: ContentView, @Ctx() ctx: Context): Promise<boolean> {
    return readByMe(ctx).load(String(content.id));
  }

  @FieldResolver(() => DisclosureReachType, { nullable: true, description: 'Read receipts against the audience; for the owner’s reviewers and admins, internal disclosures only.' })
  async reach(@Root() content: ContentView, @Ctx() ctx: Context): Promise<DisclosureReachType | null> {
    if (!(await can(ctx.em, ctx, 'readFeedback', Content, 'Content', String(content.id)))) return null;
    return reachOf(ctx.em, String(content.id));
  }

  @FieldResolver(() => DisclosureFeedbackConnection, { description: 'Feedback received; for the owner’s reviewers and admins (empty for others).' })
  async feedback(
    @Root() content: ContentView,
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<DisclosureFeedback>> {
    const allowed = await can(ctx.em, ctx, 'readFeedback', Content, 'Content', String(content.id));
    const where = { content: String(content.id) };
    return paginate({
      first,
      after: after == null ? null : (decodeCursor(after, ['string']) as [string]),
      keyOf: (f) => [String(f.id)] as [string],
      fetch: async (limit, cursor) => (allowed ? ctx.em.find(DisclosureFeedback, cursor ? { ...where, id: { $gt: cursor[0] } } : where, { orderBy: { id: 'asc' }, limit }) : []),
      count: async () => (allowed ? ctx.em.count(DisclosureFeedback, where) : 0),
    });
  }

  // ---- 提出 → 审核 → 审批

  @Mutation(() => DisclosurePayload, { description: '提出: drafts a disclosure for an organisation (editors and admins at or above it).' })
  disclosureCreate(@Arg('input') input: DisclosureCreateInput, @Ctx() ctx: Context): Promise<DisclosurePayload> {
    const organizationId = expectGlobalId(input.organizationId, 'Organization', 'organizationId');
    const targetOrganizationIds = input.targetOrganizationIds?.map((t) => expectGlobalId(t, 'Organization', 'targetOrganizationIds'));
    return mutate(async () => ({ disclosure: await createDisclosure(ctx.em, ctx, { ...input, organizationId, targetOrganizationIds, coverId: coverIdOf(input.coverId) }) }));
  }

  @Mutation(() => DisclosurePayload, { description: 'Edits a draft or rejected disclosure (it goes back to 提出).' })
  async disclosureUpdate(@Arg('id', () => ID) id: string, @Arg('input') input: DisclosureUpdateInput, @Ctx() ctx: Context): Promise<DisclosurePayload> {
    const local = await disclosureId(ctx, id);
    const targetOrganizationIds = input.targetOrganizationIds?.map((t) => expectGlobalId(t, 'Organization', 'targetOrganizationIds'));
    return mutate(async () => ({ disclosure: await updateDisclosure(ctx.em, ctx, local, { ...input, targetOrganizationIds, coverId: coverIdOf(input.coverId) }) }));
  }

  @Mutation(() => DisclosurePayload, { description: 'Submits the proposal for review (审核).' })
  async disclosureSubmit(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DisclosurePayload> {
    const local = await disclosureId(ctx, id);
    return mutate(async () => ({ disclosure: await submitContent(ctx.em, ctx, local) }));
  }

  @Mutation(() => DisclosurePayload, { description: '审核: records the secrecy review. Not cleared sends it back with the conclusion as the reason.' })
  async disclosureReview(
    @Arg('id', () => ID) id: string,
    @Arg('secrecyCleared', () => Boolean, { description: 'Whether the secrecy review cleared it (if not, it is rejected with the conclusion).' }) secrecyCleared: boolean,
    @Arg('conclusion', { description: 'The secrecy review’s conclusion.' }) conclusion: string,
    @Ctx() ctx: Context,
  ): Promise<DisclosurePayload> {
    const local = await disclosureId(ctx, id);
    return mutate(async () => ({ disclosure: await reviewDisclosure(ctx.em, ctx, local, { secrecyCleared, conclusion }) }));
  }

  @Mutation(() => DisclosurePayload, { description: '审批 → 实施: an admin approves a reviewed disclosure; it is published now or at `publishAt`.' })
  async disclosureApprove(
    @Arg('id', () => ID) id: string,
    @Arg('publishAt', () => GraphQLISODateTime, { description: 'Publish at this time instead of now (at most 366 days ahead).', nullable: true }) publishAt: Date | null,
    @Ctx() ctx: Context,
  ): Promise<DisclosurePayload> {
    const local = await disclosureId(ctx, id);
    return mutate(async () => ({ disclosure: await approveDisclosure(ctx.em, ctx, local, publishAt) }));
  }

  @Mutation(() => DisclosurePayload, { description: 'Confirms that you read an internal disclosure (阅读回执). Idempotent.' })
  async disclosureConfirmRead(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DisclosurePayload> {
    const local = String(expectGlobalId(id, 'Disclosure'));
    return mutate(async () => {
      await confirmRead(ctx.em, ctx, local);
      ctx.loaders.clear();
      return { disclosure: (await readableDisclosure(ctx, Number(local)))! };
    });
  }

  @Mutation(() => DisclosureFeedbackPayload, { description: 'Leaves feedback on a notice while its window is open (anonymously on notices to society).' })
  async disclosureFeedbackCreate(@Arg('id', () => ID) id: string, @Arg('input') input: DisclosureFeedbackInput, @Ctx() ctx: Context): Promise<DisclosureFeedbackPayload> {
    const local = String(expectGlobalId(id, 'Disclosure'));
    return mutate(async () => ({ feedback: await leaveFeedback(ctx.em, ctx, local, input) }));
  }

  @Mutation(() => DisclosureFeedbackPayload, { description: 'Replies to feedback (the owner’s reviewers and admins).' })
  disclosureFeedbackReply(@Arg('id', () => ID) id: string, @Arg('reply', { description: 'The answer.' }) reply: string, @Ctx() ctx: Context): Promise<DisclosureFeedbackPayload> {
    const local = String(expectGlobalId(id, 'DisclosureFeedback'));
    if (!/^\d+$/.test(local)) throw badInput('Not a valid feedback id.', 'id');
    return mutate(async () => ({ feedback: await replyToFeedback(ctx.em, ctx, local, reply) }));
  }
}

@Resolver(() => DisclosureFeedbackType)
export class DisclosureFeedbackResolver {
  @FieldResolver(() => ID)
  id(@Root() feedback: DisclosureFeedback): string {
    return toGlobalId('DisclosureFeedback', feedback.id);
  }
}
