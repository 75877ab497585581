/** GraphQL adapter for recommending news upward (上报) and deciding on it. */
import type { ContentView } from '../content/content-view.js';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { can } from '../../core/authz/check.js';
import type { Context } from '../../core/graphql/context.js';
import { defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { mutate } from '../../core/graphql/payload.js';
import { decodeCursor, expectGlobalId, paginate, toGlobalId, type Connection } from '../../core/graphql/relay.js';
import { Organization } from '../organizations/organization.entity.js';
import { organizationById } from '../organizations/organization.loaders.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { authorById, contentById } from '../content/content.loaders.js';
import { Recommendation, RecommendationStatus } from '../content/recommendation.entity.js';
import { decideRecommendation, recommendContent } from '../content/recommendation.service.js';
import { NewsArticleType, RecommendationConnection, RecommendationPayload, RecommendationType } from './news.types.js';

/** Recommendations are seen by those who decide for their target organisation. */
async function decidable(ctx: Context, recommendation: Recommendation | null): Promise<Recommendation | null> {
  if (!recommendation) return null;
  return (await can(ctx.em, ctx, 'decideRecommendations', Organization, 'Organization', recommendation.toOrganization.id)) ? recommendation : null;
}

registerNodeType({
  typeName: 'Recommendation',
  entity: Recommendation,
  load: async (ctx, id) => decidable(ctx, await ctx.em.findOne(Recommendation, id)),
});

/** Organisations that accepted an article (it is featured there). Visible to whoever reads the article. */
const featuredBy = defineLoader<string, number[]>(async (ctx, contentIds) => {
  const rows = await ctx.em.find(Recommendation, { content: { $in: [...contentIds] }, status: RecommendationStatus.ACCEPTED }, { orderBy: { id: 'asc' } });
  return groupByKey(contentIds, rows, (r) => String(r.content.id)).map((list) => list.map((r) => r.toOrganization.id));
});

@Resolver(() => RecommendationType)
export class RecommendationResolver {
  @Query(() => RecommendationConnection, { description: 'Recommendations made to an organisation; for its reviewers and admins (and those above).' })
  async recommendations(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('status', () => RecommendationStatus, { description: 'Only recommendations in this status.', nullable: true, defaultValue: RecommendationStatus.PENDING }) status: RecommendationStatus,
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Recommendation>> {
    const orgId = expectGlobalId(organizationId, 'Organization', 'organizationId');
    const allowed = await can(ctx.em, ctx, 'decideRecommendations', Organization, 'Organization', orgId);
    const where: FilterQuery<Recommendation> = { toOrganization: orgId, status };
    return paginate({
      first,
      after: after == null ? null : (decodeCursor(after, ['number']) as [number]),
      keyOf: (r) => [r.id] as [number],
      fetch: async (limit, cursor) => (allowed ? ctx.em.find(Recommendation, cursor ? { ...where, id: { $gt: cursor[0] } } : where, { orderBy: { id: 'asc' }, limit }) : []),
      count: async () => (allowed ? ctx.em.count(Recommendation, where) : 0),
    });
  }

  @FieldResolver(() => ID)
  id(@Root() r: Recommendation): string {
    return toGlobalId('Recommendation', r.id);
  }

  @FieldResolver(() => NewsArticleType, { nullable: true, description: 'The article (null if you may not read it).' })
  newsArticle(@Root() r: Recommendation, @Ctx() ctx: Context): Promise<ContentView | null> {
    return contentById(ctx).load(String(r.content.id));
  }

  @FieldResolver(() => OrganizationType, { description: 'The organisation it was recommended to.', nullable: true })
  toOrganization(@Root() r: Recommendation, @Ctx() ctx: Context): Promise<Organization | null> {
    return organizationById(ctx).load(r.toOrganization.id);
  }

  @FieldResolver(() => String, { description: 'Who recommended it.', nullable: true })
  async recommendedByName(@Root() r: Recommendation, @Ctx() ctx: Context): Promise<string | null> {
    return r.recommendedBy ? ((await authorById(ctx).load(r.recommendedBy.id))?.displayName ?? null) : null;
  }

  @Mutation(() => RecommendationPayload, { description: '上报: recommends a published article to an organisation above its owner (by default the parent).' })
  newsRecommend(
    @Arg('id', () => ID) id: string,
    @Arg('toOrganizationId', () => ID, { description: 'The organisation above to recommend it to (default the parent).', nullable: true }) toOrganizationId: string | null,
    @Arg('note', () => String, { description: 'Why you recommend it.', nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<RecommendationPayload> {
    const contentId = String(expectGlobalId(id, 'NewsArticle'));
    const target = toOrganizationId ? expectGlobalId(toOrganizationId, 'Organization', 'toOrganizationId') : null;
    return mutate(async () => ({ recommendation: await recommendContent(ctx.em, ctx, contentId, { toOrganizationId: target, note }) }));
  }

  @Mutation(() => RecommendationPayload, { description: 'Accepts a recommendation: the article is featured on this level’s portal, with its origin.' })
  recommendationAccept(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<RecommendationPayload> {
    const local = expectGlobalId(id, 'Recommendation');
    return mutate(async () => ({ recommendation: await decideRecommendation(ctx.em, ctx, local, true) }));
  }

  @Mutation(() => RecommendationPayload, { description: 'Declines a recommendation, with a reason.' })
  recommendationDecline(@Arg('id', () => ID) id: string, @Arg('reason', () => String, { description: 'Why.', nullable: true }) reason: string | null, @Ctx() ctx: Context): Promise<RecommendationPayload> {
    const local = expectGlobalId(id, 'Recommendation');
    return mutate(async () => ({ recommendation: await decideRecommendation(ctx.em, ctx, local, false, reason) }));
  }
}

@Resolver(() => NewsArticleType)
export class NewsFeaturingResolver {
  @FieldResolver(() => [OrganizationType], { description: 'Organisations above the owner that accepted this article (上报 accepted).' })
  async featuredBy(@Root() content: ContentView, @Ctx() ctx: Context): Promise<Organization[]> {
    const ids = await featuredBy(ctx).load(String(content.id));
    const orgs = await organizationById(ctx).loadMany(ids);
    return orgs.filter((o): o is Organization => o !== null && !(o instanceof Error));
  }
}
