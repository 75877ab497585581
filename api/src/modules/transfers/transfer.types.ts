import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/graphql/node.js';
import { UserError } from '../../core/graphql/payload.js';
import { connectionType } from '../../core/graphql/relay.js';
import { MemberCategory, Sex } from '../members/member.entity.js';
import { TransferAction, TransferReach, TransferStatus } from './states.js';

registerEnumType(TransferStatus, {
  name: 'TransferStatus',
  description: '组织关系转接: APPLIED → BRANCH_AGREED → ISSUED (介绍信) → RECEIVED → REPORTED → ARCHIVED; RETURNED, WITHDRAWN, REJECTED; EXPIRED is an ISSUED letter past its validity.',
  valuesConfig: {
    APPLIED: { description: '已申请' },
    RETURNED: { description: '退回修改' },
    BRANCH_AGREED: { description: '支部同意' },
    ISSUED: { description: '党委审批，开具介绍信' },
    RECEIVED: { description: '接收方已接收' },
    REPORTED: { description: '已报到（回执）' },
    ARCHIVED: { description: '已归档' },
    WITHDRAWN: { description: '撤回' },
    REJECTED: { description: '不同意' },
    EXPIRED: { description: '介绍信逾期（computed)' },
  },
});
registerEnumType(TransferReach, {
  name: 'TransferReach',
  description: 'INTERNAL: another branch of the enterprise; PLATFORM: a branch of another enterprise on the platform; EXTERNAL: off the platform (the letter is printed).',
  valuesConfig: {
    INTERNAL: { description: 'To another branch of the enterprise.' },
    PLATFORM: { description: 'To a branch of another enterprise on the platform.' },
    EXTERNAL: { description: 'Off the platform: the letter is printed.' },
  },
});
registerEnumType(TransferAction, {
  name: 'TransferAction',
  description: 'AGREE, RETURN, RESUBMIT, REJECT, WITHDRAW (the sending branch; the member may withdraw and resubmit); ISSUE (the sending 党委; again after expiry); RECEIVE, REPORT (the receiving organisation; off the platform the sending 党委 records the 回执); ARCHIVE (the sending 党委).',
  valuesConfig: {
    AGREE: { description: '支部同意' },
    RETURN: { description: '退回修改 (branch or committee)' },
    RESUBMIT: { description: '修改后重新提交' },
    REJECT: { description: '不同意，说明理由' },
    WITHDRAW: { description: '本人或支部撤回' },
    ISSUE: { description: '党委审批并开具介绍信 (again after expiry: 重开)' },
    RECEIVE: { description: '接收方接收 (EXTERNAL: 回执寄回)' },
    REPORT: { description: '党员报到' },
    ARCHIVE: { description: '归档' },
  },
});

@ObjectType('TransferStep', { description: 'One step of a transfer, never edited.' })
export class TransferStepType {
  @Field({ description: 'What was done.' }) action!: string;
  @Field(() => TransferStatus, { description: 'The status it led to.' }) status!: TransferStatus;
  @Field(() => String, { description: 'The opinion recorded with it.', nullable: true }) opinion!: string | null;
  @Field(() => String, { description: 'Who did it.', nullable: true }) byName!: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When.' }) at!: Date;
}

@ObjectType('TransferPerson', { description: 'The person as the letter describes them: what both sides of a transfer read (the ID number masked).' })
export class TransferPersonType {
  @Field({ description: 'The member’s name.' }) name!: string;
  @Field(() => Sex, { description: 'Sex, as on the records.' }) sex!: Sex;
  @Field({ description: 'Date of birth (YYYY-MM-DD).' }) birthDate!: string;
  @Field(() => String, { description: '民族.', nullable: true }) ethnicity!: string | null;
  @Field(() => String, { description: 'Highest education.', nullable: true }) education!: string | null;
  @Field(() => MemberCategory, { description: 'Full or probationary.' }) category!: MemberCategory;
  @Field({ description: 'The day of admission (入党日期).' }) joinedOn!: string;
  @Field(() => String, { description: 'The day of 转正, for a full member.', nullable: true }) confirmedOn!: string | null;
  @Field({ description: 'Masked, e.g. 3701**********1234.' }) idNumber!: string;
}

@ObjectType('Transfer', { implements: Node, description: '组织关系转接: seen by the sending side, by the receiving organisation once the letter is issued (in another enterprise too), and by the member.' })
export class TransferType extends Node {
  @Field(() => TransferReach, { description: 'Inside the enterprise, to another on the platform, or off it.' }) reach!: TransferReach;
  @Field(() => String, { nullable: true, description: 'EXTERNAL: the receiving organisation in words.' }) destination!: string | null;
  @Field({ description: 'Why the member moves.' }) reason!: string;
  @Field(() => String, { nullable: true, description: '介绍信 number: the year and the committee’s running number.' }) letterNumber!: string | null;
  @Field(() => String, { description: 'When the letter was issued (YYYY-MM-DD).', nullable: true }) issuedOn!: string | null;
  @Field(() => Int, { description: 'The letter’s validity, in days.', nullable: true }) validityDays!: number | null;
  @Field(() => String, { nullable: true, description: 'The last day the letter is valid.' }) validUntil!: string | null;
  @Field(() => String, { nullable: true, description: '党费交至 (YYYY-MM).' }) duesPaidUpTo!: string | null;
  @Field(() => String, { description: 'When the receiving side received it.', nullable: true }) receivedOn!: string | null;
  @Field(() => String, { description: 'When the member reported (报到).', nullable: true }) reportedOn!: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When it was applied for.' }) appliedAt!: Date;
  @Field(() => Int, { description: 'Pass it as `expectedVersion` to refuse acting over someone else’s step.' }) version!: number;
}
export const TransferConnection = connectionType('Transfer', TransferType);

export const TransferDirection = { OUTGOING: 'OUTGOING', INCOMING: 'INCOMING', MINE: 'MINE' } as const;
export type TransferDirection = (typeof TransferDirection)[keyof typeof TransferDirection];
registerEnumType(TransferDirection, {
  name: 'TransferDirection',
  description: 'OUTGOING: from organisations whose records you read; INCOMING: to them, from the letter on; MINE: your own.',
  valuesConfig: {
    OUTGOING: { description: 'From organisations whose records you read.' },
    INCOMING: { description: 'To those organisations, from the letter on.' },
    MINE: { description: 'Your own.' },
  },
});

@InputType({ description: 'Which transfers to list.' })
export class TransferFilter {
  @Field(() => TransferDirection, { description: 'Outgoing, incoming or your own.', nullable: true }) direction?: TransferDirection | null;
  @Field(() => Boolean, { nullable: true, description: 'Only transfers still under way.' }) open?: boolean | null;
}

@InputType({ description: '申请组织关系转接 (the member, or the admins of their branch).' })
export class TransferApplyInput {
  @Field(() => ID) memberId!: string;
  @Field(() => TransferReach, { description: 'Inside the enterprise, to another on the platform, or off it.' }) reach!: TransferReach;
  @Field(() => ID, { nullable: true, description: 'INTERNAL, PLATFORM: the receiving 党支部 or 党小组.' }) toOrganizationId?: string | null;
  @Field(() => String, { nullable: true, description: 'EXTERNAL: the receiving organisation as the letter will name it.' }) destination?: string | null;
  @Field({ description: 'e.g. 工作调动, 户籍迁移.' }) reason!: string;
}

@InputType({ description: 'An action on a transfer, with an opinion where it needs one.' })
export class TransferActInput {
  @Field(() => ID, { description: 'The transfer.' }) transferId!: string;
  @Field(() => TransferAction, { description: 'What to do.' }) action!: TransferAction;
  @Field(() => String, { nullable: true, description: 'Required to REJECT or RETURN.' }) opinion?: string | null;
  @Field(() => Int, { description: 'The version you saw.', nullable: true }) expectedVersion?: number | null;
}

@ObjectType()
export class TransferPayload {
  @Field(() => TransferType, { nullable: true }) transfer?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}
