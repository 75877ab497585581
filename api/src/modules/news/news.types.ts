/** GraphQL types of news (工作动态). */
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RecommendationStatus } from '../content/recommendation.entity.js';
import { Node } from '../../core/graphql/node.js';
import { UserError } from '../../core/graphql/payload.js';
import { connectionType, PageInfo } from '../../core/graphql/relay.js';
import { ContentStatus, Visibility } from '../content/content-enums.js';
import { ContentFieldsType } from '../content/content.types.js';

@ObjectType('NewsArticle', { implements: [Node, ContentFieldsType], description: 'A work update (工作动态) of an organisation.' })
export class NewsArticleType extends ContentFieldsType {}
export const NewsArticleConnection = connectionType('NewsArticle', NewsArticleType);

@ObjectType('NewsSearchHit', { description: 'A search result: the article and a snippet with the matches in <mark>.' })
export class NewsSearchHitType {
  @Field(() => String) cursor!: string;
  @Field(() => NewsArticleType) node!: object;
  @Field({ description: 'Plain text around the first match, HTML-escaped, matches wrapped in <mark>.' }) snippet!: string;
}

@ObjectType('NewsSearchConnection')
export class NewsSearchConnectionType {
  @Field(() => [NewsSearchHitType]) edges!: NewsSearchHitType[];
  @Field(() => Int, { description: 'How many items match in all, up to 10,000 (see `totalCountCapped`).' }) totalCount!: number;
  @Field({ description: 'True when `totalCount` stopped at 10,000: there are more matches.' }) totalCountCapped!: boolean;
  @Field(() => PageInfo, { description: 'Where the page lies in the results, and the cursor to go on (`after: endCursor`).' }) pageInfo!: PageInfo;
  @Field({ description: 'Whether there are more results (use `pageInfo.hasNextPage`).', deprecationReason: 'Use pageInfo.hasNextPage (kept until 2027-06-01).' }) hasNextPage!: boolean;
}

@InputType({ description: 'Filters for news lists. Without `status`, only published articles are listed.' })
export class NewsFilter {
  @Field(() => ID, { nullable: true, description: 'Articles of this organisation (and, by default, its subtree).' }) organizationId?: string | null;
  @Field(() => Boolean, { description: 'With the organisations below (default true).', nullable: true, defaultValue: true }) includeSubtree?: boolean | null;
  @Field(() => ContentStatus, { description: 'Only articles in this status (yours or those you review); published ones without it.', nullable: true }) status?: ContentStatus | null;
  @Field(() => [String], { nullable: true, description: 'Articles with any of these tags.' }) tags?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Only pinned (true) or only unpinned (false) articles.' }) pinned?: boolean | null;
  @Field(() => GraphQLISODateTime, { description: 'Published at or after this time.', nullable: true }) publishedSince?: Date | null;
  @Field(() => GraphQLISODateTime, { description: 'Published before this time.', nullable: true }) publishedUntil?: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'Only articles you wrote.' }) mine?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'Only articles this organisation accepted from lower levels (its featured feed).' })
  recommendedTo?: string | null;
}

@InputType({ description: 'A new news article (工作动态): its text, cover and audience.' })
export class NewsCreateInput {
  @Field(() => ID) organizationId!: string;
  @Field({ description: 'The title.' }) title!: string;
  @Field(() => String, { description: 'A short summary for lists.', nullable: true }) summary?: string | null;
  @Field(() => String, { nullable: true, description: 'Rich text; sanitised on save.' }) bodyHtml?: string | null;
  @Field(() => [String], { description: 'Topics (at most 10).', nullable: true }) tags?: string[] | null;
  @Field(() => Visibility, { description: 'Who may read it once published.', nullable: true, defaultValue: Visibility.PUBLIC }) visibility?: Visibility | null;
  @Field(() => ID, { nullable: true, description: 'Cover image: an uploaded image’s id; an empty string removes it.' }) coverId?: string | null;
}

@InputType({ description: 'Changes to an article; fields left out stay as they are.' })
export class NewsUpdateInput {
  @Field(() => String, { description: 'The title.', nullable: true }) title?: string | null;
  @Field(() => String, { description: 'A short summary for lists.', nullable: true }) summary?: string | null;
  @Field(() => String, { description: 'The body: rich text, sanitised.', nullable: true }) bodyHtml?: string | null;
  @Field(() => [String], { description: 'Topics (at most 10).', nullable: true }) tags?: string[] | null;
  @Field(() => Visibility, { description: 'Who may read it once published.', nullable: true }) visibility?: Visibility | null;
  @Field(() => Int, { nullable: true, description: 'The version you edited; a CONFLICT if someone saved in between.' }) expectedVersion?: number | null;
  @Field(() => ID, { nullable: true, description: 'Cover image: an uploaded image’s id; an empty string removes it.' }) coverId?: string | null;
}

@ObjectType()
export class NewsArticlePayload {
  @Field(() => NewsArticleType, { nullable: true }) newsArticle?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType('ReviewQueueEvent', { description: 'An article entered the review queue (IN_REVIEW) or left it (PUBLISHED, REJECTED).' })
export class ReviewQueueEventType {
  @Field(() => NewsArticleType, { description: 'The article that entered or left review.' }) newsArticle!: object;
  @Field(() => ContentStatus, { description: 'Its status now.' }) status!: ContentStatus;
}

registerEnumType(RecommendationStatus, {
  name: 'RecommendationStatus',
  description: '上报/推荐: waiting, accepted (featured) or declined.',
  valuesConfig: {
    PENDING: { description: 'Waiting for the organisation above.' },
    ACCEPTED: { description: 'Accepted: featured on its portal.' },
    DECLINED: { description: 'Declined, with a note.' },
  },
});

@ObjectType('Recommendation', { implements: Node, description: 'An article recommended upward (上报) to an organisation above its owner.' })
export class RecommendationType extends Node {
  @Field(() => RecommendationStatus, { description: 'Waiting, accepted or declined.' }) status!: RecommendationStatus;
  @Field({ description: 'The recommender’s note.' }) note!: string;
  @Field(() => String, { description: 'Why it was declined.', nullable: true }) declineReason!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When it was decided.', nullable: true }) decidedAt!: Date | null;
}
export const RecommendationConnection = connectionType('Recommendation', RecommendationType);

@ObjectType()
export class RecommendationPayload {
  @Field(() => RecommendationType, { nullable: true }) recommendation?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}
