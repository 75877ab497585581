import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { Member } from '../members/member.entity.js';

export const PointAction = { ITEM: 'ITEM', PRACTICE: 'PRACTICE', EXAM: 'EXAM' } as const;
export type PointAction = (typeof PointAction)[keyof typeof PointAction];

/** One award of 学习积分: for what (`source`, awarded once), on which China day, how many after the day's cap. */
@Entity({ tableName: 'learning_point' })
@Unique({ name: 'learning_point_once', properties: ['enterprise', 'member', 'action', 'source'] })
@Index({ name: 'learning_point_day_idx', properties: ['member', 'action', 'day'] })
export class LearningPoint {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: false })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade', index: false })
  member!: Ref<Member>;

  @Enum({ items: () => PointAction })
  action!: PointAction;

  /** What earned it, e.g. `item:12`, `attempt:34`. */
  @Property({ type: 'string', length: 40 })
  source!: string;

  @Property({ type: 'date' })
  day!: string;

  @Property({ type: 'smallint' })
  points!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

/** A member's choice to appear on leaderboards without their name. */
@Entity({ tableName: 'learning_profile' })
export class LearningProfile {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', primary: true })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade', primary: true, index: 'learning_profile_member_idx' })
  member!: Ref<Member>;

  @Property({ type: 'boolean', default: false })
  hideName: boolean & Opt = false;
}
