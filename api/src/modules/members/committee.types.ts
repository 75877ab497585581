import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../core/graphql/payload.js';
import { CommitteePost } from './committee.entity.js';
import { OrganizationWarningCode } from './organization-warnings.js';

registerEnumType(CommitteePost, {
  name: 'CommitteePost',
  description: '书记, 副书记, 组织委员, 宣传委员, 纪检委员, 委员 with other duties — posts of a committee; or GROUP_LEADER, the 组长 of a 党小组.',
  valuesConfig: {
    SECRETARY: { description: '书记' },
    DEPUTY_SECRETARY: { description: '副书记' },
    ORGANIZATION: { description: '组织委员' },
    PROPAGANDA: { description: '宣传委员' },
    DISCIPLINE: { description: '纪检委员' },
    MEMBER: { description: '委员 (other duties)' },
    GROUP_LEADER: { description: '党小组组长 (a 党小组 has a leader, not a committee)' },
  },
});
registerEnumType(OrganizationWarningCode, {
  name: 'OrganizationWarningCode',
  description: 'What an organisation’s records show needs attention.',
  valuesConfig: {
    NO_COMMITTEE: { description: 'No committee recorded.' },
    ELECTION_DUE: { description: 'The committee’s term ends soon: prepare the election.' },
    ELECTION_OVERDUE: { description: 'The committee’s term has ended without an election.' },
    FEW_FULL_MEMBERS: { description: 'Fewer full members than a branch needs (3).' },
    TOO_MANY_MEMBERS: { description: 'More members than a branch should have (50): consider dividing it.' },
  },
});

@ObjectType('MemberPost', { description: 'A post a member holds, or held, in a committee (支委会 and above).' })
export class MemberPostType {
  @Field(() => ID) id!: string;
  @Field(() => CommitteePost, { description: 'The post.' }) post!: CommitteePost;
  @Field({ description: 'YYYY-MM-DD.' }) startedOn!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while held.' }) endedOn!: string | null;
}

@ObjectType('CommitteeTerm', { description: 'A term (届) of a committee: elected on a day for 3–5 years.' })
export class CommitteeTermType {
  @Field({ description: 'The day the committee was elected (YYYY-MM-DD).' }) electedOn!: string;
  @Field(() => Int, { description: 'How many years the term runs.' }) termYears!: number;
  @Field({ description: 'The day the term ends: the next election is due.' }) endsOn!: string;
}

@ObjectType('OrganizationWarning', { description: 'A check of DOMAIN-RULES §1 that the organisation fails, with the rule’s source.' })
export class OrganizationWarningType {
  @Field(() => OrganizationWarningCode, { description: 'What needs attention.' }) code!: OrganizationWarningCode;
  @Field({ description: 'In words.' }) message!: string;
  @Field({ description: 'The rule and where it comes from.' }) source!: string;
  @Field(() => String, { description: 'By when, if it has a date.', nullable: true }) dueOn!: string | null;
}

@InputType({ description: 'A committee’s term (届): when it was elected and how long it runs.' })
export class CommitteeTermInput {
  @Field(() => ID) organizationId!: string;
  @Field({ description: 'YYYY-MM-DD: the day of the election.' }) electedOn!: string;
  @Field(() => Int, { description: '3 to 5 (村/社区 branches 5, others generally 3).' }) termYears!: number;
}

@InputType({ description: 'A post a member holds in a committee.' })
export class MemberPostInput {
  @Field(() => ID) memberId!: string;
  @Field(() => ID, { description: 'Whose committee: the member’s branch or an organisation above it.' }) organizationId!: string;
  @Field(() => CommitteePost, { description: 'The post.' }) post!: CommitteePost;
  @Field({ description: 'YYYY-MM-DD.' }) startedOn!: string;
}

@ObjectType()
export class CommitteeTermPayload {
  @Field(() => CommitteeTermType, { nullable: true }) term?: CommitteeTermType;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class MemberPostPayload {
  @Field(() => MemberPostType, { nullable: true }) post?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}
