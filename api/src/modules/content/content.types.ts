/** GraphQL enums and shapes shared by every content kind. */
import { Field, GraphQLISODateTime, ID, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/graphql/node.js';
import { ContentStatus, Visibility, type ContentKind } from './content-enums.js';
import { typeNameOf } from './kinds.js';

registerEnumType(ContentStatus, {
  name: 'ContentStatus',
  description: 'DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED, or REJECTED (with a reason) back to the author.',
  valuesConfig: {
    DRAFT: { description: 'Being written; seen by its author and those who manage it.' },
    IN_REVIEW: { description: 'Submitted, waiting for a reviewer.' },
    PUBLISHED: { description: 'Approved: visible to its audience from its publication time.' },
    REJECTED: { description: 'Sent back to the author with a reason.' },
    ARCHIVED: { description: 'Taken out of lists; kept.' },
  },
});
registerEnumType(Visibility, {
  name: 'Visibility',
  description: 'Who may read a published item.',
  valuesConfig: {
    PUBLIC: { description: 'Everyone (公开).' },
    ENTERPRISE: { description: 'Signed-in members of the owner’s enterprise.' },
    OWN_ORGANIZATION: { description: 'Members of the owner organisation itself (not its subtree), plus editors, reviewers and admins at or above it.' },
    ORGANIZATION: { description: 'Members of the owner organisation’s subtree, plus reviewers and admins above it.' },
    PARTNERS: { description: 'Signed-in members of the enterprise and of enterprises in an active partnership with it (共建单位).' },
    PLATFORM: { description: 'Every signed-in user of every enterprise.' },
    TARGETED: { description: 'Members of the named organisations (and their subtrees), plus reviewers and admins above the owner.' },
  },
});

@ObjectType('ContentRevision', { description: 'A saved state of an item; restore it with the kind’s restore mutation.' })
export class ContentRevisionType {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The revision number.' }) version!: number;
  @Field({ description: 'The title as it was.' }) title!: string;
  @Field({ description: 'The summary as it was.' }) summary!: string;
  @Field({ description: 'The body as it was.' }) bodyHtml!: string;
  @Field(() => [String], { description: 'The topics as they were.' }) tags!: string[];
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => String, { nullable: true, description: 'Who saved this version.' }) editorName!: string | null;
}

/** The fields every content kind's GraphQL type shares: each kind's type extends and implements it. */
@InterfaceType('Content', {
  implements: Node,
  description: 'What every content item has, whatever its kind.',
  resolveType: (value) => typeNameOf((value as { kind: ContentKind }).kind),
})
export abstract class ContentFieldsType extends Node {
  @Field({ description: 'The title.' }) title!: string;
  @Field({ description: 'A short summary for lists.' }) summary!: string;
  @Field(() => [String], { description: 'Topics.' }) tags!: string[];
  @Field(() => ContentStatus, { description: 'Where it stands in the workflow.' }) status!: ContentStatus;
  @Field(() => Visibility, { description: 'Who may read it once published.' }) visibility!: Visibility;
  @Field(() => String, { nullable: true, description: 'Why a reviewer sent it back (REJECTED only).' }) rejectionReason!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was (or will be) published.' }) publishedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { description: 'When it was pinned to the top of its lists; null when not pinned.', nullable: true }) pinnedAt!: Date | null;
  @Field(() => Int, { description: 'Its revision number: pass it as `expectedVersion` to refuse edits over someone else’s.' }) version!: number;
  @Field(() => Int, { description: 'How often it was read.' }) viewCount!: number;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType('Attachment', { description: 'A file attached to an item for download.' })
export class AttachmentType {
  @Field(() => ID) id!: string;
  @Field({ description: 'The file’s name as uploaded.' }) fileName!: string;
  @Field({ description: 'The file’s type.' }) mimeType!: string;
  @Field(() => Int, { description: 'Bytes.' }) size!: number;
  @Field({ description: 'Relative URL on the API (GET /media/<id>/<name>), for those who may use the item.' }) url!: string;
}
