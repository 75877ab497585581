/**
 * Search across content kinds (news, disclosures, cases, resources), Chinese-aware, best matches first, inside the
 * caller's read filter — the same machinery as `newsSearch` (content/search-tokens.ts).
 */
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver, Root, Subscription, registerEnumType, type SubscribeResolverData } from 'type-graphql';
import { publishedOnPortal } from '../content/live.js';
import type { Context } from '../../core/graphql/context.js';
import type { ContentView } from '../content/content-view.js';
import { ContentKind } from '../content/content-enums.js';
import { PageInfo } from '../../core/graphql/relay.js';
import { runSearch } from '../content/search.js';
import { ContentItem } from '../items/content-item.js';

registerEnumType(ContentKind, {
  name: 'ContentKind',
  description: 'Kinds of content: NEWS (工作动态), DISCLOSURE (党务公开), CASE (经验交流), RESOURCE (共建共享).',
  valuesConfig: {
    NEWS: { description: '工作动态.' },
    DISCLOSURE: { description: '党务公开.' },
    CASE: { description: '经验交流.' },
    RESOURCE: { description: '共建共享: a shared resource.' },
  },
});

@ObjectType('SearchHit')
class SearchHitType {
  @Field() cursor!: string;
  @Field(() => ContentItem) node!: object;
  @Field({ description: 'Plain text around the first match, HTML-escaped, matches in <mark>.' }) snippet!: string;
}

@ObjectType('SearchConnection')
class SearchConnectionType {
  @Field(() => [SearchHitType]) edges!: SearchHitType[];
  @Field(() => Int, { description: 'How many items match in all, up to 10,000 (see `totalCountCapped`).' }) totalCount!: number;
  @Field({ description: 'True when `totalCount` stopped at 10,000: there are more matches.' }) totalCountCapped!: boolean;
  @Field(() => PageInfo, { description: 'Where the page lies in the results, and the cursor to go on (`after: endCursor`).' }) pageInfo!: PageInfo;
  @Field({ description: 'Whether there are more results (use `pageInfo.hasNextPage`).', deprecationReason: 'Use pageInfo.hasNextPage (kept until 2027-06-01).' }) hasNextPage!: boolean;
}

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnectionType, { description: 'Full-text search over the published items you may read: news, disclosures, cases and resources (or the `kinds` given).' })
  async search(
    @Arg('query', { description: 'What to look for (at most 100 characters).' }) query: string,
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('kinds', () => [ContentKind], { description: 'Only these kinds (default all).', nullable: true }) kinds: ContentKind[] | null,
    @Ctx() ctx: Context,
  ): Promise<SearchConnectionType> {
    return runSearch(ctx, { query, first, after, kinds: kinds?.length ? kinds : Object.values(ContentKind) });
  }

  @Subscription(() => ContentItem, {
    description: 'Items (of `kinds`, default all) as they are published on a portal (its organisation’s subtree), scheduled ones at their time — only those you may read.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { portalSlug: string; kinds?: ContentKind[] | null }, Context>) =>
      publishedOnPortal(context, args.portalSlug, args.kinds?.length ? args.kinds : Object.values(ContentKind)),
  })
  contentPublished(
    @Root() item: ContentView,
    @Arg('portalSlug') _portalSlug: string,
    @Arg('kinds', () => [ContentKind], { description: 'Only these kinds (default all).', nullable: true }) _kinds: ContentKind[] | null,
  ): ContentView {
    return item;
  }
}
