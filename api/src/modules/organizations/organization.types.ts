/** GraphQL types of the organisation tree. Kept apart from the entity: the API is not the table. */
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../core/graphql/payload.js';
import { Node } from '../../core/graphql/node.js';
import { connectionType } from '../../core/graphql/relay.js';
import { OrganizationLevel } from './organization-level.js';

registerEnumType(OrganizationLevel, {
  name: 'OrganizationLevel',
  description: 'Level of a Party organisation.',
  valuesConfig: {
    COMMITTEE: { description: '党委 (Party committee; nests: group committee → subsidiary committee)' },
    GENERAL_BRANCH: { description: '党总支 (general Party branch)' },
    BRANCH: { description: '党支部 (Party branch)' },
    GROUP: { description: '党小组 (Party group)' },
  },
});

@ObjectType('Organization', { implements: Node, description: 'A Party organisation (党组织) in an enterprise’s tree.' })
export class OrganizationType extends Node {
  @Field({ description: 'Its name.' }) name!: string;
  @Field(() => OrganizationLevel, { description: 'Committee, general branch, branch or group.' }) level!: OrganizationLevel;
  @Field(() => Int, { description: 'Position among its siblings (ascending).' }) sortOrder!: number;
  @Field(() => Int, { description: 'Distance from the root of the tree (the root is 0).' }) depth!: number;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was archived (visible to admins above it only).' }) archivedAt!: Date | null;
  @Field({ description: 'A 临时党支部 of members away together: their life is held here, their relationship and dues stay home.' }) temporary!: boolean;
}

export const OrganizationConnection = connectionType('Organization', OrganizationType);

@InputType({ description: 'A new organisation below an existing one.' })
export class OrganizationCreateInput {
  @Field(() => ID, { description: 'The organisation to create it under.' }) parentId!: string;
  @Field({ description: 'Its name.' }) name!: string;
  @Field(() => OrganizationLevel, { description: 'Its level (below its parent’s).' }) level!: OrganizationLevel;
  @Field(() => Int, { description: 'Its place among its siblings.', nullable: true }) sortOrder?: number | null;
}

@InputType({ description: 'Changes to an organisation; fields left out stay as they are.' })
export class OrganizationUpdateInput {
  @Field(() => String, { description: 'Its name.', nullable: true }) name?: string | null;
  @Field(() => Int, { description: 'Its place among its siblings.', nullable: true }) sortOrder?: number | null;
}

@ObjectType()
export class OrganizationPayload {
  @Field(() => OrganizationType, { nullable: true }) organization?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}
