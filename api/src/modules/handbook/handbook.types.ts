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
  @Field(() => ID) meetingId!: string;
  @Field(() => MeetingType) type!: MeetingType;
  @Field() topic!: string;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => Float, { description: 'Its length in hours (to the half hour).' }) hours!: number;
  @Field(() => Attendance) attendance!: Attendance;
  @Field(() => String, { nullable: true }) absenceReason!: string | null;
  @Field(() => String, { nullable: true }) leaveReason!: string | null;
}

@ObjectType('HandbookDues', { description: 'A month of Party dues.' })
export class HandbookDuesType {
  @Field() period!: string;
  @Field(() => Int) dueFen!: number;
  @Field(() => Int) paidFen!: number;
  @Field() status!: string;
}

@ObjectType('HandbookHonour', { description: 'An honour a member received, as the 党员手册 lists it.' })
export class HandbookHonourType {
  @Field() title!: string;
  @Field() decidedOn!: string;
  @Field() decidedBy!: string;
}

@ObjectType('HandbookCare', { description: '党内关爱 the member received.' })
export class HandbookCareType {
  @Field() kind!: string;
  @Field() happenedOn!: string;
  @Field() by!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('HandbookHelp', { description: '党员帮扶 the member gave.' })
export class HandbookHelpType {
  @Field(() => HelpKind) kind!: HelpKind;
  @Field() helped!: string;
  @Field() happenedOn!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('HandbookTalk', { description: 'A 谈心谈话 the member took part in.' })
export class HandbookTalkType {
  @Field() talkedOn!: string;
  @Field() withName!: string;
  @Field() topic!: string;
}

@ObjectType('Suggestion', { implements: Node, description: '意见建议: a member’s opinion or suggestion to their branch, with the answer.' })
export class SuggestionNode extends Node {
  @Field() body!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => String, { nullable: true }) answer!: string | null;
  @Field(() => String, { nullable: true }) answeredByName!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) answeredAt!: Date | null;
}
export const SuggestionConnection = connectionType('Suggestion', SuggestionNode);

@ObjectType('MemberHandbook', { description: '党员电子手册: one member’s year. For the member, and for the admins and reviewers who read their record.' })
export class MemberHandbookType {
  @Field() name!: string;
  @Field() organizationName!: string;
  @Field(() => Int) year!: number;
  @Field(() => [HandbookMeetingType], { description: 'Meetings held so far in the year that the member was invited to.' }) meetings!: HandbookMeetingType[];
  @Field(() => Int) attended!: number;
  @Field(() => Int, { description: 'Absent, or not signed in without leave.' }) missed!: number;
  @Field(() => Int) onLeave!: number;
  @Field(() => Float, { description: 'Hours of 党课 and 中心组学习 attended.' }) offlineStudyHours!: number;
  @Field(() => Float, { nullable: true, description: 'Hours of courses completed online in the year.' }) onlineStudyHours!: number | null;
  @Field(() => Int, { description: 'The yearly target of class hours (32, DOMAIN-RULES §6).' }) studyTarget!: number;
  @Field(() => [HandbookDuesType]) dues!: HandbookDuesType[];
  @Field(() => [HandbookHonourType]) honours!: HandbookHonourType[];
  @Field(() => [HandbookCareType]) careReceived!: HandbookCareType[];
  @Field(() => [HandbookHelpType]) helpGiven!: HandbookHelpType[];
  @Field(() => [HandbookTalkType]) talks!: HandbookTalkType[];
  @Field(() => [SuggestionNode]) suggestions!: object[];
  @Field(() => Grade, { nullable: true, description: 'The 民主评议 grade of the year, once published.' }) appraisalGrade!: Grade | null;
}

@InputType({ description: '党员帮扶 given: by the member themself, or the admins who keep their record.' })
export class HelpGivenInput {
  @Field(() => ID, { nullable: true, description: 'Default: your own record.' }) memberId?: string | null;
  @Field(() => HelpKind) kind!: HelpKind;
  @Field() helped!: string;
  @Field() happenedOn!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
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
