import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { AttemptKind, AttemptStatus, Difficulty, Dimension, ExamStatus, QuestionType, type DrawRule } from './question-types.js';

/** A question of the enterprise's bank (题库): its key is read only by those who keep the bank. */
@Entity({ tableName: 'question' })
@Index({ name: 'question_draw_idx', properties: ['enterprise', 'type', 'dimension', 'active'] })
@Index({ name: 'question_organization_idx', properties: ['organization', 'id'] })
export class Question {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: false })
  enterprise!: Ref<Enterprise>;

  /** Who keeps it (its admins edit it). */
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: false })
  organization!: Ref<Organization>;

  @Enum({ items: () => QuestionType })
  type!: QuestionType;

  @Property({ type: 'string', length: 1000 })
  stem!: string;

  /** The options of a choice question, A, B, C … in order; empty otherwise. */
  @Property({ type: 'array', columnType: 'text[]', defaultRaw: "'{}'" })
  options: string[] & Opt = [];

  /** The key: letters for choices, TRUE or FALSE, or the accepted answers of a fill-in. */
  @Property({ type: 'array', columnType: 'text[]', hidden: true })
  answer!: string[];

  @Enum({ items: () => Dimension })
  dimension!: Dimension;

  /** 考点 */
  @Property({ type: 'string', length: 50 })
  topic!: string;

  @Enum({ items: () => Difficulty })
  difficulty!: Difficulty;

  @Property({ type: 'string', length: 1000, nullable: true })
  explanation: string | null = null;

  /** Where it comes from (党章第几条, a textbook …). */
  @Property({ type: 'string', length: 200, nullable: true })
  source: string | null = null;

  /** Partner enterprises (an active 共建 partnership) draw it into their exams too. */
  @Property({ type: 'boolean', default: false })
  sharedWithPartners: boolean & Opt = false;

  /** Withdrawn questions are drawn no more (papers already drawn keep them). */
  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

/** An exam: a draw rule over the bank, a time limit, a pass mark, a window and who may sit it. */
@Entity({ tableName: 'exam' })
@Index({ name: 'exam_organization_idx', properties: ['organization', 'status'] })
export class Exam {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'exam_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  /** Who runs it; its members (and those of `eligible`) may sit it. */
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: false })
  organization!: Ref<Organization>;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'jsonb' })
  rules!: DrawRule[];

  @Property({ type: 'smallint' })
  durationMinutes!: number;

  /** Out of 100. */
  @Property({ type: 'smallint' })
  passMark!: number;

  @Property({ type: 'smallint', default: 1 })
  maxAttempts: number & Opt = 1;

  @Property({ type: 'datetime' })
  opensAt!: Date;

  @Property({ type: 'datetime' })
  closesAt!: Date;

  /** The organisations whose subtrees may sit it (within the exam's own subtree). */
  @Property({ type: 'array', columnType: 'int[]', defaultRaw: "'{}'" })
  eligible: number[] & Opt = [];

  @Enum({ items: () => ExamStatus })
  status!: ExamStatus;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

/** One sitting: its questions drawn when started and frozen; answered as the member goes; graded on the server. */
@Entity({ tableName: 'attempt' })
@Index({ name: 'attempt_exam_idx', properties: ['exam', 'status'] })
@Index({ name: 'attempt_member_idx', properties: ['member', 'id'] })
@Index({ name: 'attempt_open_idx', expression: `create index "attempt_open_idx" on "attempt" ("deadline") where "status" = 'STARTED'` })
// One open attempt per member and exam: two starts at once draw one paper.
@Index({
  name: 'attempt_one_open',
  expression: `create unique index "attempt_one_open" on "attempt" ("enterprise_id", "exam_id", "member_id") where "status" = 'STARTED' and "exam_id" is not null`,
})
export class Attempt {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'attempt_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  /** Null for daily practice (每日答题) and 错题本 practice. */
  @ManyToOne(() => Exam, { ref: true, nullable: true, deleteRule: 'cascade', index: false })
  exam: Ref<Exam> | null = null;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade', index: false })
  member!: Ref<Member>;

  @Enum({ items: () => AttemptKind })
  kind!: AttemptKind;

  @Enum({ items: () => AttemptStatus })
  status!: AttemptStatus;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  startedAt: Date & Opt = new Date();

  /** By server time: the start plus the time limit, or the exam's close if sooner. */
  @Property({ type: 'datetime' })
  deadline!: Date;

  @Property({ type: 'datetime', nullable: true })
  submittedAt: Date | null = null;

  /** Out of 100, to one decimal, once graded. */
  @Property({ type: 'numeric', precision: 4, scale: 1, nullable: true })
  score: string | null = null;

  @Property({ type: 'boolean', nullable: true })
  passed: boolean | null = null;
}

/** A question of an attempt, in its place, with the answer given and, once graded, the result. */
@Entity({ tableName: 'attempt_item' })
@Unique({ name: 'attempt_item_position_unique', properties: ['enterprise', 'attempt', 'position'] })
@Index({ name: 'attempt_item_question_idx', properties: ['question'] })
export class AttemptItem {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: false })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Attempt, { ref: true, deleteRule: 'cascade', index: false })
  attempt!: Ref<Attempt>;

  @Property({ type: 'smallint' })
  position!: number;

  @ManyToOne(() => Question, { ref: true, deleteRule: 'restrict', index: false })
  question!: Ref<Question>;

  @Property({ type: 'smallint' })
  points!: number;

  @Property({ type: 'array', columnType: 'text[]', nullable: true })
  answer: string[] | null = null;

  @Property({ type: 'boolean', nullable: true })
  correct: boolean | null = null;
}
