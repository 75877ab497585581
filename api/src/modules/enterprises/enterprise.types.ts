import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { Node } from '../../core/graphql/node.js';
import { connectionType } from '../../core/graphql/relay.js';

@ObjectType('Enterprise', { implements: Node, description: 'An enterprise group or company: the tenant (企业).' })
export class EnterpriseType extends Node {
  @Field({ description: 'URL-safe handle, unique across the platform.' }) slug!: string;
  @Field({ description: 'The enterprise’s full name.' }) name!: string;
  @Field({ description: 'Its short name, for headers.' }) shortName!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

export const EnterpriseConnection = connectionType('Enterprise', EnterpriseType);
