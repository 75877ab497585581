/** GraphQL types of 党务公开. */
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/graphql/node.js';
import { UserError } from '../../core/graphql/payload.js';
import { connectionType } from '../../core/graphql/relay.js';
import { ContentStatus } from '../content/content-enums.js';
import { DisclosureCategory, DisclosureScope, DisclosureStep } from './disclosure-enums.js';
import { ContentFieldsType } from '../content/content.types.js';

registerEnumType(DisclosureCategory, {
  name: 'DisclosureCategory',
  description: 'The seven categories of a grassroots disclosure catalogue (公开目录).',
  valuesConfig: {
    HIGHER_DECISIONS: { description: '贯彻落实上级决策部署' },
    GOALS_AND_PLANS: { description: '目标任务、工作计划' },
    EDUCATION: { description: '党员教育管理、“三会一课”' },
    ORGANIZATION_BUILDING: { description: '换届选举、组织设置、发展党员、民主评议、党费收缴使用' },
    CONDUCT_AND_SERVICE: { description: '作风建设、联系服务党员和群众' },
    DISCIPLINE: { description: '党风廉政建设、纪律' },
    OTHER: { description: '其他' },
  },
});
registerEnumType(DisclosureScope, {
  name: 'DisclosureScope',
  description: 'To whom a disclosure is made (公开范围).',
  valuesConfig: {
    SOCIETY: { description: '向社会公开 (everyone)' },
    WHOLE_ENTERPRISE: { description: '企业内部公开 (signed-in members of the enterprise)' },
    OWN_ORG_SUBTREE: { description: '本组织及下级公开 (members of the owner’s subtree, and reviewers and admins above)' },
    TARGETED: { description: '向特定组织公开 (members of the named organisations and their subtrees; see `targetOrganizationIds`)' },
  },
});
registerEnumType(DisclosureStep, {
  name: 'DisclosureStep',
  description: '提出 → 审核 (secrecy review) → 审批; approval publishes it (实施).',
  valuesConfig: {
    PROPOSED: { description: '提出' },
    REVIEWED: { description: '审核 passed, secrecy review recorded.' },
    APPROVED: { description: '审批 done, published (实施) now or at its time.' },
  },
});

@ObjectType('SecrecyReview', { description: 'The recorded secrecy review (保密审查) of a disclosure.' })
export class SecrecyReviewType {
  @Field(() => String, { description: 'Who reviewed it.', nullable: true }) reviewerName!: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When it was reviewed.' }) reviewedAt!: Date;
  @Field({ description: 'The reviewer’s conclusion.' }) conclusion!: string;
}

@ObjectType('PublicNotice', { description: '公示: the window during which feedback and objections are received.' })
export class PublicNoticeType {
  @Field(() => GraphQLISODateTime, { description: 'When it opens.' }) startsAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When it closes.' }) endsAt!: Date;
  @Field({ description: 'Whether feedback is received now.' }) open!: boolean;
  @Field(() => Int, { description: 'Seconds until the window closes (0 once closed), for countdowns.' }) remainingSeconds!: number;
}

@ObjectType('Disclosure', { implements: [Node, ContentFieldsType], description: '党务公开: a disclosure of a Party organisation.' })
export class DisclosureType extends ContentFieldsType {}
export const DisclosureConnection = connectionType('Disclosure', DisclosureType);

@ObjectType('DisclosureFeedback', { description: 'Feedback on a disclosure and the reply; seen by the owner’s reviewers and admins.' })
export class DisclosureFeedbackType extends Node {
  @Field({ description: 'The feedback.' }) body!: string;
  @Field(() => String, { description: 'The name the sender gave; null when none.', nullable: true }) authorName!: string | null;
  @Field(() => String, { description: 'The contact the sender gave (for the owner’s reviewers and admins).', nullable: true }) contact!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => String, { description: 'The answer; null until answered.', nullable: true }) reply!: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When it was answered.', nullable: true }) repliedAt!: Date | null;
}
export const DisclosureFeedbackConnection = connectionType('DisclosureFeedback', DisclosureFeedbackType);

@InputType({ description: 'Filters for disclosure lists. Without `status`, only published disclosures are listed.' })
export class DisclosureFilter {
  @Field(() => ID, { nullable: true }) organizationId?: string | null;
  @Field(() => Boolean, { description: 'With the organisations below (default true).', nullable: true, defaultValue: true }) includeSubtree?: boolean | null;
  @Field(() => DisclosureCategory, { description: 'Only this category.', nullable: true }) category?: DisclosureCategory | null;
  @Field(() => ContentStatus, { description: 'Only disclosures in this status (yours or those you review); published ones without it.', nullable: true }) status?: ContentStatus | null;
  @Field(() => Boolean, { nullable: true, description: 'Only disclosures whose notice window is open now.' }) noticeOpen?: boolean | null;
  @Field(() => [String], { nullable: true, description: 'Disclosures with any of these tags.' }) tags?: string[] | null;
  @Field(() => GraphQLISODateTime, { description: 'Published at or after this time.', nullable: true }) publishedSince?: Date | null;
  @Field(() => GraphQLISODateTime, { description: 'Published before this time.', nullable: true }) publishedUntil?: Date | null;
}

@ObjectType('DisclosureCatalogueEntry', { description: 'One category of an organisation’s disclosure catalogue (公开目录).' })
export class DisclosureCatalogueEntryType {
  @Field(() => DisclosureCategory, { description: 'A category of the 公开目录.' }) category!: DisclosureCategory;
  @Field(() => Int, { description: 'Published disclosures in it that you may read.' }) count!: number;
}

@InputType({ description: 'A new disclosure (提出): its category, scope, text and 公示 window.' })
export class DisclosureCreateInput {
  @Field(() => ID) organizationId!: string;
  @Field({ description: 'The title.' }) title!: string;
  @Field(() => String, { description: 'A short summary for lists.', nullable: true }) summary?: string | null;
  @Field(() => String, { description: 'The text: rich text, sanitised.', nullable: true }) bodyHtml?: string | null;
  @Field(() => DisclosureCategory, { description: 'Its place in the 公开目录.' }) category!: DisclosureCategory;
  @Field(() => DisclosureScope, { description: '公开范围: who may read it.' }) scope!: DisclosureScope;
  @Field(() => GraphQLISODateTime, { description: 'When the 公示 opens, for a notice with a feedback window.', nullable: true }) noticeStartsAt?: Date | null;
  @Field(() => GraphQLISODateTime, { description: 'When the 公示 closes (with `noticeStartsAt`).', nullable: true }) noticeEndsAt?: Date | null;
  @Field(() => [ID], { nullable: true, description: 'For scope TARGETED: the organisations (1–50) it is addressed to.' }) targetOrganizationIds?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Cover image: an uploaded image’s id; an empty string removes it.' }) coverId?: string | null;
}

@InputType({ description: 'Changes to a disclosure before it is approved; fields left out stay as they are.' })
export class DisclosureUpdateInput {
  @Field(() => String, { description: 'The title.', nullable: true }) title?: string | null;
  @Field(() => String, { description: 'A short summary for lists.', nullable: true }) summary?: string | null;
  @Field(() => String, { description: 'The text: rich text, sanitised.', nullable: true }) bodyHtml?: string | null;
  @Field(() => DisclosureCategory, { description: 'Its place in the 公开目录.', nullable: true }) category?: DisclosureCategory | null;
  @Field(() => DisclosureScope, { description: '公开范围: who may read it.', nullable: true }) scope?: DisclosureScope | null;
  @Field(() => GraphQLISODateTime, { description: 'When the 公示 opens.', nullable: true }) noticeStartsAt?: Date | null;
  @Field(() => GraphQLISODateTime, { description: 'When the 公示 closes.', nullable: true }) noticeEndsAt?: Date | null;
  @Field(() => [ID], { nullable: true, description: 'For scope TARGETED: replaces the organisations it is addressed to.' }) targetOrganizationIds?: string[] | null;
  @Field(() => Int, { description: 'The version you edited: refuses the change if someone saved meanwhile.', nullable: true }) expectedVersion?: number | null;
  @Field(() => ID, { nullable: true, description: 'Cover image: an uploaded image’s id; an empty string removes it.' }) coverId?: string | null;
}

@InputType({ description: 'Feedback on an open 公示: the text, and optionally a name and contact.' })
export class DisclosureFeedbackInput {
  @Field({ description: 'Plain text, 1–2000 characters.' }) body!: string;
  @Field(() => String, { description: 'A name, if the sender gives one.', nullable: true }) authorName?: string | null;
  @Field(() => String, { nullable: true, description: 'How to reach you, if you want an answer.' }) contact?: string | null;
}

@ObjectType()
export class DisclosurePayload {
  @Field(() => DisclosureType, { nullable: true }) disclosure?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class DisclosureFeedbackPayload {
  @Field(() => DisclosureFeedbackType, { nullable: true }) feedback?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType('DisclosureReach', { description: 'How far an internal disclosure reached (阅读回执).' })
export class DisclosureReachType {
  @Field(() => Int, { description: 'Members who confirmed reading it.' }) confirmed!: number;
  @Field(() => Int, { description: 'Members it is addressed to.' }) eligible!: number;
}
