/** GraphQL types of 共建共享. */
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/graphql/node.js';
import { UserError } from '../../core/graphql/payload.js';
import { connectionType } from '../../core/graphql/relay.js';
import { ContentStatus } from '../content/content-enums.js';
import { ContentFieldsType } from '../content/content.types.js';
import { RequestStatus, ResourceAccess, ResourceKind, ShareScope } from './resource-enums.js';

registerEnumType(ResourceKind, {
  name: 'ResourceKind',
  description: 'What a shared resource is.',
  valuesConfig: {
    COURSEWARE: { description: '课件' },
    MICRO_LESSON: { description: '微党课' },
    VIDEO: { description: '视频' },
    TEMPLATE: { description: '模板' },
    EDUCATION_BASE: { description: '教育基地 (with address and opening details)' },
    LECTURER: { description: '讲师 (with topics)' },
  },
});
registerEnumType(ResourceAccess, {
  name: 'ResourceAccess',
  description: 'Who may use a shared resource: OPEN to its audience, or ON_REQUEST.',
  valuesConfig: {
    OPEN: { description: 'Whoever may see it may use it.' },
    ON_REQUEST: { description: 'Others request access for their organisation; the owner’s admins decide.' },
  },
});
registerEnumType(ShareScope, {
  name: 'ShareScope',
  description: 'Who sees a resource.',
  valuesConfig: {
    ORGANIZATION: { description: 'Members of the owner organisation itself (本组织).' },
    SUBTREE: { description: 'Members of the owner organisation and its subtree (本组织及下级).' },
    ENTERPRISE: { description: 'Signed-in members of the enterprise (企业内).' },
    PARTNERS: { description: 'The enterprise and its active partners (共建单位).' },
    PLATFORM: { description: 'Every signed-in user of the platform.' },
    PUBLIC: { description: 'Everyone.' },
  },
});
registerEnumType(RequestStatus, {
  name: 'ResourceRequestStatus',
  description: 'PENDING → APPROVED → REVOKED; PENDING → REJECTED or WITHDRAWN.',
  valuesConfig: {
    PENDING: { description: 'Waiting for the owner’s decision.' },
    APPROVED: { description: 'Granted.' },
    REJECTED: { description: 'Refused, with a note.' },
    WITHDRAWN: { description: 'Withdrawn by the requester.' },
    REVOKED: { description: 'Granted, then taken back by the owner.' },
  },
});

export const ResourceOrder = { RECENT: 'RECENT', MOST_DOWNLOADED: 'MOST_DOWNLOADED' } as const;
export type ResourceOrder = (typeof ResourceOrder)[keyof typeof ResourceOrder];
registerEnumType(ResourceOrder, {
  name: 'ResourceOrder',
  description: 'How shared resources are ordered.',
  valuesConfig: {
    RECENT: { description: 'Newest publication first.' },
    MOST_DOWNLOADED: { description: 'Most downloads first (ties: newest).' },
  },
});

export const RequestDirection = { INCOMING: 'INCOMING', OUTGOING: 'OUTGOING' } as const;
export type RequestDirection = (typeof RequestDirection)[keyof typeof RequestDirection];
registerEnumType(RequestDirection, {
  name: 'ResourceRequestDirection',
  description: 'Requests your organisations received (INCOMING) or made (OUTGOING).',
  valuesConfig: {
    INCOMING: { description: 'Requests for resources you work on (to decide).' },
    OUTGOING: { description: 'Requests you made, or your organisations made.' },
  },
});

@ObjectType('SharedResource', { implements: [Node, ContentFieldsType], description: '共建共享: a resource one organisation shares with others.' })
export class SharedResourceType extends ContentFieldsType {
  @Field(() => ResourceKind, { description: 'What the resource is.' }) resourceKind!: ResourceKind;
  @Field(() => ResourceAccess, { description: 'Open to its audience, or on request.' }) access!: ResourceAccess;
  @Field(() => ShareScope, { description: 'How far it is shared.' }) shareScope!: ShareScope;
  @Field(() => String, { nullable: true, description: 'EDUCATION_BASE: the address.' }) address!: string | null;
  @Field(() => String, { nullable: true, description: 'EDUCATION_BASE: opening hours and how to book.' }) openingDetails!: string | null;
  @Field(() => [String], { description: 'LECTURER: topics.' }) topics!: string[];
  @Field(() => Int, { description: 'How often its files were downloaded.' }) downloadCount!: number;
}
export const SharedResourceConnection = connectionType('SharedResource', SharedResourceType);

@ObjectType('ResourceRequest', { implements: Node, description: 'An organisation’s request to use an ON_REQUEST resource. Seen by both sides.' })
export class ResourceRequestType extends Node {
  @Field({ description: 'What the requester wants it for.' }) purpose!: string;
  @Field(() => RequestStatus, { description: 'Where it stands.' }) status!: RequestStatus;
  @Field(() => String, { nullable: true, description: 'Why it was rejected (or a note on the approval).' }) decisionReason!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Approved access ends then; null = until revoked.' }) accessUntil!: Date | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When it was decided.', nullable: true }) decidedAt!: Date | null;
}
export const ResourceRequestConnection = connectionType('ResourceRequest', ResourceRequestType);

@InputType({ description: 'Filters for resource lists. Without `status`, only published resources are listed.' })
export class ResourceFilter {
  @Field(() => ID, { nullable: true, description: 'Resources of this organisation (and, by default, its subtree).' }) organizationId?: string | null;
  @Field(() => Boolean, { description: 'With the organisations below (default true).', nullable: true, defaultValue: true }) includeSubtree?: boolean | null;
  @Field(() => ContentStatus, { description: 'Only resources in this status (yours or those you review); published ones without it.', nullable: true }) status?: ContentStatus | null;
  @Field(() => [String], { description: 'Only resources with all these tags.', nullable: true }) tags?: string[] | null;
  @Field(() => [ResourceKind], { description: 'Only these kinds.', nullable: true }) resourceKinds?: ResourceKind[] | null;
  @Field(() => ResourceAccess, { description: 'Only open, or only on-request resources.', nullable: true }) access?: ResourceAccess | null;
  @Field(() => ID, { nullable: true, description: 'Only resources of this enterprise (e.g. a partner’s library).' }) enterpriseId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only resources you wrote.' }) mine?: boolean | null;
}

@InputType({ description: 'A new shared resource (共建共享): what it is, its access and share scope.' })
export class ResourceCreateInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => ResourceKind, { description: 'What the resource is.' }) resourceKind!: ResourceKind;
  @Field({ description: 'The title.' }) title!: string;
  @Field(() => String, { description: 'A short summary for lists.', nullable: true }) summary?: string | null;
  @Field(() => String, { nullable: true, description: 'Description (rich text; sanitised on save).' }) bodyHtml?: string | null;
  @Field(() => [String], { description: 'Tags (at most 10).', nullable: true }) tags?: string[] | null;
  @Field(() => ShareScope, { description: 'How far it is shared.', nullable: true, defaultValue: ShareScope.ENTERPRISE }) shareScope?: ShareScope | null;
  @Field(() => ResourceAccess, { description: 'Open to its audience (the default), or on request.', nullable: true, defaultValue: ResourceAccess.OPEN }) access?: ResourceAccess | null;
  @Field(() => String, { description: 'For a place (教育基地): its address.', nullable: true }) address?: string | null;
  @Field(() => String, { description: 'For a place: when it is open and how to book.', nullable: true }) openingDetails?: string | null;
  @Field(() => [String], { description: 'Topics it covers (at most 10).', nullable: true }) topics?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Uploaded files (POST /media), in order.' }) attachmentIds?: string[] | null;
  @Field(() => ID, { description: 'An uploaded image’s id, for the cover.', nullable: true }) coverId?: string | null;
}

@InputType({ description: 'Changes to a shared resource; fields left out stay as they are.' })
export class ResourceUpdateInput {
  @Field(() => ResourceKind, { description: 'What the resource is.', nullable: true }) resourceKind?: ResourceKind | null;
  @Field(() => String, { description: 'The title.', nullable: true }) title?: string | null;
  @Field(() => String, { description: 'A short summary for lists.', nullable: true }) summary?: string | null;
  @Field(() => String, { description: 'The description: rich text, sanitised.', nullable: true }) bodyHtml?: string | null;
  @Field(() => [String], { description: 'Tags (at most 10).', nullable: true }) tags?: string[] | null;
  @Field(() => ShareScope, { description: 'How far it is shared.', nullable: true }) shareScope?: ShareScope | null;
  @Field(() => ResourceAccess, { description: 'Open to its audience, or on request.', nullable: true }) access?: ResourceAccess | null;
  @Field(() => String, { description: 'For a place: its address.', nullable: true }) address?: string | null;
  @Field(() => String, { description: 'For a place: when it is open and how to book.', nullable: true }) openingDetails?: string | null;
  @Field(() => [String], { description: 'Topics it covers (at most 10).', nullable: true }) topics?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Replaces the files; [] removes them all.' }) attachmentIds?: string[] | null;
  @Field(() => ID, { description: 'An uploaded image’s id, for the cover; an empty string removes it.', nullable: true }) coverId?: string | null;
  @Field(() => Int, { description: 'The version you edited: refuses the change if someone saved meanwhile.', nullable: true }) expectedVersion?: number | null;
}

@InputType({ description: 'Which access requests to list.' })
export class ResourceRequestFilter {
  @Field(() => RequestDirection, { description: 'Requests received or made.', nullable: true }) direction?: RequestDirection | null;
  @Field(() => RequestStatus, { description: 'Only requests in this status.', nullable: true }) status?: RequestStatus | null;
  @Field(() => ID, { description: 'Only requests for this resource.', nullable: true }) resourceId?: string | null;
}

@ObjectType()
export class SharedResourcePayload {
  @Field(() => SharedResourceType, { nullable: true }) sharedResource?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class ResourceRequestPayload {
  @Field(() => ResourceRequestType, { nullable: true }) request?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class ResourceDownloadPayload {
  @Field(() => String, { nullable: true, description: 'The file’s URL on the API (GET it with the same credentials).' }) url?: string;
  @Field(() => Int, { description: 'The resource’s downloads, counting this one.', nullable: true }) downloadCount?: number;
  @Field(() => [UserError]) userErrors!: UserError[];
}
