import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Cycle, LifeItem } from './compliance.js';

/** An enterprise's own frequency for one item of the compliance calendar (absent: §6's default). */
@Entity({ tableName: 'life_requirement' })
@Unique({ name: 'life_requirement_unique', properties: ['enterprise', 'item'] })
export class LifeRequirement {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: false })
  enterprise!: Ref<Enterprise>;

  @Enum({ items: () => LifeItem })
  item!: LifeItem;

  @Enum({ items: () => Cycle })
  cycle!: Cycle;

  @Property({ type: 'smallint' })
  target!: number;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  setBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/** 谈心谈话: who talked with whom, when, about what — a log the yearly coverage is read from. */
@Entity({ tableName: 'heart_talk' })
@Index({ name: 'heart_talk_organization_idx', properties: ['organization', 'talkedOn'] })
export class HeartTalk {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'heart_talk_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  /** The branch whose coverage it counts for. */
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: false })
  organization!: Ref<Organization>;

  /** The one who led the talk (usually a 支委). */
  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade', index: 'heart_talk_by_idx' })
  by!: Ref<Member>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade', index: 'heart_talk_with_idx' })
  with!: Ref<Member>;

  @Property({ type: 'date' })
  talkedOn!: string;

  @Property({ type: 'string', length: 200 })
  topic!: string;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  recordedBy: Ref<User> | null = null;
}
