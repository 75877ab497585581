import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';

/** 意见建议: a member's opinion or suggestion to their branch, answered by its secretary (or admins). */
@Entity({ tableName: 'suggestion' })
@Index({ name: 'suggestion_organization_idx', properties: ['organization', 'id'] })
@Index({ name: 'suggestion_member_idx', properties: ['member', 'createdAt'] })
export class Suggestion {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'suggestion_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  /** The branch it is addressed to (the member's, when made). */
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: false })
  organization!: Ref<Organization>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade', index: false })
  member!: Ref<Member>;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'text', nullable: true })
  answer: string | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  answeredBy: Ref<User> | null = null;

  /** The answerer's name as it stood. */
  @Property({ type: 'string', length: 100, nullable: true })
  answeredByName: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  answeredAt: Date | null = null;
}

/** How a member helped someone (党员帮扶: 结对帮扶, 志愿服务 …). The help a member received is the members module's 党内关爱. */
export const HelpKind = { PAIRING: 'PAIRING', VOLUNTEER: 'VOLUNTEER', HARDSHIP_AID: 'HARDSHIP_AID', OTHER: 'OTHER' } as const;
export type HelpKind = (typeof HelpKind)[keyof typeof HelpKind];

@Entity({ tableName: 'help_given' })
@Index({ name: 'help_given_member_idx', properties: ['member', 'happenedOn'] })
export class HelpGiven {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'help_given_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade', index: false })
  member!: Ref<Member>;

  @Enum({ items: () => HelpKind })
  kind!: HelpKind;

  /** Whom: a person or household, e.g. 困难职工 王某家庭. */
  @Property({ type: 'string', length: 100 })
  helped!: string;

  @Property({ type: 'date' })
  happenedOn!: string;

  @Property({ type: 'string', length: 500, nullable: true })
  note: string | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  recordedBy: Ref<User> | null = null;
}
