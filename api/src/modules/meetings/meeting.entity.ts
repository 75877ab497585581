import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Applicant } from '../development/development.entity.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Attendance, ExemptionReason, MeetingStatus, MeetingType, MotionKind, SignInMethod } from './meeting-types.js';

/**
 * One meeting of organisational life (三会一课, 主题党日, 组织生活会, 民主评议, 中心组学习): planned by
 * the organisation's admins, signed into, recorded, reviewed by the committee above, then locked.
 */
@Entity({ tableName: 'meeting' })
@Index({ name: 'meeting_organization_idx', properties: ['organization', 'startsAt'] })
@Index({ name: 'meeting_reviewer_idx', properties: ['reviewer', 'status'] })
@Index({ name: 'meeting_attachments_idx', expression: 'create index "meeting_attachments_idx" on "meeting" using gin ("attachment_ids")' })
export class Meeting {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'meeting_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: false })
  organization!: Ref<Organization>;

  @Enum({ items: () => MeetingType })
  type!: MeetingType;

  /** Other kinds this meeting also fulfils (a 大会 held on the 主题党日; 组织生活会 held as a 大会). */
  @Property({ type: 'array', columnType: 'text[]', defaultRaw: "'{}'" })
  alsoCountsAs: MeetingType[] & Opt = [];

  @Property({ type: 'string', length: 200 })
  topic!: string;

  @Property({ type: 'text', default: '' })
  agenda: string & Opt = '';

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Property({ type: 'string', length: 200, nullable: true })
  place: string | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  onlineLink: string | null = null;

  /** 主持人 */
  @ManyToOne(() => Member, { ref: true, nullable: true, deleteRule: 'set null', index: false })
  host: Ref<Member> | null = null;

  /** 记录人 */
  @ManyToOne(() => Member, { ref: true, nullable: true, deleteRule: 'set null', index: false })
  recorder: Ref<Member> | null = null;

  /** 授课人 of a 党课: a name and title, often from outside the branch. */
  @Property({ type: 'string', length: 100, nullable: true })
  lecturer: string | null = null;

  @Enum({ items: () => MeetingStatus })
  status!: MeetingStatus;

  /** The secret in the meeting's QR code: scanning it in the room signs one in. */
  @Property({ type: 'string', length: 32, hidden: true })
  signInToken!: string;

  /** 会议记录 (sanitised rich text). */
  @Property({ type: 'text', default: '' })
  minutes: string & Opt = '';

  /** 决议 */
  @Property({ type: 'text', default: '' })
  resolutions: string & Opt = '';

  /** Media files: attachments and photos. */
  @Property({ type: 'array', columnType: 'text[]', defaultRaw: "'{}'" })
  attachmentIds: string[] & Opt = [];

  /** 列席: non-voting attendees from outside the roll, as text. */
  @Property({ type: 'string', length: 500, nullable: true })
  guests: string | null = null;

  /** The committee above that reviews the record (fixed at submission). */
  @ManyToOne(() => Organization, { ref: true, nullable: true, deleteRule: 'restrict', index: false })
  reviewer: Ref<Organization> | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  reviewNote: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  submittedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  approvedAt: Date | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  cancelReason: string | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/** One invited person and what became of the invitation (the roll is fixed when the meeting is planned). */
@Entity({ tableName: 'meeting_attendee' })
@Unique({ name: 'meeting_attendee_unique', properties: ['enterprise', 'meeting', 'member'] })
@Index({ name: 'meeting_attendee_member_idx', properties: ['member', 'meeting'] })
export class MeetingAttendee {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'meeting_attendee_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'cascade', index: false })
  meeting!: Ref<Meeting>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade', index: false })
  member!: Ref<Member>;

  /** Has a vote here: a full member of this organisation (not a probationary member, not a guest). */
  @Property({ type: 'boolean' })
  voting!: boolean;

  /** A 流动党员 of another organisation staying with this one: invited, never voting. */
  @Property({ type: 'boolean', default: false })
  guest: boolean & Opt = false;

  /** Excused by the higher organisation (age, illness, abroad): left out of 应到 unless they come. */
  @Property({ type: 'boolean', default: false })
  excused: boolean & Opt = false;

  @Enum({ items: () => Attendance, default: Attendance.EXPECTED })
  attendance: Attendance & Opt = Attendance.EXPECTED;

  @Property({ type: 'datetime', nullable: true })
  signedInAt: Date | null = null;

  @Enum({ items: () => SignInMethod, nullable: true })
  signInMethod: SignInMethod | null = null;

  @Property({ type: 'string', length: 300, nullable: true })
  leaveReason: string | null = null;

  /** The host's answer to a leave request, when refused. */
  @Property({ type: 'string', length: 300, nullable: true })
  leaveNote: string | null = null;

  @Property({ type: 'string', length: 300, nullable: true })
  absenceReason: string | null = null;
}

/** A motion put to the vote of a 支部党员大会, with the figures and the computed result (§6 c). */
@Entity({ tableName: 'meeting_motion' })
@Index({ name: 'meeting_motion_meeting_idx', properties: ['meeting', 'id'] })
@Index({
  name: 'meeting_motion_applicant_unique',
  expression: `create unique index "meeting_motion_applicant_unique" on "meeting_motion" ("enterprise_id", "meeting_id", "applicant_id") where "applicant_id" is not null`,
})
export class MeetingMotion {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'meeting_motion_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'cascade', index: false })
  meeting!: Ref<Meeting>;

  @Enum({ items: () => MotionKind })
  kind!: MotionKind;

  @Property({ type: 'string', length: 200 })
  title!: string;

  /** The person voted on (接收预备党员, 转正): one motion per person. */
  @ManyToOne(() => Applicant, { ref: true, nullable: true, deleteRule: 'restrict', index: 'meeting_motion_applicant_idx' })
  applicant: Ref<Applicant> | null = null;

  /** 应到: voting members less the excused who did not come — computed from the roll. */
  @Property({ type: 'smallint' })
  expected!: number;

  /** 实到: voting members signed in — computed from the roll. */
  @Property({ type: 'smallint' })
  present!: number;

  @Property({ type: 'smallint' }) yes!: number;
  @Property({ type: 'smallint' }) no!: number;
  @Property({ type: 'smallint' }) abstain!: number;
  @Property({ type: 'smallint', default: 0 }) writtenYes: number & Opt = 0;
  @Property({ type: 'smallint', default: 0 }) writtenNo: number & Opt = 0;
  @Property({ type: 'smallint', default: 0 }) writtenAbstain: number & Opt = 0;

  /** The written opinions of those not present, as text. */
  @Property({ type: 'text', nullable: true })
  opinions: string | null = null;

  @Property({ type: 'boolean' })
  passed!: boolean;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date & Opt = new Date();
}

/** A correction to an approved record: appended, dated and signed — the record itself never changes. */
@Entity({ tableName: 'meeting_correction' })
@Index({ name: 'meeting_correction_meeting_idx', properties: ['meeting', 'id'] })
export class MeetingCorrection {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'meeting_correction_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'cascade', index: false })
  meeting!: Ref<Meeting>;

  @Property({ type: 'text' })
  body!: string;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  signedBy: Ref<User> | null = null;

  /** The signer's name as it stood (kept if the account goes). */
  @Property({ type: 'string', length: 100 })
  signedName!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

/** A member the higher organisation excused from attendance (年老体弱, 患病, 出国境) for a time. */
@Entity({ tableName: 'life_exemption' })
@Index({ name: 'life_exemption_member_idx', properties: ['member', 'startsOn'] })
export class LifeExemption {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'life_exemption_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade', index: false })
  member!: Ref<Member>;

  @Enum({ items: () => ExemptionReason })
  reason!: ExemptionReason;

  @Property({ type: 'string', length: 300, nullable: true })
  note: string | null = null;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date', nullable: true })
  endsOn: string | null = null;

  /** The committee whose admins approved it. */
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: false })
  approvedBy!: Ref<Organization>;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  recordedBy: Ref<User> | null = null;
}
