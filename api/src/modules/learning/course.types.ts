import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/graphql/node.js';
import { UserError } from '../../core/graphql/payload.js';
import { connectionType } from '../../core/graphql/relay.js';
import { CourseStatus, StudyMode } from './course.entity.js';
import { Dimension } from './question-types.js';

registerEnumType(CourseStatus, {
  name: 'CourseStatus',
  description: 'DRAFT, or PUBLISHED to the members of its organisation’s subtree.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; seen by its keepers only.' },
    PUBLISHED: { description: 'Open to the members of its organisation’s subtree.' },
  },
});
registerEnumType(StudyMode, {
  name: 'StudyMode',
  description: 'VIDEO: watched to 90 % of its length; READ: read for its minimum time. Credited from heartbeats by wall time.',
  valuesConfig: {
    VIDEO: { description: 'Watched to 90 % of its length.' },
    READ: { description: 'Read for its minimum time.' },
  },
});

@ObjectType('StudyProgress', { description: 'Your progress on an item.' })
export class StudyProgressType {
  @Field(() => Int, { description: 'Study time credited so far.' }) creditedSeconds!: number;
  @Field(() => Int, { description: 'Where the video stopped (to resume).' }) position!: number;
  @Field(() => Int, { description: 'Per cent of what completes it.' }) percent!: number;
  @Field(() => GraphQLISODateTime, { description: 'When the lesson was completed.', nullable: true }) completedAt!: Date | null;
}

@ObjectType('CourseItem', { description: 'A shared resource or a lesson of a course, with its 学时.' })
export class CourseItemType {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Its place in the course.' }) position!: number;
  @Field({ description: 'The lesson’s title.' }) title!: string;
  @Field(() => StudyMode, { description: 'Watched or read.' }) mode!: StudyMode;
  @Field(() => Int, { description: 'VIDEO: its length; READ: the minimum reading time (seconds).' }) requiredSeconds!: number;
  @Field(() => Float, { description: '学时 credited on completing it.' }) hours!: number;
  @Field(() => String, { nullable: true, description: 'A lesson’s text (sanitised HTML).' }) body!: string | null;
  @Field(() => ID, { nullable: true, description: 'The shared resource (共建共享).' }) resourceId!: string | null;
  @Field(() => String, { description: 'The shared resource it uses, if any.', nullable: true }) resourceTitle!: string | null;
  @Field(() => String, { nullable: true, description: 'The resource’s first file (a video to play, a document to read).' }) fileUrl!: string | null;
  @Field(() => StudyProgressType, { description: 'Your progress on it; null if you have not begun.', nullable: true }) myProgress!: StudyProgressType | null;
}

@ObjectType('Course', { implements: Node, description: 'A course. Read by its organisation’s learning readers, and — published — by its subtree’s members.' })
export class CourseNode extends Node {
  @Field({ description: 'The course’s title.' }) title!: string;
  @Field({ description: 'What the course covers.' }) description!: string;
  @Field(() => Dimension, { description: 'Its 学习地图 dimension.' }) dimension!: Dimension;
  @Field(() => CourseStatus, { description: 'Draft or published.' }) status!: CourseStatus;
}
export const CourseConnection = connectionType('Course', CourseNode);

@InputType({ description: 'A lesson of a course: a video or a text, and its minimum time.' })
export class CourseItemInput {
  @Field({ description: 'The lesson’s title.' }) title!: string;
  @Field(() => ID, { nullable: true, description: 'A shared resource (共建共享) you may use.' }) resourceId?: string | null;
  @Field(() => String, { nullable: true, description: 'Or a lesson’s text (rich text, sanitised).' }) body?: string | null;
  @Field(() => StudyMode, { description: 'Watched or read.' }) mode!: StudyMode;
  @Field(() => Int, { description: 'For reading: the minimum time before it counts as read.' }) requiredSeconds!: number;
  @Field(() => Float, { description: '学时 credited on completing it.' }) hours!: number;
}

@InputType({ description: 'A course of an organisation (its learning keepers).' })
export class CourseInput {
  @Field(() => ID) organizationId!: string;
  @Field({ description: 'The course’s title.' }) title!: string;
  @Field(() => String, { description: 'What the course covers.', nullable: true }) description?: string | null;
  @Field(() => Dimension, { description: 'Its 学习地图 dimension.' }) dimension!: Dimension;
  @Field(() => [CourseItemInput], { description: 'Its lessons, in order.' }) items!: CourseItemInput[];
}

@ObjectType()
export class CoursePayload {
  @Field(() => CourseNode, { nullable: true }) course?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class HeartbeatPayload {
  @Field(() => StudyProgressType, { nullable: true }) progress?: StudyProgressType;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType('MyStudy', { description: 'Your 学时 for a year against the target (32, DOMAIN-RULES §6).' })
export class MyStudyType {
  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field(() => Float, { description: 'Course items completed.' }) online!: number;
  @Field(() => Float, { description: '党课 and 中心组学习 attended.' }) offline!: number;
  @Field(() => Float, { description: 'Your 学时 this year.' }) total!: number;
  @Field(() => Int, { description: 'Your 学时 target for the year.' }) target!: number;
}
