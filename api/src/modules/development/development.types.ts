import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/graphql/node.js';
import { connectionType } from '../../core/graphql/relay.js';
import { UserError } from '../../core/graphql/payload.js';
import { DisclosureScope } from '../disclosures/disclosure-enums.js';
import { Sex } from '../members/member.entity.js';
import { ConfirmationOutcome, DevelopmentStage, DevelopmentStep } from './stages.js';

registerEnumType(DevelopmentStage, {
  name: 'DevelopmentStage',
  description: 'Where an applicant stands in 发展党员 (DOMAIN-RULES §3 c).',
  valuesConfig: {
    APPLICANT: { description: '入党申请人' },
    TALKED: { description: '已谈话' },
    ACTIVIST: { description: '入党积极分子' },
    CANDIDATE: { description: '发展对象' },
    PRE_REVIEW: { description: '支委会审查通过, 报党委预审' },
    FORM_ISSUED: { description: '预审通过, 已领《入党志愿书》' },
    PENDING_APPROVAL: { description: '支部大会通过, 待党委审批' },
    PROBATIONARY: { description: '预备党员' },
    CONFIRMATION_PENDING: { description: '支部大会讨论转正后, 待党委审批' },
    FULL: { description: '正式党员' },
    DISQUALIFIED: { description: '取消预备党员资格' },
    REJECTED: { description: '不予发展' },
    WITHDRAWN: { description: '本人撤回 / 已移除' },
    MOVED: { description: '转出 (materials follow the person)' },
  },
});
registerEnumType(DevelopmentStep, {
  name: 'DevelopmentStep',
  description: 'A step of 发展党员 that a branch or its committee records.',
  valuesConfig: {
    APPLICATION: { description: '1 递交入党申请书' },
    TALK: { description: '2 谈话' },
    ACTIVIST: { description: '3–5 确定入党积极分子, 备案, 培养联系人' },
    REPORT: { description: '思想汇报' },
    ASSESSMENT: { description: '6 半年考察' },
    CANDIDATE: { description: '7–8 确定发展对象 (公示)' },
    INTRODUCERS: { description: '9 确定入党介绍人' },
    POLITICAL_REVIEW: { description: '10 政治审查' },
    TRAINING: { description: '11 集中培训' },
    COMMITTEE_REVIEW: { description: '12 支委会审查' },
    PRE_REVIEW: { description: '13–14 党委预审, 填写志愿书' },
    ADMISSION_VOTE: { description: '15 支部大会讨论接收' },
    UPPER_TALK: { description: '16 党委派人谈话' },
    APPROVAL: { description: '17–18 党委审批' },
    OATH: { description: '20 入党宣誓' },
    CONFIRMATION_APPLICATION: { description: '22 转正申请 (公示)' },
    CONFIRMATION_VOTE: { description: '23 支部大会讨论转正' },
    CONFIRMATION_APPROVAL: { description: '24 党委审批转正' },
    ARCHIVE: { description: '25 材料归档' },
    REJECT: { description: '不予发展' },
    WITHDRAW: { description: '撤回' },
    MOVE: { description: '转出' },
  },
});
registerEnumType(ConfirmationOutcome, {
  name: 'ConfirmationOutcome',
  description: 'The 大会’s 转正 decision: CONFIRM 按期转正, EXTEND 延长预备期 (6–12 months, once), DISQUALIFY 取消预备党员资格.',
  valuesConfig: {
    CONFIRM: { description: '按期转正.' },
    EXTEND: { description: '延长预备期: 6 to 12 months, once.' },
    DISQUALIFY: { description: '取消预备党员资格.' },
  },
});

@ObjectType('RuleWarning', { description: 'A soft rule of Party work the step was recorded against: it went through, and the warning is kept.' })
export class RuleWarningType {
  @Field({ description: 'Stable, e.g. development.talkWithinMonth.' }) rule!: string;
  @Field({ description: 'What the rule says about it.' }) message!: string;
  @Field({ description: 'Where the rule comes from.' }) source!: string;
}

@ObjectType('DevelopmentStepOption', { description: 'A step that may be recorded at the applicant’s stage.' })
export class DevelopmentStepOptionType {
  @Field(() => DevelopmentStep, { description: 'A step that may be recorded next.' }) step!: DevelopmentStep;
  @Field({ description: 'The step’s name.' }) label!: string;
  @Field({ description: 'Decided by the 基层党委 above the branch: recorded by its admins.' }) byCommittee!: boolean;
}

@ObjectType('DevelopmentDue', { description: 'What the applicant’s stage waits for, and by when.' })
export class DevelopmentDueType {
  @Field({ description: 'What is due, e.g. 预备期满转正讨论.' }) what!: string;
  @Field({ description: 'YYYY-MM-DD.' }) on!: string;
  @Field({ description: 'Past due: shown in red on the board.' }) overdue!: boolean;
}

@ObjectType('DevelopmentVote', { description: 'A 支部大会 vote: the figures typed in, quorum and majority computed (ZB 11).' })
export class DevelopmentVoteType {
  @Field(() => Int, { description: '应到' }) expected!: number;
  @Field(() => Int, { description: '实到' }) present!: number;
  @Field(() => Int, { description: '赞成' }) yes!: number;
  @Field(() => Int, { description: '反对' }) no!: number;
  @Field(() => Int, { description: '弃权' }) abstain!: number;
  @Field(() => Int, { description: 'Written votes for of members absent.' }) writtenYes!: number;
  @Field(() => Int, { description: 'Written votes against of members absent.' }) writtenNo!: number;
  @Field(() => Int, { description: 'Written abstentions of members absent.' }) writtenAbstain!: number;
  @Field({ description: 'More than half of 应到 present.' }) quorum!: boolean;
  @Field({ description: 'Yes (written opinions included) from more than half of 应到.' }) majority!: boolean;
}

@ObjectType('DevelopmentRecord', { description: 'One recorded step of a development, never edited.' })
export class DevelopmentRecordType {
  @Field(() => ID) id!: string;
  @Field(() => DevelopmentStep, { description: 'The step.' }) step!: DevelopmentStep;
  @Field({ description: 'The step’s name in Chinese.' }) label!: string;
  @Field({ description: 'YYYY-MM-DD: the day it happened or was decided.' }) happenedOn!: string;
  @Field(() => String, { nullable: true, description: '支委会, 支部大会, the committee …' }) decidedBy!: string | null;
  @Field(() => String, { nullable: true, description: '谈话人, 联系人, 介绍人 …' }) people!: string | null;
  @Field({ description: 'Whether the step passed (a vote carried, a review approved).' }) passed!: boolean;
  @Field(() => DevelopmentVoteType, { description: 'The vote, for steps decided by a meeting.', nullable: true }) vote!: DevelopmentVoteType | null;
  @Field(() => String, { description: 'Written opinions handed in (书面意见).', nullable: true }) writtenOpinions!: string | null;
  @Field(() => ConfirmationOutcome, { description: 'For 转正: the decision.', nullable: true }) outcome!: ConfirmationOutcome | null;
  @Field(() => Int, { nullable: true, description: 'Class hours of a training.' }) hours!: number | null;
  @Field(() => String, { description: 'A note recorded with it.', nullable: true }) note!: string | null;
  @Field(() => [String], { description: 'Rules it was recorded against with a warning (e.g. a late record).' }) warnings!: string[];
  @Field(() => GraphQLISODateTime, { description: 'When it was recorded.' }) recordedAt!: Date;
}

@ObjectType('Applicant', { implements: Node, description: '发展党员: a person on the way into the Party, in one branch. Read by the admins and reviewers of the branch and above; personal data whole only for the admins (audited).' })
export class ApplicantType extends Node {
  @Field({ description: 'The applicant’s name.' }) name!: string;
  @Field(() => Sex, { description: 'Sex, as on the records.' }) sex!: Sex;
  @Field({ description: 'Date of birth (YYYY-MM-DD).' }) birthDate!: string;
  @Field(() => String, { description: '民族.', nullable: true }) ethnicity!: string | null;
  @Field(() => String, { description: 'Highest education.', nullable: true }) education!: string | null;
  @Field(() => String, { description: 'Where the applicant works.', nullable: true }) employer!: string | null;
  @Field(() => String, { description: 'Job title or post.', nullable: true }) position!: string | null;
  @Field(() => DevelopmentStage, { description: 'Where in development the applicant stands.' }) stage!: DevelopmentStage;
  @Field({ description: 'YYYY-MM-DD: the day the stage began.' }) stageSince!: string;
  @Field({ description: '递交入党申请书' }) appliedOn!: string;
  @Field(() => String, { description: 'The day of the talk after the application (谈话, YYYY-MM-DD).', nullable: true }) talkedOn!: string | null;
  @Field(() => String, { nullable: true, description: '确定为入党积极分子' }) activistOn!: string | null;
  @Field(() => String, { nullable: true, description: '确定为发展对象' }) candidateOn!: string | null;
  @Field(() => String, { nullable: true, description: '政治审查通过' }) politicalReviewOn!: string | null;
  @Field(() => Int, { description: 'Hours of centralised training recorded.' }) trainingHours!: number;
  @Field(() => Int, { description: 'Days of centralised training (集中培训) recorded.' }) trainingDays!: number;
  @Field(() => String, { description: 'The day the committee above pre-reviewed the file (预审, YYYY-MM-DD).', nullable: true }) preReviewedOn!: string | null;
  @Field(() => String, { nullable: true, description: '支部大会接收 (入党日期)' }) admittedOn!: string | null;
  @Field(() => String, { description: 'The day the committee above approved the admission (YYYY-MM-DD).', nullable: true }) approvedOn!: string | null;
  @Field(() => String, { nullable: true, description: '预备期满' }) probationEndsOn!: string | null;
  @Field({ description: 'Whether the probation was extended once already.' }) probationExtended!: boolean;
  @Field(() => ConfirmationOutcome, { description: 'The 转正 decision waiting for the committee above.', nullable: true }) pendingOutcome!: ConfirmationOutcome | null;
  @Field(() => String, { nullable: true, description: '转正 (the day the 预备期 ended)' }) confirmedOn!: string | null;
  @Field(() => String, { description: 'The day the file was closed (YYYY-MM-DD).', nullable: true }) archivedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'The last working day of the running or last 公示.' }) noticeEndsOn!: string | null;
  @Field(() => String, { description: 'Why development ended, when it did.', nullable: true }) endReason!: string | null;
  @Field(() => Int, { description: 'Pass it back as expectedVersion: a step recorded meanwhile is refused.' }) version!: number;
}
export const ApplicantConnection = connectionType('Applicant', ApplicantType);

@ObjectType('DevelopmentColumn', { description: 'One stage of the development board.' })
export class DevelopmentColumnType {
  @Field(() => DevelopmentStage, { description: 'The stage.' }) stage!: DevelopmentStage;
  @Field({ description: 'The stage’s name.' }) label!: string;
  @Field(() => Int, { description: 'How many applicants are at it.' }) totalCount!: number;
  @Field(() => Int, { description: 'Of them, past a due date.' }) overdueCount!: number;
  @Field(() => [ApplicantType], { description: 'The first 50, most urgent first (overdue, then by due date).' }) applicants!: object[];
}

@InputType({ description: 'Filters for applicant lists.' })
export class ApplicantFilter {
  @Field(() => ID, { nullable: true, description: 'Applicants of this organisation’s subtree.' }) organizationId?: string | null;
  @Field(() => DevelopmentStage, { description: 'Only applicants at this stage.', nullable: true }) stage?: DevelopmentStage | null;
  @Field(() => String, { nullable: true, description: '姓名 begins with this.' }) name?: string | null;
}

@InputType({ description: '递交入党申请书: opens a development. Birth date and sex follow the ID number.' })
export class ApplicantCreateInput {
  @Field(() => ID, { description: 'The 党支部 the application was made to.' }) organizationId!: string;
  @Field({ description: 'The applicant’s name (at most 50 characters).' }) name!: string;
  @Field({ description: '18 characters, GB 11643 check digit; the applicant is 18 or older on appliedOn.' }) idNumber!: string;
  @Field(() => String, { description: '民族.', nullable: true }) ethnicity?: string | null;
  @Field(() => String, { description: 'Highest education.', nullable: true }) education?: string | null;
  @Field(() => String, { description: 'Where the applicant works.', nullable: true }) employer?: string | null;
  @Field(() => String, { description: 'Job title or post.', nullable: true }) position?: string | null;
  @Field(() => String, { description: 'A phone number (sealed at rest).', nullable: true }) phone?: string | null;
  @Field({ description: 'YYYY-MM-DD: the day the written application arrived.' }) appliedOn!: string;
  @Field(() => [ID], { nullable: true, description: 'The application letter and other files (uploaded through /media first).' }) attachmentIds?: string[] | null;
}

@InputType({ description: 'A 支部大会 vote as counted.' })
export class DevelopmentVoteInput {
  @Field(() => Int, { description: '应到: members with a vote, at most the branch’s full members.' }) expected!: number;
  @Field(() => Int, { description: '实到' }) present!: number;
  @Field(() => Int, { description: 'Votes for in the room.' }) yes!: number;
  @Field(() => Int, { description: 'Votes against in the room.' }) no!: number;
  @Field(() => Int, { description: 'Abstentions in the room.' }) abstain!: number;
  @Field(() => Int, { defaultValue: 0, description: 'Written opinions of absent members: for.' }) writtenYes!: number;
  @Field(() => Int, { description: 'Written votes against of members absent.', defaultValue: 0 }) writtenNo!: number;
  @Field(() => Int, { description: 'Written abstentions of members absent.', defaultValue: 0 }) writtenAbstain!: number;
}

@InputType({ description: 'A 公示 already held, entered from the paper records: after the decision, over, at least the LOCAL number of working days.' })
export class DevelopmentNoticeHeldInput {
  @Field({ description: 'YYYY-MM-DD: its first day.' }) startsOn!: string;
  @Field({ description: 'YYYY-MM-DD: its last day.' }) endsOn!: string;
}

@InputType({ description: 'A step of 发展党员. Which fields matter depends on the step.' })
export class DevelopmentStepInput {
  @Field(() => ID, { description: 'The applicant.' }) applicantId!: string;
  @Field(() => DevelopmentStep, { description: 'The step to record.' }) step!: DevelopmentStep;
  @Field({ description: 'YYYY-MM-DD: the day it happened or was decided (not in the future).' }) happenedOn!: string;
  @Field(() => String, { nullable: true, description: 'The deciding body, e.g. 支委会.' }) decidedBy?: string | null;
  @Field(() => String, { nullable: true, description: '谈话人 and the like, as on the forms.' }) people?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'For 政审, 预审 and approvals: whether it passed (default yes).' }) passed?: boolean | null;
  @Field(() => [ID], { nullable: true, description: 'ACTIVIST: 1–2 培养联系人 (full members).' }) contactIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'INTRODUCERS: two 入党介绍人 (full members not under 留党察看).' }) introducerIds?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'TRAINING: class hours (学时).' }) hours?: number | null;
  @Field(() => Int, { nullable: true, description: 'TRAINING: days.' }) days?: number | null;
  @Field(() => DevelopmentVoteInput, { nullable: true, description: 'ADMISSION_VOTE, CONFIRMATION_VOTE.' }) vote?: DevelopmentVoteInput | null;
  @Field(() => String, { description: 'Written opinions handed in (书面意见).', nullable: true }) writtenOpinions?: string | null;
  @Field(() => ConfirmationOutcome, { nullable: true, description: 'CONFIRMATION_VOTE.' }) outcome?: ConfirmationOutcome | null;
  @Field(() => Int, { nullable: true, description: 'CONFIRMATION_VOTE with EXTEND: 6–12.' }) extensionMonths?: number | null;
  @Field(() => String, { nullable: true, description: 'The summary, conclusion or reason.' }) note?: string | null;
  @Field(() => [ID], { description: 'Uploaded files to keep with the step.', nullable: true }) attachmentIds?: string[] | null;
  @Field(() => DisclosureScope, { nullable: true, description: 'CANDIDATE, CONFIRMATION_APPLICATION: who sees the 公示 (default the whole enterprise).' }) noticeScope?: DisclosureScope | null;
  @Field(() => DevelopmentNoticeHeldInput, { nullable: true, description: 'CANDIDATE, CONFIRMATION_APPLICATION entered from the records: the 公示 as it was held (otherwise one opens now).' }) noticeHeld?: DevelopmentNoticeHeldInput | null;
  @Field(() => Int, { description: 'The applicant’s version you saw: refuses the step if someone recorded one meanwhile.', nullable: true }) expectedVersion?: number | null;
}

@ObjectType()
export class DevelopmentStepPayload {
  @Field(() => ApplicantType, { nullable: true }) applicant?: object;
  @Field(() => DevelopmentRecordType, { nullable: true }) record?: object;
  @Field(() => [RuleWarningType], { description: 'Soft rules the step was recorded against.' }) warnings?: RuleWarningType[];
  @Field(() => [UserError]) userErrors!: UserError[];
}
