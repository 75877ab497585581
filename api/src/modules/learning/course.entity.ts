import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Content } from '../content/content.entity.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Dimension } from './question-types.js';

export const CourseStatus = { DRAFT: 'DRAFT', PUBLISHED: 'PUBLISHED' } as const;
export type CourseStatus = (typeof CourseStatus)[keyof typeof CourseStatus];

/** How an item is studied: a video watched (to 90 %), or a text read for its minimum time. */
export const StudyMode = { VIDEO: 'VIDEO', READ: 'READ' } as const;
export type StudyMode = (typeof StudyMode)[keyof typeof StudyMode];

/** A course (课程): items made of shared resources (共建共享) and of lessons written for it. */
@Entity({ tableName: 'course' })
@Index({ name: 'course_organization_idx', properties: ['organization', 'status'] })
export class Course {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'course_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  /** Who keeps it; its members (the subtree) study it once published. */
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: false })
  organization!: Ref<Organization>;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'string', length: 1000, default: '' })
  description: string & Opt = '';

  @Enum({ items: () => Dimension })
  dimension!: Dimension;

  @Enum({ items: () => CourseStatus })
  status!: CourseStatus;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

@Entity({ tableName: 'course_item' })
@Unique({ name: 'course_item_position_unique', properties: ['enterprise', 'course', 'position'] })
export class CourseItem {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: false })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Course, { ref: true, deleteRule: 'cascade', index: false })
  course!: Ref<Course>;

  @Property({ type: 'smallint' })
  position!: number;

  @Property({ type: 'string', length: 200 })
  title!: string;

  /** A shared resource (微党课, courseware, video …), or null for a lesson written here. */
  @ManyToOne(() => Content, { ref: true, nullable: true, deleteRule: 'restrict', index: 'course_item_content_idx' })
  resource: Ref<Content> | null = null;

  /** A lesson's text (sanitised HTML). */
  @Property({ type: 'text', nullable: true })
  body: string | null = null;

  @Enum({ items: () => StudyMode })
  mode!: StudyMode;

  /** VIDEO: its length; READ: the minimum reading time. In seconds. */
  @Property({ type: 'integer' })
  requiredSeconds!: number;

  /** 学时 earned on completing it. */
  @Property({ type: 'numeric', precision: 4, scale: 1 })
  hours!: string;
}

/**
 * A member's progress on an item, credited from heartbeats the page sends while it studies: each
 * credits at most the wall time since the previous one (and a video only while its position moves
 * on), so jumping to the end completes nothing.
 */
@Entity({ tableName: 'study_progress' })
@Unique({ name: 'study_progress_unique', properties: ['enterprise', 'member', 'item'] })
@Index({ name: 'study_progress_completed_idx', properties: ['member', 'completedAt'] })
export class StudyProgress {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: false })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade', index: false })
  member!: Ref<Member>;

  @ManyToOne(() => CourseItem, { ref: true, deleteRule: 'cascade', index: 'study_progress_item_idx' })
  item!: Ref<CourseItem>;

  @Property({ type: 'integer', default: 0 })
  creditedSeconds: number & Opt = 0;

  /** The video's position at the last heartbeat (to resume). */
  @Property({ type: 'integer', default: 0 })
  position: number & Opt = 0;

  @Property({ type: 'datetime', nullable: true })
  lastBeatAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  completedAt: Date | null = null;
}
