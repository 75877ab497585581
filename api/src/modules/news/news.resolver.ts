/** GraphQL adapter for news (工作动态): lists, search, the workflow mutations. */
import { CONTENT_CLASSES, type ContentView } from '../content/content-view.js';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, GraphQLISODateTime, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { can, requireUser } from '../../core/authz/check.js';
import { filterMap } from '../../core/events/bus.js';
import type { Context } from '../../core/graphql/context.js';
import { badInput, notFound } from '../../core/graphql/errors.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { mutate } from '../../core/graphql/payload.js';
import { expectGlobalId, type Connection } from '../../core/graphql/relay.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { ContentStatus, Visibility } from '../content/content-enums.js';
import { Content } from '../content/content.entity.js';
import { RecommendationStatus } from '../content/recommendation.entity.js';
import { expectReadable, readableOfKind } from '../content/content.loaders.js';
import { listContent } from '../content/list.js';
import {
  approveContent,
  archiveContent,
  createContent,
  pinContent,
  rejectContent,
  restoreRevision,
  submitContent,
  unpublishContent,
  updateContent,
} from '../content/content.service.js';
import { contentFieldsResolver } from '../content/content-fields.resolver.js';
import { commonContentWhere } from '../content/filters.js';
import { publishedOnPortal } from '../content/live.js';
import { coverIdOf } from '../media/media.types.js';
import { runSearch } from '../content/search.js';
import {
  NewsArticleConnection,
  NewsArticlePayload,
  NewsArticleType,
  NewsCreateInput,
  NewsFilter,
  NewsSearchConnectionType,
  NewsUpdateInput,
  ReviewQueueEventType,
} from './news.types.js';
import { NEWS_KIND } from './news.kind.js';

const NEWS = NEWS_KIND.kind;

const readableNews = (ctx: Context, id: number) => readableOfKind(ctx, id, NEWS);

registerNodeType({ typeName: 'NewsArticle', entity: CONTENT_CLASSES, is: (v) => (v as ContentView).kind === NEWS, load: (ctx, id) => readableNews(ctx, id) });

const newsId = (ctx: Context, id: string) => expectReadable(ctx, id, 'NewsArticle', NEWS, 'The article');

/** Articles entering or leaving review, for those who review them (optionally one subtree). */
function reviewQueueSource(ctx: Context, organizationId: string | null) {
  requireUser(ctx.viewer);
  return filterMap(
    ctx.bus,
    async () => {
      if (!organizationId) return null;
      const org = await organizationById(ctx).load(expectGlobalId(organizationId, 'Organization', 'organizationId'));
      if (!org) throw notFound('The organisation does not exist.');
      return org.path;
    },
    async (event, subtree) => {
      if (event.type !== 'content.reviewQueue' || event.kind !== NEWS) return null;
      ctx.renew();
      if (!(await can(ctx.em, ctx, 'reviewQueue', Content, 'Content', event.id))) return null;
      const article = await readableNews(ctx, Number(event.id));
      const owner = article && (await organizationById(ctx).load(article.organization.id));
      if (!article || !owner || (subtree && !owner.path.startsWith(subtree))) return null;
      return { newsArticle: article, status: event.status };
    },
  );
}

/** News has no list of addressees: TARGETED is for disclosures. */
function noTargeting(visibility: Visibility | null | undefined): void {
  if (visibility === Visibility.TARGETED) throw badInput('News cannot be TARGETED; choose another visibility.', 'visibility');
}

async function filterFor(ctx: Context, filter: NewsFilter | null): Promise<{ where: FilterQuery<Content>; planEveryTime: boolean }> {
  const { where, planEveryTime } = await commonContentWhere(ctx, NEWS, filter);
  if (filter?.pinned != null) where.pinnedAt = filter.pinned ? { $ne: null } : null;
  if (filter?.mine) where.author = ctx.viewer.kind === 'user' ? ctx.viewer.userId : 0;
  if (filter?.recommendedTo) {
    where.recommendations = { $some: { toOrganization: expectGlobalId(filter.recommendedTo, 'Organization', 'recommendedTo'), status: RecommendationStatus.ACCEPTED } };
  }
  return { where: where as FilterQuery<Content>, planEveryTime };
}

@Resolver(() => NewsArticleType)
export class NewsResolver extends contentFieldsResolver(NewsArticleType, 'NewsArticle') {
  @Query(() => NewsArticleType, { nullable: true, description: 'A news article, if it exists and you may read it.' })
  newsArticle(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ContentView | null> {
    return readableNews(ctx, expectGlobalId(id, 'NewsArticle'));
  }

  @Query(() => NewsArticleConnection, {
    description: 'News you may read. Published articles come newest first; other statuses (your workspace) by recency of creation.',
  })
  async news(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => NewsFilter, { nullable: true }) filter: NewsFilter | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<ContentView>> {
    const { where, planEveryTime } = await filterFor(ctx, filter);
    const published = (filter?.status ?? ContentStatus.PUBLISHED) === ContentStatus.PUBLISHED;
    return listContent(ctx, where, { first, after, order: published ? 'PUBLISHED' : 'CREATED', planEveryTime });
  }

  @Query(() => NewsSearchConnectionType, {
    description: 'Full-text search over the titles, summaries and bodies of the news you may read (Chinese-aware), best matches first.',
  })
  async newsSearch(
    @Arg('query', { description: 'What to look for (at most 100 characters).' }) query: string,
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<NewsSearchConnectionType> {
    return runSearch(ctx, { query, first, after, kinds: [NEWS] });
  }

  // ---- the workflow

  @Mutation(() => NewsArticlePayload, { description: 'Writes a draft for an organisation (editors and admins at or above it).' })
  newsCreate(@Arg('input') input: NewsCreateInput, @Ctx() ctx: Context): Promise<NewsArticlePayload> {
    const organizationId = expectGlobalId(input.organizationId, 'Organization', 'organizationId');
    return mutate(async () => {
      noTargeting(input.visibility);
      return { newsArticle: await createContent(ctx.em, ctx, NEWS, { ...input, organizationId, coverId: coverIdOf(input.coverId) }) };
    });
  }

  @Mutation(() => NewsArticlePayload, { description: 'Edits an article; every edit is kept as a revision.' })
  async newsUpdate(@Arg('id', () => ID) id: string, @Arg('input') input: NewsUpdateInput, @Ctx() ctx: Context): Promise<NewsArticlePayload> {
    const local = await newsId(ctx, id);
    return mutate(async () => {
      noTargeting(input.visibility);
      return { newsArticle: await updateContent(ctx.em, ctx, local, { ...input, coverId: coverIdOf(input.coverId) }) };
    });
  }

  @Mutation(() => NewsArticlePayload, { description: 'Restores a revision (as a new version).' })
  async newsRevisionRestore(@Arg('id', () => ID) id: string, @Arg('revisionId', () => ID, { description: 'The revision to restore.' }) revisionId: string, @Ctx() ctx: Context): Promise<NewsArticlePayload> {
    const local = await newsId(ctx, id);
    if (!/^\d{1,15}$/.test(revisionId)) throw badInput('Not a valid revision id.', 'revisionId');
    return mutate(async () => ({ newsArticle: await restoreRevision(ctx.em, ctx, local, revisionId) }));
  }

  @Mutation(() => NewsArticlePayload, { description: 'Submits a draft (or a rejected article) for review.' })
  async newsSubmit(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<NewsArticlePayload> {
    const local = await newsId(ctx, id);
    return mutate(async () => ({ newsArticle: await submitContent(ctx.em, ctx, local) }));
  }

  @Mutation(() => NewsArticlePayload, { description: 'Approves and publishes, now or at `publishAt` (reviewers and admins at or above the owner; never one’s own article).' })
  async newsApprove(
    @Arg('id', () => ID) id: string,
    @Arg('publishAt', () => GraphQLISODateTime, { description: 'Publish at this time instead of now (at most 366 days ahead).', nullable: true }) publishAt: Date | null,
    @Ctx() ctx: Context,
  ): Promise<NewsArticlePayload> {
    const local = await newsId(ctx, id);
    return mutate(async () => ({ newsArticle: await approveContent(ctx.em, ctx, local, publishAt) }));
  }

  @Mutation(() => NewsArticlePayload, { description: 'Sends an article back to its author with a reason.' })
  async newsReject(@Arg('id', () => ID) id: string, @Arg('reason', { description: 'Why, for the author.' }) reason: string, @Ctx() ctx: Context): Promise<NewsArticlePayload> {
    const local = await newsId(ctx, id);
    return mutate(async () => ({ newsArticle: await rejectContent(ctx.em, ctx, local, reason) }));
  }

  @Mutation(() => NewsArticlePayload, { description: 'Takes a published article back to draft.' })
  async newsUnpublish(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<NewsArticlePayload> {
    const local = await newsId(ctx, id);
    return mutate(async () => ({ newsArticle: await unpublishContent(ctx.em, ctx, local) }));
  }

  @Mutation(() => NewsArticlePayload, { description: 'Archives a published article.' })
  async newsArchive(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<NewsArticlePayload> {
    const local = await newsId(ctx, id);
    return mutate(async () => ({ newsArticle: await archiveContent(ctx.em, ctx, local) }));
  }

  @Mutation(() => NewsArticlePayload, { description: 'Pins (or unpins) a published article to the top of its feeds.' })
  async newsPin(@Arg('id', () => ID) id: string, @Arg('pinned', () => Boolean, { description: 'Pin it, or unpin it.' }) pinned: boolean, @Ctx() ctx: Context): Promise<NewsArticlePayload> {
    const local = await newsId(ctx, id);
    return mutate(async () => ({ newsArticle: await pinContent(ctx.em, ctx, local, pinned) }));
  }

  // ---- live updates

  @Subscription(() => NewsArticleType, {
    description: 'Articles as they are published on a portal (its organisation’s subtree), scheduled ones at their time — only those you may read.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { portalSlug: string }, Context>) => publishedOnPortal(context, args.portalSlug, [NEWS]),
  })
  newsPublished(@Root() article: ContentView, @Arg('portalSlug') _portalSlug: string): ContentView {
    return article;
  }

  @Subscription(() => ReviewQueueEventType, {
    description: 'The review queue, live: articles you review entering it and leaving it. Optionally one organisation’s subtree.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { organizationId?: string | null }, Context>) => reviewQueueSource(context, args.organizationId ?? null),
  })
  reviewQueue(@Root() event: ReviewQueueEventType, @Arg('organizationId', () => ID, { nullable: true }) _organizationId: string | null): ReviewQueueEventType {
    return event;
  }
}
