import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { MediaFile } from '../media/media.entity.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';

/** 正式党员 or 预备党员. */
export const MemberCategory = { FULL: 'FULL', PROBATIONARY: 'PROBATIONARY' } as const;
export type MemberCategory = (typeof MemberCategory)[keyof typeof MemberCategory];

/** 党籍状态 (DOMAIN-RULES §2): only NORMAL and SUSPENDED can change back. */
export const MemberStatus = {
  NORMAL: 'NORMAL', // 正常
  SUSPENDED: 'SUSPENDED', // 停止党籍
  REMOVED: 'REMOVED', // 除名
  EXPELLED: 'EXPELLED', // 开除
  TRANSFERRED_OUT: 'TRANSFERRED_OUT', // 已转出
  DECEASED: 'DECEASED', // 去世
  DISQUALIFIED: 'DISQUALIFIED', // 取消预备党员资格 (recorded by the development module)
} as const;
export type MemberStatus = (typeof MemberStatus)[keyof typeof MemberStatus];

export const Sex = { MALE: 'MALE', FEMALE: 'FEMALE' } as const;
export type Sex = (typeof Sex)[keyof typeof Sex];

/**
 * A member record (党员档案): one person in one branch or Party group of an enterprise, with or
 * without a sign-in account. ID number, phone and address are stored sealed (personal-data.ts);
 * the ID number is found by its keyed hash, unique per enterprise.
 */
@Entity({ tableName: 'member' })
@Unique({ name: 'member_id_number_unique', properties: ['enterprise', 'idNumberHash'] })
@Unique({ name: 'member_user_unique', properties: ['enterprise', 'user'] })
@Index({ name: 'member_organization_idx', properties: ['organization', 'id'] })
@Index({ name: 'member_name_idx', expression: 'create index "member_name_idx" on "member" ("enterprise_id", "name" varchar_pattern_ops)' })
@Index({ name: 'member_labels_idx', expression: 'create index "member_labels_idx" on "member" using gin ("labels")' })
export class Member {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'member_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  /** The branch or Party group the member belongs to. */
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict' })
  organization!: Ref<Organization>;

  /** The sign-in account, when the member has one: they see their own record through it. */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  user: Ref<User> | null = null;

  @Property({ type: 'string', length: 50 })
  name!: string;

  @Enum({ items: () => Sex })
  sex!: Sex;

  @Property({ type: 'string', length: 20, nullable: true })
  ethnicity: string | null = null;

  @Property({ type: 'date' })
  birthDate!: string;

  @Property({ type: 'string', length: 20, nullable: true })
  education: string | null = null;

  @Property({ type: 'text', hidden: true })
  idNumberSealed!: string;

  @Property({ type: 'string', length: 64, hidden: true })
  idNumberHash!: string;

  @Property({ type: 'text', nullable: true, hidden: true })
  phoneSealed: string | null = null;

  @Property({ type: 'text', nullable: true, hidden: true })
  addressSealed: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  employer: string | null = null;

  @Property({ type: 'string', length: 50, nullable: true })
  position: string | null = null;

  /** 入党日期: the day the 支部大会 admitted them (党籍 starts then). */
  @Property({ type: 'date' })
  joinedOn!: string;

  /** 转正日期: when the probation ended (null while 预备党员). 党龄 counts from it. */
  @Property({ type: 'date', nullable: true })
  confirmedOn: string | null = null;

  @Enum({ items: () => MemberCategory })
  category!: MemberCategory;

  @Enum({ items: () => MemberStatus })
  status!: MemberStatus;

  /** 证件照: an image uploaded to the member's organisation, shown on the e-member card. */
  @ManyToOne(() => MediaFile, { ref: true, nullable: true, deleteRule: 'set null', index: 'member_photo_idx' })
  photo: Ref<MediaFile> | null = null;

  /** 困难党员, 流动党员, 党务工作者, 第一书记 … */
  @Property({ type: 'array', columnType: 'text[]', defaultRaw: "'{}'" })
  labels: string[] & Opt = [];

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/** The dated history of a member's 党籍 status: never edited, only added to. */
@Entity({ tableName: 'member_status_change' })
@Index({ name: 'member_status_change_member_idx', properties: ['member', 'id'] })
export class MemberStatusChange {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'member_status_change_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade' })
  member!: Ref<Member>;

  @Enum({ items: () => MemberStatus })
  status!: MemberStatus;

  /** The day it took effect (the decision's date, not the day it was typed in). */
  @Property({ type: 'date' })
  effectiveOn!: string;

  @Property({ type: 'string', length: 500 })
  reason!: string;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  recordedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date & Opt = new Date();
}
