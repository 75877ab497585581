/** GraphQL enums and shapes shared by every content kind. */
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ContentStatus, Visibility } from './content-enums.js';

registerEnumType(ContentStatus, {
  name: 'ContentStatus',
  description: 'DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED, or REJECTED (with a reason) back to the author.',
});
registerEnumType(Visibility, {
  name: 'Visibility',
  description: 'Who may read a published item.',
  valuesConfig: {
    PUBLIC: { description: 'Everyone (公开).' },
    ENTERPRISE: { description: 'Signed-in members of the owner’s enterprise.' },
    ORGANIZATION: { description: 'Members of the owner organisation’s subtree, plus reviewers and admins above it.' },
    PARTNERS: { description: 'The enterprise and its active partners (partnerships to come; until then as ENTERPRISE).' },
    PLATFORM: { description: 'Every signed-in user of every enterprise.' },
    TARGETED: { description: 'Members of the named organisations (and their subtrees), plus reviewers and admins above the owner.' },
  },
});

@ObjectType('ContentRevision', { description: 'A saved state of an item; restore it with the kind’s restore mutation.' })
export class ContentRevisionType {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field() title!: string;
  @Field() summary!: string;
  @Field() bodyHtml!: string;
  @Field(() => [String]) tags!: string[];
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => String, { nullable: true, description: 'Who saved this version.' }) editorName!: string | null;
}
