import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Member } from './member.entity.js';

/** 奖惩: an award, or a Party discipline (开除党籍 is a status change, not an entry here). */
export const AwardKind = { AWARD: 'AWARD', DISCIPLINE: 'DISCIPLINE' } as const;
export type AwardKind = (typeof AwardKind)[keyof typeof AwardKind];
export const Discipline = {
  WARNING: 'WARNING', // 警告
  SERIOUS_WARNING: 'SERIOUS_WARNING', // 严重警告
  REMOVAL_FROM_POST: 'REMOVAL_FROM_POST', // 撤销党内职务
  PROBATION: 'PROBATION', // 留党察看 (with its end)
} as const;
export type Discipline = (typeof Discipline)[keyof typeof Discipline];

@Entity({ tableName: 'member_award' })
@Index({ name: 'member_award_member_idx', properties: ['member', 'decidedOn'] })
export class MemberAward {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'member_award_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade', index: false })
  member!: Ref<Member>;

  @Enum({ items: () => AwardKind })
  kind!: AwardKind;

  @Enum({ items: () => Discipline, nullable: true })
  discipline: Discipline | null = null;

  /** The award's name (优秀共产党员) or the decision's wording. */
  @Property({ type: 'string', length: 100 })
  title!: string;

  @Property({ type: 'date' })
  decidedOn!: string;

  /** Who decided (决定机关), e.g. 中共第一采油厂委员会. */
  @Property({ type: 'string', length: 100 })
  decidedBy!: string;

  /** 留党察看: the day it ends. */
  @Property({ type: 'date', nullable: true })
  until: string | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  note: string | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  recordedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date & Opt = new Date();
}

/** 党内关爱: what was done for a member — a visit, help in hardship, care in illness. */
export const CareKind = {
  VISIT: 'VISIT', // 走访慰问
  HOLIDAY: 'HOLIDAY', // 节日慰问
  ILLNESS: 'ILLNESS', // 患病慰问
  HARDSHIP_AID: 'HARDSHIP_AID', // 困难帮扶
  OTHER: 'OTHER',
} as const;
export type CareKind = (typeof CareKind)[keyof typeof CareKind];

@Entity({ tableName: 'member_care' })
@Index({ name: 'member_care_member_idx', properties: ['member', 'happenedOn'] })
export class MemberCare {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'member_care_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade', index: false })
  member!: Ref<Member>;

  @Enum({ items: () => CareKind })
  kind!: CareKind;

  @Property({ type: 'date' })
  happenedOn!: string;

  /** Who went or helped, e.g. 厂党委书记 王建国. */
  @Property({ type: 'string', length: 100 })
  by!: string;

  /** Money given, in fen, if any. */
  @Property({ type: 'integer', nullable: true })
  amountFen: number | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  note: string | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  recordedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date & Opt = new Date();
}
