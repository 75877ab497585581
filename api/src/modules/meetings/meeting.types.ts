import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/graphql/node.js';
import { UserError } from '../../core/graphql/payload.js';
import { connectionType } from '../../core/graphql/relay.js';
import { ConfirmationOutcome } from '../development/stages.js';
import { Cycle, ItemStatus, LifeItem } from './compliance.js';
import { Attendance, ExemptionReason, MeetingPhase, MeetingType, MotionKind, SignInMethod } from './meeting-types.js';

registerEnumType(MeetingType, {
  name: 'MeetingType',
  description: '支部党员大会, 支委会 (党委会 at a committee), 党小组会, 党课, 主题党日, 组织生活会, 民主评议党员会议, 中心组学习.',
  valuesConfig: {
    BRANCH_ASSEMBLY: { description: '支部党员大会' },
    COMMITTEE: { description: '支委会 (党委会 at a committee)' },
    GROUP: { description: '党小组会' },
    PARTY_LECTURE: { description: '党课' },
    THEME_DAY: { description: '主题党日' },
    LIFE_MEETING: { description: '组织生活会' },
    APPRAISAL: { description: '民主评议党员会议' },
    CENTRAL_GROUP: { description: '党委理论学习中心组学习' },
  },
});
registerEnumType(MeetingPhase, {
  name: 'MeetingPhase',
  description: 'PLANNED → IN_PROGRESS → HELD (by the clock) → RECORDED → UNDER_REVIEW → APPROVED (locked) or RETURNED; or CANCELLED before it begins.',
  valuesConfig: {
    PLANNED: { description: 'Planned; not begun.' },
    IN_PROGRESS: { description: 'Under way (by the clock): sign-in is open.' },
    HELD: { description: 'Over (by the clock); no record yet.' },
    RECORDED: { description: 'Minutes saved, not yet submitted.' },
    UNDER_REVIEW: { description: 'The record waits for the committee above.' },
    RETURNED: { description: 'The record was sent back for correction.' },
    APPROVED: { description: 'The record was approved and is locked (corrections are appended).' },
    CANCELLED: { description: 'Cancelled before it began.' },
  },
});
registerEnumType(Attendance, {
  name: 'Attendance',
  description: 'EXPECTED, PRESENT, LEAVE_REQUESTED, ON_LEAVE (granted by the host), ABSENT (with the reason).',
  valuesConfig: {
    PRESENT: { description: 'Signed in.' },
    LEAVE_REQUESTED: { description: 'Asked the host for leave; not yet decided.' },
    EXPECTED: { description: 'Invited, not (yet) signed in.' },
    ON_LEAVE: { description: 'Leave granted by the host.' },
    ABSENT: { description: 'Recorded absent, with the reason.' },
  },
});
registerEnumType(SignInMethod, {
  name: 'SignInMethod',
  description: 'SELF (in the workspace), QR (the meeting’s code scanned in the room), CARD (the recorder scanned the e-card), RECORDER (ticked).',
  valuesConfig: {
    SELF: { description: 'By the member, in the workspace.' },
    QR: { description: 'The meeting’s code scanned in the room.' },
    CARD: { description: 'The recorder scanned the member’s e-card.' },
    RECORDER: { description: 'Ticked by the recorder.' },
  },
});
registerEnumType(MotionKind, {
  name: 'MotionKind',
  description: 'GENERAL, or a vote on one person: ADMISSION (接收预备党员) or CONFIRMATION (转正).',
  valuesConfig: {
    GENERAL: { description: 'Any other matter.' },
    ADMISSION: { description: '接收预备党员: a vote on one applicant.' },
    CONFIRMATION: { description: '转正: a vote on one probationary member.' },
  },
});
registerEnumType(ExemptionReason, {
  name: 'ExemptionReason',
  description: 'Why the committee above excused a member from attendance: AGE (年老体弱), ILLNESS, ABROAD, OTHER.',
  valuesConfig: {
    AGE: { description: '年老体弱.' },
    ILLNESS: { description: '患病.' },
    ABROAD: { description: '出国（境）.' },
    OTHER: { description: 'Another reason, stated.' },
  },
});
registerEnumType(LifeItem, {
  name: 'LifeItem',
  description: 'An item of the compliance calendar: a kind of meeting, TALKS (谈心谈话 coverage, per cent) or CLASS_HOURS (学时 per member).',
  valuesConfig: {
    BRANCH_ASSEMBLY: { description: '支部党员大会: at least once a quarter.' },
    COMMITTEE: { description: '支部委员会: at least once a month.' },
    GROUP: { description: '党小组会: at least once a month.' },
    PARTY_LECTURE: { description: '党课: at least once a quarter.' },
    THEME_DAY: { description: '主题党日: every month.' },
    LIFE_MEETING: { description: '组织生活会: at least once a year.' },
    APPRAISAL: { description: '民主评议党员: once a year.' },
    TALKS: { description: '谈心谈话: share of members talked with in the year, in per cent.' },
    CLASS_HOURS: { description: '学时 per member per year.' },
  },
});
registerEnumType(Cycle, {
  name: 'LifeCycle',
  description: 'How often an item is owed: MONTH, QUARTER, YEAR.',
  valuesConfig: {
    MONTH: { description: 'Owed every month.' },
    QUARTER: { description: 'Owed every quarter.' },
    YEAR: { description: 'Owed every year.' },
  },
});
registerEnumType(ItemStatus, {
  name: 'LifeItemStatus',
  description: 'MET; PENDING (held, record not approved); OPEN (the cycle runs); MISSING (closed short); NOT_APPLICABLE; NO_SOURCE (its data is not on the platform yet).',
  valuesConfig: {
    MET: { description: 'Approved records reach the target.' },
    PENDING: { description: 'Held, the records not yet approved.' },
    OPEN: { description: 'The cycle still runs.' },
    MISSING: { description: 'The cycle closed short.' },
    NOT_APPLICABLE: { description: 'E.g. 小组会 in a branch without groups.' },
    NO_SOURCE: { description: 'The figure\'s source is not on the platform yet.' },
  },
});

@ObjectType('MeetingCounts', { description: 'The roll in figures. 应到 and 实到 count members with a vote; excused members who did not come are left out.' })
export class MeetingCountsType {
  @Field(() => Int, { description: 'Everyone invited.' }) invited!: number;
  @Field(() => Int, { description: '应到: members with a vote.' }) expected!: number;
  @Field(() => Int, { description: '实到: of them, signed in.' }) present!: number;
  @Field(() => Int, { description: 'Everyone signed in (probationary members and guests too).' }) attended!: number;
  @Field(() => Int, { description: 'On leave granted by the host.' }) onLeave!: number;
  @Field(() => Int, { description: 'Absent without leave.' }) absent!: number;
  @Field(() => Int, { description: 'Excused by the committee above (exemptions).' }) excused!: number;
  @Field(() => Int, { description: 'Guests (列席).' }) guests!: number;
  @Field(() => Int, { description: 'Attendance in per cent of the invited, excused members left out.' }) rate!: number;
}

@ObjectType('MeetingAttendee', { description: 'One invited person and what became of the invitation.' })
export class MeetingAttendeeType {
  @Field(() => ID, { description: 'The member (global id).' }) memberId!: string;
  @Field({ description: 'The member.' }) name!: string;
  @Field({ description: 'Has a vote here.' }) voting!: boolean;
  @Field({ description: 'A 流动党员 staying with the organisation.' }) guest!: boolean;
  @Field({ description: 'Excused by the committee above.' }) excused!: boolean;
  @Field(() => Attendance, { description: 'How they attended.' }) attendance!: Attendance;
  @Field(() => GraphQLISODateTime, { description: 'When they signed in.', nullable: true }) signedInAt!: Date | null;
  @Field(() => SignInMethod, { description: 'How they signed in.', nullable: true }) signInMethod!: SignInMethod | null;
  @Field(() => String, { description: 'Why they asked for leave.', nullable: true }) leaveReason!: string | null;
  @Field(() => String, { nullable: true, description: 'Why leave was refused.' }) leaveNote!: string | null;
  @Field(() => String, { description: 'Why absent, as recorded.', nullable: true }) absenceReason!: string | null;
}

@ObjectType('MeetingMotion', { description: 'A motion voted on by a 支部党员大会, with the computed result.' })
export class MeetingMotionType {
  @Field(() => ID) id!: string;
  @Field(() => MotionKind, { description: 'A general matter, or a vote on one person.' }) kind!: MotionKind;
  @Field({ description: 'What was voted on.' }) title!: string;
  @Field(() => Int, { description: '应到, from the roll.' }) expected!: number;
  @Field(() => Int, { description: '实到, from the roll.' }) present!: number;
  @Field(() => Int, { description: 'Votes for in the room.' }) yes!: number;
  @Field(() => Int, { description: 'Votes against in the room.' }) no!: number;
  @Field(() => Int, { description: 'Abstentions in the room.' }) abstain!: number;
  @Field(() => Int, { description: 'Written votes for of members absent.' }) writtenYes!: number;
  @Field(() => Int, { description: 'Written votes against of members absent.' }) writtenNo!: number;
  @Field(() => Int, { description: 'Written abstentions of members absent.' }) writtenAbstain!: number;
  @Field(() => String, { description: 'Opinions recorded.', nullable: true }) opinions!: string | null;
  @Field({ description: 'Yes votes, written ones included, exceed half of 应到 (with more than half present).' }) passed!: boolean;
}

@ObjectType('MeetingCorrection', { description: 'A correction appended to an approved record, dated and signed.' })
export class MeetingCorrectionType {
  @Field({ description: 'The correction.' }) body!: string;
  @Field({ description: 'Who signed it.' }) signedName!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType('Meeting', { implements: Node, description: 'A meeting of organisational life. Read by the organisation’s admins and those above, the invited, and — for 大会 and 党课 — the branch’s members; never public.' })
export class MeetingNode extends Node {
  @Field(() => MeetingType, { description: 'What kind of meeting.' }) type!: MeetingType;
  @Field(() => [MeetingType], { description: 'Other kinds it also fulfils (a 大会 held on the 主题党日).' }) alsoCountsAs!: MeetingType[];
  @Field({ description: 'Its topic.' }) topic!: string;
  @Field({ description: '议程 (plain text).' }) agenda!: string;
  @Field(() => GraphQLISODateTime, { description: 'When it begins.' }) startsAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When it is planned to end.' }) endsAt!: Date;
  @Field(() => String, { description: 'Where.', nullable: true }) place!: string | null;
  @Field(() => String, { description: 'The online meeting’s link, for those invited.', nullable: true }) onlineLink!: string | null;
  @Field(() => String, { nullable: true, description: '授课人 of a 党课.' }) lecturer!: string | null;
  @Field({ description: '会议记录 (sanitised HTML).' }) minutes!: string;
  @Field({ description: '决议 (sanitised HTML).' }) resolutions!: string;
  @Field(() => String, { nullable: true, description: '列席.' }) guests!: string | null;
  @Field(() => String, { description: 'The committee above’s note on its record.', nullable: true }) reviewNote!: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When its record was submitted.', nullable: true }) submittedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { description: 'When its record was approved.', nullable: true }) approvedAt!: Date | null;
  @Field(() => String, { description: 'Why it was cancelled.', nullable: true }) cancelReason!: string | null;
}
export const MeetingConnection = connectionType('Meeting', MeetingNode);

@InputType({ description: 'What the meetings list shows; every filter is indexed.' })
export class MeetingFilter {
  @Field(() => ID, { nullable: true, description: 'Meetings of this organisation’s subtree.' }) organizationId?: string | null;
  @Field(() => MeetingType, { description: 'Only meetings of this kind.', nullable: true }) type?: MeetingType | null;
  @Field(() => Boolean, { nullable: true, description: 'Only the meetings you are invited to.' }) mine?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Only records waiting for your review.' }) toReview?: boolean | null;
}

@InputType({ description: 'A meeting planned by the organisation’s admins; the roll is derived from the organisation.' })
export class MeetingPlanInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => MeetingType, { description: 'What kind of meeting.' }) type!: MeetingType;
  @Field(() => [MeetingType], { description: 'Other kinds this meeting also counts as (e.g. a 主题党日 with a 党课).', nullable: true }) alsoCountsAs?: MeetingType[] | null;
  @Field({ description: 'Its topic.' }) topic!: string;
  @Field(() => String, { description: 'The agenda.', nullable: true }) agenda?: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When it begins.' }) startsAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When it is planned to end.' }) endsAt!: Date;
  @Field(() => String, { description: 'Where.', nullable: true }) place?: string | null;
  @Field(() => String, { nullable: true, description: 'https:// link of an online meeting.' }) onlineLink?: string | null;
  @Field(() => ID, { nullable: true, description: '主持人 (a member on the roll).' }) hostMemberId?: string | null;
  @Field(() => ID, { nullable: true, description: '记录人 (a member on the roll).' }) recorderMemberId?: string | null;
  @Field(() => String, { description: 'For a 党课: who gives it.', nullable: true }) lecturer?: string | null;
}

@InputType({ description: 'The record of a meeting: minutes, resolutions, 列席, files (uploaded through /media first).' })
export class MeetingRecordInput {
  @Field({ description: 'Rich text; sanitised.' }) minutes!: string;
  @Field(() => String, { description: 'What was decided.', nullable: true }) resolutions?: string | null;
  @Field(() => String, { description: 'Guests (列席).', nullable: true }) guests?: string | null;
  @Field(() => [ID], { description: 'Uploaded photos and files to keep with the record.', nullable: true }) attachmentIds?: string[] | null;
}

@InputType({ description: 'The votes on a motion; 应到 and 实到 are taken from the roll.' })
export class MeetingMotionInput {
  @Field(() => MotionKind, { description: 'A general matter, or a vote on one person.' }) kind!: MotionKind;
  @Field(() => String, { nullable: true, description: 'Filled in for a vote on a person.' }) title?: string | null;
  @Field(() => ID, { nullable: true, description: 'The applicant voted on.' }) applicantId?: string | null;
  @Field(() => ConfirmationOutcome, { nullable: true, description: 'For 转正: confirm, extend or disqualify.' }) outcome?: ConfirmationOutcome | null;
  @Field(() => Int, { description: 'For a 转正 vote to extend the probation: how many months (6–12).', nullable: true }) extensionMonths?: number | null;
  @Field(() => Int, { description: 'Votes for in the room.' }) yes!: number;
  @Field(() => Int, { description: 'Votes against in the room.' }) no!: number;
  @Field(() => Int, { description: 'Abstentions in the room.' }) abstain!: number;
  @Field(() => Int, { description: 'Written votes for of members absent.', nullable: true }) writtenYes?: number | null;
  @Field(() => Int, { description: 'Written votes against of members absent.', nullable: true }) writtenNo?: number | null;
  @Field(() => Int, { description: 'Written abstentions of members absent.', nullable: true }) writtenAbstain?: number | null;
  @Field(() => String, { description: 'Opinions recorded.', nullable: true }) opinions?: string | null;
}

@ObjectType()
export class MeetingPayload {
  @Field(() => MeetingNode, { nullable: true }) meeting?: object;
  @Field(() => String, { nullable: true, description: 'Who was signed in (a card scan).' }) signedIn?: string | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType('LifeRow', { description: 'One item of the compliance calendar in one cycle.' })
export class LifeRowType {
  @Field(() => LifeItem, { description: 'The item.' }) item!: LifeItem;
  @Field({ description: 'Its name.' }) label!: string;
  @Field({ description: '2026-11, 2026-Q4 or 2026.' }) cycle!: string;
  @Field(() => Int, { description: 'How many are owed in the period.' }) required!: number;
  @Field(() => Int, { description: 'How many were held in the period.' }) held!: number;
  @Field(() => Int, { description: 'Of those held, how many records were approved.' }) approved!: number;
  @Field(() => ItemStatus, { description: 'Met, due or missed.' }) status!: ItemStatus;
  @Field(() => String, { description: 'What to know about it (an exemption, a rule).', nullable: true }) note!: string | null;
}

@ObjectType('BranchLife', { description: 'One branch’s compliance in the period.' })
export class BranchLifeType {
  @Field(() => ID) organizationId!: string;
  @Field({ description: 'The branch.' }) name!: string;
  @Field({ description: 'Every item of the period’s own cycle met.' }) complete!: boolean;
  @Field(() => [String], { description: 'What closed short, e.g. “主题党日 2026-10”.' }) missing!: string[];
  @Field(() => [LifeRowType], { description: 'Each item of the compliance calendar and where the branch stands on it.' }) rows!: LifeRowType[];
}

@ObjectType('OrganizationLife', { description: 'What was due, held and approved, and what is missing — for the branches of a subtree.' })
export class OrganizationLifeType {
  @Field({ description: 'The period shown (YYYY or YYYY-Qn).' }) period!: string;
  @Field({ description: 'Every branch complete.' }) complete!: boolean;
  @Field(() => [BranchLifeType], { description: 'The subtree’s branches, those not complete first.' }) branches!: BranchLifeType[];
}

@ObjectType('LifeRequirement', { description: 'One item of an enterprise’s compliance calendar.' })
export class LifeRequirementType {
  @Field(() => LifeItem, { description: 'The item.' }) item!: LifeItem;
  @Field({ description: 'Its name.' }) label!: string;
  @Field(() => Cycle, { description: 'How often it is owed.' }) cycle!: Cycle;
  @Field(() => Int, { description: 'How many per cycle (or the per-cent or 学时 target).' }) target!: number;
}

@InputType({ description: 'A 谈心谈话, logged in the branch.' })
export class HeartTalkInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => ID, { description: 'Who held the talk.' }) byMemberId!: string;
  @Field(() => ID, { description: 'Whom they talked with.' }) withMemberId!: string;
  @Field({ description: 'When (YYYY-MM-DD).' }) talkedOn!: string;
  @Field({ description: 'What it was about (no confidential content).' }) topic!: string;
}

@InputType({ description: 'A member excused from attendance by the committee above.' })
export class LifeExemptionInput {
  @Field(() => ID) memberId!: string;
  @Field(() => ExemptionReason, { description: 'Why the member is excused.' }) reason!: ExemptionReason;
  @Field(() => String, { description: 'A note.', nullable: true }) note?: string | null;
  @Field({ description: 'Its first day (YYYY-MM-DD).' }) startsOn!: string;
  @Field(() => String, { description: 'Its last day (YYYY-MM-DD); open-ended when omitted.', nullable: true }) endsOn?: string | null;
}

@ObjectType()
export class LifePayload {
  @Field({ description: 'Whether it was recorded.' }) ok!: boolean;
  @Field(() => [UserError]) userErrors!: UserError[];
}
