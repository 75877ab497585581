import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Member } from './member.entity.js';

/** Posts of a Party organisation's committee (支委会 / 总支委员会 / 党委), DOMAIN-RULES §1 a. */
export const CommitteePost = {
  SECRETARY: 'SECRETARY', // 书记
  DEPUTY_SECRETARY: 'DEPUTY_SECRETARY', // 副书记
  ORGANIZATION: 'ORGANIZATION', // 组织委员
  PROPAGANDA: 'PROPAGANDA', // 宣传委员
  DISCIPLINE: 'DISCIPLINE', // 纪检委员
  MEMBER: 'MEMBER', // 委员 (other duties)
  GROUP_LEADER: 'GROUP_LEADER', // 党小组组长 (a 党小组 has a leader, not a committee)
} as const;
export type CommitteePost = (typeof CommitteePost)[keyof typeof CommitteePost];

/**
 * A term (届) of an organisation's committee: elected on a day for 3–5 years. The latest is the
 * current one; its end is when the next election is due.
 */
@Entity({ tableName: 'committee_term' })
@Unique({ name: 'committee_term_unique', properties: ['enterprise', 'organization', 'electedOn'] })
@Index({ name: 'committee_term_latest_idx', properties: ['organization', 'electedOn'] })
export class CommitteeTerm {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'committee_term_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: false })
  organization!: Ref<Organization>;

  @Property({ type: 'date' })
  electedOn!: string;

  @Property({ type: 'smallint' })
  termYears!: number;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  recordedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date & Opt = new Date();
}

/**
 * A member holding a post in a committee from a day until a day (null while held). One 书记 at a
 * time per organisation; a post ended is kept as history.
 */
@Entity({ tableName: 'member_post' })
@Index({ name: 'member_post_organization_idx', properties: ['organization', 'endedOn'] })
@Index({ name: 'member_post_member_idx', properties: ['member', 'startedOn'] })
@Index({
  name: 'member_post_one_secretary',
  expression: `create unique index "member_post_one_secretary" on "member_post" ("enterprise_id", "organization_id") where "post" = 'SECRETARY' and "ended_on" is null`,
})
@Index({
  name: 'member_post_one_group_leader',
  expression: `create unique index "member_post_one_group_leader" on "member_post" ("enterprise_id", "organization_id") where "post" = 'GROUP_LEADER' and "ended_on" is null`,
})
@Index({
  name: 'member_post_held_once',
  expression: `create unique index "member_post_held_once" on "member_post" ("enterprise_id", "organization_id", "member_id", "post") where "ended_on" is null`,
})
export class MemberPost {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'member_post_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade' })
  member!: Ref<Member>;

  /** The organisation whose committee it is: the member's branch, or one above it. */
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict' })
  organization!: Ref<Organization>;

  @Enum({ items: () => CommitteePost })
  post!: CommitteePost;

  @Property({ type: 'date' })
  startedOn!: string;

  @Property({ type: 'date', nullable: true })
  endedOn: string | null = null;
}
