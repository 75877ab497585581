/** GraphQL shapes of member records (党员档案). */
import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/graphql/node.js';
import { UserError } from '../../core/graphql/payload.js';
import { connectionType } from '../../core/graphql/relay.js';
import { MemberCategory, MemberStatus, Sex } from './member.entity.js';

registerEnumType(MemberCategory, {
  name: 'MemberCategory',
  description: 'FULL (正式党员) or PROBATIONARY (预备党员).',
  valuesConfig: {
    FULL: { description: '正式党员.' },
    PROBATIONARY: { description: '预备党员.' },
  },
});
registerEnumType(MemberStatus, {
  name: 'MemberStatus',
  description: '党籍 status.',
  valuesConfig: {
    NORMAL: { description: '正常' },
    SUSPENDED: { description: '停止党籍 (can be restored)' },
    REMOVED: { description: '除名' },
    EXPELLED: { description: '开除' },
    TRANSFERRED_OUT: { description: '已转出 (by a transfer of the organisational relationship)' },
    DECEASED: { description: '去世' },
    DISQUALIFIED: { description: '取消预备党员资格 (the committee’s decision on 转正)' },
  },
});
registerEnumType(Sex, {
  name: 'Sex',
  description: 'A member’s sex, as on the records.',
  valuesConfig: {
    MALE: { description: '男.' },
    FEMALE: { description: '女.' },
  },
});

@ObjectType('MemberStatusChange', { description: 'A dated change of 党籍 status, kept as history.' })
export class MemberStatusChangeType {
  @Field(() => MemberStatus, { description: 'The new status.' }) status!: MemberStatus;
  @Field({ description: 'The day it took effect.' }) effectiveOn!: string;
  @Field({ description: 'Why.' }) reason!: string;
  @Field(() => GraphQLISODateTime, { description: 'When it was recorded.' }) recordedAt!: Date;
}

@ObjectType('Member', { implements: Node, description: '党员档案: a Party member’s record. Personal data comes back masked unless you are the member or a Party-affairs admin of their branch or above (whole reads are audited).' })
export class MemberType extends Node {
  @Field({ description: 'The member’s name.' }) name!: string;
  @Field(() => Sex, { description: 'Sex, as on the records.' }) sex!: Sex;
  @Field(() => String, { description: '民族.', nullable: true }) ethnicity!: string | null;
  @Field({ description: 'YYYY-MM-DD.' }) birthDate!: string;
  @Field(() => String, { description: 'Highest education.', nullable: true }) education!: string | null;
  @Field(() => String, { description: 'Where the member works.', nullable: true }) employer!: string | null;
  @Field(() => String, { description: 'Job title or post.', nullable: true }) position!: string | null;
  @Field({ description: '入党日期: the day the 支部大会 admitted them.' }) joinedOn!: string;
  @Field(() => String, { nullable: true, description: '转正日期 (null while probationary).' }) confirmedOn!: string | null;
  @Field(() => MemberCategory, { description: 'Full or probationary.' }) category!: MemberCategory;
  @Field(() => MemberStatus, { description: '党籍 status.' }) status!: MemberStatus;
  @Field(() => [String], { description: 'Labels the branch gives the member, e.g. 困难党员, 流动党员, 党务工作者.' }) labels!: string[];
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}
export const MemberConnection = connectionType('Member', MemberType);

@InputType({ description: 'Filters for member lists.' })
export class MemberFilter {
  @Field(() => ID, { nullable: true, description: 'Members of this organisation’s subtree.' }) organizationId?: string | null;
  @Field(() => MemberCategory, { description: 'Only full or only probationary members.', nullable: true }) category?: MemberCategory | null;
  @Field(() => MemberStatus, { nullable: true, description: 'Default: NORMAL and SUSPENDED (the current roll).' }) status?: MemberStatus | null;
  @Field(() => String, { description: 'Only members with this label.', nullable: true }) label?: string | null;
  @Field(() => String, { nullable: true, description: '姓名 begins with this (e.g. a surname).' }) name?: string | null;
}

@InputType({ description: 'A member record. Birth date and sex follow the ID number.' })
export class MemberInputType {
  @Field(() => ID, { nullable: true, description: 'The branch or Party group (required on create).' }) organizationId?: string | null;
  @Field(() => String, { description: 'The member’s name.', nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: '18 characters, GB 11643 check digit.' }) idNumber?: string | null;
  @Field(() => Sex, { nullable: true, description: 'Optional: when given it must agree with the ID number’s 17th digit.' }) sex?: Sex | null;
  @Field(() => String, { description: '民族.', nullable: true }) ethnicity?: string | null;
  @Field(() => String, { description: 'Highest education.', nullable: true }) education?: string | null;
  @Field(() => String, { nullable: true, description: 'A mainland mobile number.' }) phone?: string | null;
  @Field(() => String, { description: 'Home address (sealed at rest).', nullable: true }) address?: string | null;
  @Field(() => String, { description: 'Where the member works.', nullable: true }) employer?: string | null;
  @Field(() => String, { description: 'Job title or post.', nullable: true }) position?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD (required on create).' }) joinedOn?: string | null;
  @Field(() => String, { description: 'For a full member: the day of 转正 (YYYY-MM-DD).', nullable: true }) confirmedOn?: string | null;
  @Field(() => MemberCategory, { description: 'Full or probationary.', nullable: true }) category?: MemberCategory | null;
  @Field(() => [String], { description: 'Labels the branch gives the member.', nullable: true }) labels?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Link a sign-in account (someone you may see).' }) userId?: string | null;
}

@InputType({ description: 'A change of a member’s 党籍 status, with its date and reason.' })
export class MemberStatusInput {
  @Field(() => MemberStatus, { description: 'The new status.' }) status!: MemberStatus;
  @Field({ description: 'YYYY-MM-DD: the decision’s date.' }) effectiveOn!: string;
  @Field({ description: 'Why, as decided.' }) reason!: string;
}

@ObjectType()
export class MemberPayload {
  @Field(() => MemberType, { nullable: true }) member?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}


