import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { AppraisalStage, Grade } from './stages.js';

/** One branch's 民主评议 for one year. */
@Entity({ tableName: 'appraisal_round' })
@Unique({ name: 'appraisal_round_unique', properties: ['enterprise', 'organization', 'year'] })
export class AppraisalRound {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: false })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: 'appraisal_round_organization_idx' })
  organization!: Ref<Organization>;

  @Property({ type: 'smallint' })
  year!: number;

  @Enum({ items: () => AppraisalStage })
  stage!: AppraisalStage;

  /** The 支部党员大会 (or 民主评议 meeting) that decided the grades. */
  @ManyToOne(() => Meeting, { ref: true, nullable: true, deleteRule: 'set null', index: false })
  meeting: Ref<Meeting> | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  openedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', nullable: true })
  publishedAt: Date | null = null;
}

/** A member appraised in a round: their self-assessment, the committee's proposal, the decision. */
@Entity({ tableName: 'appraisal_subject' })
@Unique({ name: 'appraisal_subject_unique', properties: ['enterprise', 'round', 'member'] })
export class AppraisalSubject {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: false })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => AppraisalRound, { ref: true, deleteRule: 'cascade', index: false })
  round!: Ref<AppraisalRound>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade', index: 'appraisal_subject_member_idx' })
  member!: Ref<Member>;

  /** 个人自评 (plain text). */
  @Property({ type: 'text', nullable: true })
  selfAssessment: string | null = null;

  @Enum({ items: () => Grade, nullable: true })
  proposedGrade: Grade | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  proposalNote: string | null = null;

  @Enum({ items: () => Grade, nullable: true })
  grade: Grade | null = null;

  /** For 不合格: the follow-up (教育帮助, 限期改正, 组织处置 …). */
  @Property({ type: 'string', length: 500, nullable: true })
  followUp: string | null = null;
}

/** 互评: a member's signed comment on another's self-assessment. */
@Entity({ tableName: 'appraisal_comment' })
@Index({ name: 'appraisal_comment_subject_idx', properties: ['subject', 'id'] })
export class AppraisalComment {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'appraisal_comment_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => AppraisalSubject, { ref: true, deleteRule: 'cascade', index: false })
  subject!: Ref<AppraisalSubject>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade', index: 'appraisal_comment_by_idx' })
  by!: Ref<Member>;

  @Property({ type: 'string', length: 1000 })
  body!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

/**
 * One grade on one ballot of the 民主测评 — and nothing about who cast it: no voter, no time, a
 * random key. Who has voted is in `appraisal_voted`, which holds no grade. No join leads from a
 * ballot to a person (test/appraisals checks the schema).
 */
@Entity({ tableName: 'appraisal_ballot' })
@Index({ name: 'appraisal_ballot_subject_idx', properties: ['subject'] })
export class AppraisalBallot {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string & Opt;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'appraisal_ballot_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => AppraisalSubject, { ref: true, deleteRule: 'cascade', index: false })
  subject!: Ref<AppraisalSubject>;

  @Enum({ items: () => Grade })
  grade!: Grade;
}

/** That a member has cast their ballot in a round (once), and nothing of what it said. */
@Entity({ tableName: 'appraisal_voted' })
export class AppraisalVoted {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', primary: true })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => AppraisalRound, { ref: true, deleteRule: 'cascade', primary: true })
  round!: Ref<AppraisalRound>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade', primary: true, index: 'appraisal_voted_member_idx' })
  member!: Ref<Member>;
}
