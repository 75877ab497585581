/** GraphQL types of 经验交流. */
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../core/graphql/payload.js';
import { connectionType } from '../../core/graphql/relay.js';
import { ContentStatus, Visibility } from '../content/content-enums.js';
import { ContentFieldsType } from '../content/content.types.js';
import { Node } from '../../core/graphql/node.js';

export const CaseOrder = { RECENT: 'RECENT', MOST_LIKED: 'MOST_LIKED', MOST_ADOPTED: 'MOST_ADOPTED' } as const;
export type CaseOrder = (typeof CaseOrder)[keyof typeof CaseOrder];
registerEnumType(CaseOrder, {
  name: 'CaseOrder',
  description: 'RECENT: newest publication first; MOST_LIKED, MOST_ADOPTED: highest count first (ties: newest).',
  valuesConfig: {
    RECENT: { description: 'Newest publication first.' },
    MOST_LIKED: { description: 'Most likes first (ties: newest).' },
    MOST_ADOPTED: { description: 'Most adoptions first (ties: newest).' },
  },
});

@ObjectType('ExperienceCase', { implements: [Node, ContentFieldsType], description: '经验交流: an experience case — background, practice and results — that other organisations can adopt.' })
export class ExperienceCaseType extends ContentFieldsType {
  @Field(() => Int, { description: 'How many liked it.' }) likeCount!: number;
  @Field(() => Int, { description: 'Visible comments.' }) commentCount!: number;
  @Field(() => Int, { description: 'How many organisations adopted it.' }) adoptionCount!: number;
}
export const ExperienceCaseConnection = connectionType('ExperienceCase', ExperienceCaseType);

@ObjectType('CaseSections', { description: 'The structured write-up, each part sanitised rich text.' })
export class CaseSectionsType {
  @Field({ description: '背景' }) backgroundHtml!: string;
  @Field({ description: '做法' }) practiceHtml!: string;
  @Field({ description: '成效' }) resultsHtml!: string;
}

@ObjectType('CaseComment', { implements: Node, description: 'A member’s comment. Hidden ones are seen only by their author and the owner’s reviewers and admins.' })
export class CaseCommentType extends Node {
  @Field({ description: 'Plain text: render it escaped.' }) body!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When a moderator hid it; null while shown.', nullable: true }) hiddenAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was hidden or restored.' }) hiddenReason!: string | null;
}
export const CaseCommentConnection = connectionType('CaseComment', CaseCommentType);

@ObjectType('CaseAdoption', { implements: Node, description: '推广应用: an organisation that adopted the practice, with how.' })
export class CaseAdoptionType extends Node {
  @Field({ description: 'How the adopting organisation uses it.' }) note!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@InputType({ description: 'Filters for case lists. Without `status`, only published cases are listed.' })
export class CaseFilter {
  @Field(() => ID, { nullable: true, description: 'Cases of this organisation (and, by default, its subtree).' }) organizationId?: string | null;
  @Field(() => Boolean, { description: 'With the organisations below (default true).', nullable: true, defaultValue: true }) includeSubtree?: boolean | null;
  @Field(() => ContentStatus, { description: 'Only cases in this status (yours or those you review); published ones without it.', nullable: true }) status?: ContentStatus | null;
  @Field(() => [String], { nullable: true, description: 'Cases with any of these tags.' }) tags?: string[] | null;
  @Field(() => GraphQLISODateTime, { description: 'Published at or after this time.', nullable: true }) publishedSince?: Date | null;
  @Field(() => GraphQLISODateTime, { description: 'Published before this time.', nullable: true }) publishedUntil?: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'Only cases you wrote.' }) mine?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'Only cases this organisation featured (优秀案例): its portal shows them first.' }) featuredBy?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only cases this organisation adopted.' }) adoptedBy?: string | null;
}

@InputType({ description: 'A new 经验交流 case: its text, topics and audience.' })
export class CaseCreateInput {
  @Field(() => ID) organizationId!: string;
  @Field({ description: 'The case’s title.' }) title!: string;
  @Field(() => String, { description: 'A short summary for lists.', nullable: true }) summary?: string | null;
  @Field(() => String, { nullable: true, description: '背景 (rich text; sanitised on save).' }) backgroundHtml?: string | null;
  @Field(() => String, { nullable: true, description: '做法' }) practiceHtml?: string | null;
  @Field(() => String, { nullable: true, description: '成效' }) resultsHtml?: string | null;
  @Field(() => [String], { description: 'Topics (at most 10).', nullable: true }) tags?: string[] | null;
  @Field(() => Visibility, { description: 'Who may read it once published.', nullable: true, defaultValue: Visibility.PUBLIC }) visibility?: Visibility | null;
  @Field(() => ID, { nullable: true, description: 'Cover image: an uploaded image’s id.' }) coverId?: string | null;
}

@InputType({ description: 'Changes to a case; fields left out stay as they are.' })
export class CaseUpdateInput {
  @Field(() => String, { description: 'The case’s title.', nullable: true }) title?: string | null;
  @Field(() => String, { description: 'A short summary for lists.', nullable: true }) summary?: string | null;
  @Field(() => String, { description: '背景: rich text, sanitised.', nullable: true }) backgroundHtml?: string | null;
  @Field(() => String, { description: '做法: rich text, sanitised.', nullable: true }) practiceHtml?: string | null;
  @Field(() => String, { description: '成效: rich text, sanitised.', nullable: true }) resultsHtml?: string | null;
  @Field(() => [String], { description: 'Topics (at most 10).', nullable: true }) tags?: string[] | null;
  @Field(() => Visibility, { description: 'Who may read it once published.', nullable: true }) visibility?: Visibility | null;
  @Field(() => Int, { nullable: true, description: 'The version you edited; a CONFLICT if someone saved in between.' }) expectedVersion?: number | null;
  @Field(() => ID, { nullable: true, description: 'Cover image; an empty string removes it.' }) coverId?: string | null;
}

@ObjectType()
export class ExperienceCasePayload {
  @Field(() => ExperienceCaseType, { nullable: true }) experienceCase?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class CaseCommentPayload {
  @Field(() => CaseCommentType, { nullable: true }) comment?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class CaseLikePayload {
  @Field(() => Int, { nullable: true, description: 'The case’s like count after the change.' }) likeCount?: number;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class CaseAdoptionPayload {
  @Field(() => CaseAdoptionType, { nullable: true }) adoption?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}
