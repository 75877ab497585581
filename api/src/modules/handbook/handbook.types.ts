import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/graphql/node.js';
import { UserError } from '../../core/graphql/payload.js';
import { connectionType } from '../../core/graphql/relay.js';
import { Grade } from '../appraisals/stages.js';
import { MeetingType } from '../meetings/meeting-types.js';
import { Attendance } from '../meetings/meeting-types.js';
import { HelpKind } from './handbook.entity.js';

registerEnumType(HelpKind, {
  name: 'HelpKind',
  description: '党员帮扶 given: PAIRING (结对帮扶), VOLUNTEER (志愿服务), HARDSHIP_AID (困难帮扶), OTHER.',
  valuesConfig: {
    PAIRING: { description: '结对帮扶.' },
    VOLUNTEER: { description: '志愿服务.' },
    HARDSHIP_AID: { description: '困难帮扶.' },
    OTHER: { description: 'Other help, described.' },
  },
});

@ObjectType('HandbookMeeting', { description: 'A meeting the member was invited to, and what became of it.' })
export class HandbookMeetingType {
  @Field(() => ID, { description: 'The meeting.' }) meetingId!: string;
  @Field(() => MeetingType, { description: 'What kind of meeting.' }) type!: MeetingType;
  @Field({ description: 'Its topic.' }) topic!: string;
  @Field(() => GraphQLISODateTime, { description: 'When it began.' }) startsAt!: Date;
  @Field(() => Float, { description: 'Its length in hours (to the half hour).' }) hours!: number;
  @Field(() => Attendance, { description: 'How the member attended.' }) attendance!: Attendance;
  @Field(() => String, { description: 'Why the member was absent, as recorded.', nullable: true }) absenceReason!: string | null;
  @Field(() => String, { description: 'Why the member asked for leave.', nullable: true }) leaveReason!: string | null;
}

@ObjectType('HandbookDues', { description: 'A month of Party dues.' })
export class HandbookDuesType {
  @Field({ description: 'The month (YYYY-MM).' }) period!: string;
  @Field(() => Int, { description: 'What was owed, in fen.' }) dueFen!: number;
  @Field(() => Int, { description: 'What was paid, in fen.' }) paidFen!: number;
  @Field({ description: 'Paid, owed or waived.' }) status!: string;
}

@ObjectType('HandbookHonour', { description: 'An honour a member received, as the 党员手册 lists it.' })
export class HandbookHonourType {
  @Field({ description: 'The honour.' }) title!: string;
  @Field({ description: 'When (YYYY-MM-DD).' }) decidedOn!: string;
  @Field({ description: 'Who awarded it.' }) decidedBy!: string;
}

@ObjectType('HandbookCare', { description: '党内关爱 the member received.' })
export class HandbookCareType {
  @Field({ description: 'What kind of care.' }) kind!: string;
  @Field({ description: 'When (YYYY-MM-DD).' }) happenedOn!: string;
  @Field({ description: 'Who gave it.' }) by!: string;
  @Field(() => String, { description: 'A note.', nullable: true }) note!: string | null;
}

@ObjectType('HandbookHelp', { description: '党员帮扶 the member gave.' })
export class HandbookHelpType {
  @Field(() => HelpKind, { description: 'What kind of help.' }) kind!: HelpKind;
  @Field({ description: 'Whom or what the member helped.' }) helped!: string;
  @Field({ description: 'When (YYYY-MM-DD).' }) happenedOn!: string;
  @Field(() => String, { description: 'A note.', nullable: true }) note!: string | null;
}

@ObjectType('HandbookTalk', { description: 'A 谈心谈话 the member took part in.' })
export class HandbookTalkType {
  @Field({ description: 'When (YYYY-MM-DD).' }) talkedOn!: string;
  @Field({ description: 'Whom the member talked with.' }) withName!: string;
  @Field({ description: 'What it was about.' }) topic!: string;
}

@ObjectType('Suggestion', { implements: Node, description: '意见建议: a member’s opinion or suggestion to their branch, with the answer.' })
export class SuggestionNode extends Node {
  @Field({ description: 'The suggestion.' }) body!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => String, { description: 'The branch’s answer; null until answered.', nullable: true }) answer!: string | null;
  @Field(() => String, { description: 'Who answered.', nullable: true }) answeredByName!: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When it was answered.', nullable: true }) answeredAt!: Date | null;
}
export const SuggestionConnection = connectionType('Suggestion', SuggestionNode);

@ObjectType('MemberHandbook', { description: '党员电子手册: one member’s year. For the member, and for the admins and reviewers who read their record.' })
export class MemberHandbookType {
  @Field({ description: 'The member.' }) name!: string;
  @Field({ description: 'The member’s branch.' }) organizationName!: string;
  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field(() => [HandbookMeetingType], { description: 'Meetings held so far in the year that the member was invited to.' }) meetings!: HandbookMeetingType[];
  @Field(() => Int, { description: 'Meetings attended in the year.' }) attended!: number;
  @Field(() => Int, { description: 'Absent, or not signed in without leave.' }) missed!: number;
  @Field(() => Int, { description: 'Meetings missed on leave.' }) onLeave!: number;
  @Field(() => Float, { description: 'Hours of 党课 and 中心组学习 attended.' }) offlineStudyHours!: number;
  @Field(() => Float, { nullable: true, description: 'Hours of courses completed online in the year.' }) onlineStudyHours!: number | null;
  @Field(() => Int, { description: 'The yearly target of class hours (32, DOMAIN-RULES §6).' }) studyTarget!: number;
  @Field(() => [HandbookDuesType], { description: 'Dues by month.' }) dues!: HandbookDuesType[];
  @Field(() => [HandbookHonourType], { description: 'Honours received.' }) honours!: HandbookHonourType[];
  @Field(() => [HandbookCareType], { description: 'Care received.' }) careReceived!: HandbookCareType[];
  @Field(() => [HandbookHelpType], { description: 'Help the member gave.' }) helpGiven!: HandbookHelpType[];
  @Field(() => [HandbookTalkType], { description: '谈心谈话 with the member.' }) talks!: HandbookTalkType[];
  @Field(() => [SuggestionNode], { description: 'Suggestions the member made to the branch.' }) suggestions!: object[];
  @Field(() => Grade, { nullable: true, description: 'The 民主评议 grade of the year, once published.' }) appraisalGrade!: Grade | null;
}

@InputType({ description: '党员帮扶 given: by the member themself, or the admins who keep their record.' })
export class HelpGivenInput {
  @Field(() => ID, { nullable: true, description: 'Default: your own record.' }) memberId?: string | null;
  @Field(() => HelpKind, { description: 'What kind of help.' }) kind!: HelpKind;
  @Field({ description: 'Whom or what the member helped.' }) helped!: string;
  @Field({ description: 'When (YYYY-MM-DD).' }) happenedOn!: string;
  @Field(() => String, { description: 'A note.', nullable: true }) note?: string | null;
}

@ObjectType()
export class SuggestionPayload {
  @Field(() => SuggestionNode, { nullable: true }) suggestion?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class HelpGivenPayload {
  @Field({ description: 'Whether it was recorded.' }) ok!: boolean;
  @Field(() => [UserError]) userErrors!: UserError[];
}
