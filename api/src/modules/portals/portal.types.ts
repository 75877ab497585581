import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { Node } from '../../core/graphql/node.js';

@ObjectType('Portal', { implements: Node, description: 'A portal site (门户网站) bound to one organisation.' })
export class PortalType extends Node {
  @Field({ description: 'Used in local URLs: /p/<slug>/.' }) slug!: string;
  @Field() title!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}
