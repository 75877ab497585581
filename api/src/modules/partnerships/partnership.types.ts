/** GraphQL types of 共建 partnerships. */
import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/graphql/node.js';
import { UserError } from '../../core/graphql/payload.js';
import { PartnershipStatus } from './partnership.entity.js';

registerEnumType(PartnershipStatus, {
  name: 'PartnershipStatus',
  description: 'PROPOSED → ACTIVE or DECLINED; PROPOSED or ACTIVE → ENDED. PARTNERS content is shared while ACTIVE only.',
  valuesConfig: {
    PROPOSED: { description: 'Waiting for the partner’s answer.' },
    ACTIVE: { description: 'In force: PARTNERS content is shared.' },
    DECLINED: { description: 'The partner said no.' },
    ENDED: { description: 'Ended (or withdrawn) by either side.' },
  },
});

@ObjectType('Partnership', { implements: Node, description: '共建: two enterprises sharing PARTNERS content. Seen by the top-level admins of either side.' })
export class PartnershipType extends Node {
  @Field(() => PartnershipStatus, { description: 'Where it stands.' }) status!: PartnershipStatus;
  @Field({ description: 'The proposal’s message.' }) message!: string;
  @Field(() => String, { description: 'Why it was declined.', nullable: true }) declineReason!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When the partner answered.', nullable: true }) decidedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { description: 'When it ended.', nullable: true }) endedAt!: Date | null;
}

@ObjectType()
export class PartnershipPayload {
  @Field(() => PartnershipType, { nullable: true }) partnership?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}
