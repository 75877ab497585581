import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Content } from '../content/content.entity.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Member, Sex } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { ConfirmationOutcome, DevelopmentStage, DevelopmentStep } from './stages.js';

/**
 * A person on the way into the Party (入党申请人 → 积极分子 → 发展对象 → 预备党员 → 正式党员), in
 * one branch. Personal data sealed as on member records; the dates each stage began are kept
 * here for the rules, the full history in `DevelopmentRecord`. Once admitted, `member` is the
 * member record the approval created.
 */
@Entity({ tableName: 'applicant' })
// One open development per person and enterprise; someone whose development ended may apply again.
@Unique({
  name: 'applicant_id_number_unique',
  expression: `create unique index "applicant_id_number_unique" on "applicant" ("enterprise_id", "id_number_hash") where "stage" not in ('REJECTED', 'WITHDRAWN', 'MOVED', 'DISQUALIFIED')`,
})
@Index({ name: 'applicant_organization_stage_idx', properties: ['organization', 'stage'] })
@Index({ name: 'applicant_name_idx', expression: 'create index "applicant_name_idx" on "applicant" ("enterprise_id", "name" varchar_pattern_ops)' })
export class Applicant {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'applicant_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  /** The branch the application was made to (and that develops the person). */
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict' })
  organization!: Ref<Organization>;

  @Property({ type: 'string', length: 50 })
  name!: string;

  @Enum({ items: () => Sex })
  sex!: Sex;

  @Property({ type: 'date' })
  birthDate!: string;

  @Property({ type: 'string', length: 20, nullable: true })
  ethnicity: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  education: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  employer: string | null = null;

  @Property({ type: 'string', length: 50, nullable: true })
  position: string | null = null;

  @Property({ type: 'text', hidden: true })
  idNumberSealed!: string;

  @Property({ type: 'string', length: 64, hidden: true })
  idNumberHash!: string;

  @Property({ type: 'text', nullable: true, hidden: true })
  phoneSealed: string | null = null;

  @Enum({ items: () => DevelopmentStage })
  stage!: DevelopmentStage;

  /** The day the current stage began. */
  @Property({ type: 'date' })
  stageSince!: string;

  @Property({ type: 'date' })
  appliedOn!: string;

  @Property({ type: 'date', nullable: true })
  talkedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  activistOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  candidateOn: string | null = null;

  /** 政治审查 passed on (valid for a LOCAL number of months). */
  @Property({ type: 'date', nullable: true })
  politicalReviewOn: string | null = null;

  /** 集中培训 so far: class hours (学时) and days. */
  @Property({ type: 'integer', default: 0 })
  trainingHours: number & Opt = 0;

  @Property({ type: 'integer', default: 0 })
  trainingDays: number & Opt = 0;

  /** 培养联系人 (1–2 full members). */
  @ManyToOne(() => Member, { ref: true, nullable: true, deleteRule: 'set null' })
  contact1: Ref<Member> | null = null;

  @ManyToOne(() => Member, { ref: true, nullable: true, deleteRule: 'set null' })
  contact2: Ref<Member> | null = null;

  /** 入党介绍人 (two full members, not under 留党察看). */
  @ManyToOne(() => Member, { ref: true, nullable: true, deleteRule: 'set null' })
  introducer1: Ref<Member> | null = null;

  @ManyToOne(() => Member, { ref: true, nullable: true, deleteRule: 'set null' })
  introducer2: Ref<Member> | null = null;

  @Property({ type: 'date', nullable: true })
  preReviewedOn: string | null = null;

  /** The 支部大会 that admitted the person: 入党日期, and the start of the 预备期. */
  @Property({ type: 'date', nullable: true })
  admittedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  approvedOn: string | null = null;

  /** The end of the 预备期 (one year from admittedOn, later if extended). */
  @Property({ type: 'date', nullable: true })
  probationEndsOn: string | null = null;

  @Property({ type: 'boolean', default: false })
  probationExtended: boolean & Opt = false;

  /** The 大会's 转正 decision awaiting the committee, and the months of an extension. */
  @Enum({ items: () => ConfirmationOutcome, nullable: true })
  pendingOutcome: ConfirmationOutcome | null = null;

  @Property({ type: 'integer', nullable: true })
  pendingExtensionMonths: number | null = null;

  /** The day of the vote awaiting the committee's approval. */
  @Property({ type: 'date', nullable: true })
  votedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  confirmedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  archivedOn: string | null = null;

  /** The 公示 now running or last run (a 党务公开 disclosure), and its last working day. */
  @ManyToOne(() => Content, { ref: true, nullable: true, deleteRule: 'set null' })
  notice: Ref<Content> | null = null;

  @Property({ type: 'date', nullable: true })
  noticeEndsOn: string | null = null;

  /** The stage the running notice was for (CANDIDATE or PROBATIONARY). */
  @Enum({ items: () => DevelopmentStage, nullable: true })
  noticeFor: DevelopmentStage | null = null;

  @Property({ type: 'date', nullable: true })
  lastAssessedOn: string | null = null;

  @ManyToOne(() => Member, { ref: true, nullable: true, deleteRule: 'set null', unique: 'applicant_member_unique' })
  member: Ref<Member> | null = null;

  /** Why the development ended (REJECTED, WITHDRAWN, MOVED, DISQUALIFIED). */
  @Property({ type: 'string', length: 500, nullable: true })
  endReason: string | null = null;

  @Property({ type: 'integer', version: true, default: 1 })
  version: number & Opt = 1;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/** One recorded step of a development: never edited, only added to. */
@Entity({ tableName: 'development_record' })
@Index({ name: 'development_record_applicant_idx', properties: ['applicant', 'id'] })
export class DevelopmentRecord {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'development_record_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Applicant, { ref: true, deleteRule: 'cascade' })
  applicant!: Ref<Applicant>;

  @Enum({ items: () => DevelopmentStep })
  step!: DevelopmentStep;

  /** The day it happened or was decided. */
  @Property({ type: 'date' })
  happenedOn!: string;

  /** 支委会, 支部大会, 第一采油厂党委 … */
  @Property({ type: 'string', length: 100, nullable: true })
  decidedBy: string | null = null;

  /** 谈话人, 培训机构 …: names as written on the forms. */
  @Property({ type: 'string', length: 200, nullable: true })
  people: string | null = null;

  /** Whether the step passed (a vote, a review, a pre-review, an approval). */
  @Property({ type: 'boolean', default: true })
  passed: boolean & Opt = true;

  /** 应到/实到/赞成/反对/弃权 and written opinions, when a vote was taken. */
  @Property({ type: 'json', nullable: true })
  vote: { expected: number; present: number; yes: number; no: number; abstain: number; writtenYes: number; writtenNo: number; writtenAbstain: number; quorum: boolean; majority: boolean } | null = null;

  @Property({ type: 'text', nullable: true })
  writtenOpinions: string | null = null;

  @Enum({ items: () => ConfirmationOutcome, nullable: true })
  outcome: ConfirmationOutcome | null = null;

  @Property({ type: 'integer', nullable: true })
  hours: number | null = null;

  @Property({ type: 'string', length: 1000, nullable: true })
  note: string | null = null;

  /** The soft rules it was recorded against (e.g. the talk later than one month). */
  @Property({ type: 'array', columnType: 'text[]', defaultRaw: "'{}'" })
  warnings: string[] & Opt = [];

  /** Files through the media module: 申请书, 谈话记录, 政审报告, 志愿书, 批复 … */
  @Property({ type: 'array', columnType: 'text[]', defaultRaw: "'{}'" })
  attachmentIds: string[] & Opt = [];

  /** The 公示 this step opened. */
  @ManyToOne(() => Content, { ref: true, nullable: true, deleteRule: 'set null' })
  notice: Ref<Content> | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  recordedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date & Opt = new Date();
}
