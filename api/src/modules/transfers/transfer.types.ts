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
  @Field() action!: string;
  @Field(() => TransferStatus) status!: TransferStatus;
  @Field(() => String, { nullable: true }) opinion!: string | null;
  @Field(() => String, { nullable: true }) byName!: string | null;
  @Field(() => GraphQLISODateTime) at!: Date;
}

@ObjectType('TransferPerson', { description: 'The person as the letter describes them: what both sides of a transfer read (the ID number masked).' })
export class TransferPersonType {
  @Field() name!: string;
  @Field(() => Sex) sex!: Sex;
  @Field() birthDate!: string;
  @Field(() => String, { nullable: true }) ethnicity!: string | null;
  @Field(() => String, { nullable: true }) education!: string | null;
  @Field(() => MemberCategory) category!: MemberCategory;
  @Field() joinedOn!: string;
  @Field(() => String, { nullable: true }) confirmedOn!: string | null;
  @Field({ description: 'Masked, e.g. 3701**********1234.' }) idNumber!: string;
}

@ObjectType('Transfer', { implements: Node, description: '组织关系转接: seen by the sending side, by the receiving organisation once the letter is issued (in another enterprise too), and by the member.' })
export class TransferType extends Node {
  @Field(() => TransferReach) reach!: TransferReach;
  @Field(() => String, { nullable: true, description: 'EXTERNAL: the receiving organisation in words.' }) destination!: string | null;
  @Field() reason!: string;
  @Field(() => String, { nullable: true, description: '介绍信 number: the year and the committee’s running number.' }) letterNumber!: string | null;
  @Field(() => String, { nullable: true }) issuedOn!: string | null;
  @Field(() => Int, { nullable: true }) validityDays!: number | null;
  @Field(() => String, { nullable: true, description: 'The last day the letter is valid.' }) validUntil!: string | null;
  @Field(() => String, { nullable: true, description: '党费交至 (YYYY-MM).' }) duesPaidUpTo!: string | null;
  @Field(() => String, { nullable: true }) receivedOn!: string | null;
  @Field(() => String, { nullable: true }) reportedOn!: string | null;
  @Field(() => GraphQLISODateTime) appliedAt!: Date;
  @Field(() => Int) version!: number;
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
  @Field(() => TransferDirection, { nullable: true }) direction?: TransferDirection | null;
  @Field(() => Boolean, { nullable: true, description: 'Only transfers still under way.' }) open?: boolean | null;
}

@InputType({ description: '申请组织关系转接 (the member, or the admins of their branch).' })
export class TransferApplyInput {
  @Field(() => ID) memberId!: string;
  @Field(() => TransferReach) reach!: TransferReach;
  @Field(() => ID, { nullable: true, description: 'INTERNAL, PLATFORM: the receiving 党支部 or 党小组.' }) toOrganizationId?: string | null;
  @Field(() => String, { nullable: true, description: 'EXTERNAL: the receiving organisation as the letter will name it.' }) destination?: string | null;
  @Field({ description: 'e.g. 工作调动, 户籍迁移.' }) reason!: string;
}

@InputType({ description: 'An action on a transfer, with an opinion where it needs one.' })
export class TransferActInput {
  @Field(() => ID) transferId!: string;
  @Field(() => TransferAction) action!: TransferAction;
  @Field(() => String, { nullable: true, description: 'Required to REJECT or RETURN.' }) opinion?: string | null;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
}

@ObjectType()
export class TransferPayload {
  @Field(() => TransferType, { nullable: true }) transfer?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}
