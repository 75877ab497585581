import { PrimaryKeyProp, type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { TransferAction, TransferReach, TransferStatus } from './states.js';

/**
 * A transfer of a member's organisational relationship (组织关系转接), owned by the sending
 * enterprise. The receiving side (another branch, another enterprise on the platform, or a
 * destination off it) sees it from the moment the letter is issued.
 */
@Entity({ tableName: 'transfer' })
// At most one transfer under way per member: the database decides, not a check before an insert.
@Index({
  name: 'transfer_one_open',
  expression: `create unique index "transfer_one_open" on "transfer" ("enterprise_id", "member_id") where "status" in ('APPLIED', 'RETURNED', 'BRANCH_AGREED', 'ISSUED', 'RECEIVED')`,
})
@Index({ name: 'transfer_from_idx', properties: ['fromOrganization', 'status'] })
@Index({ name: 'transfer_to_idx', properties: ['toOrganization', 'status'] })
@Index({ name: 'transfer_member_idx', properties: ['member', 'id'] })
export class Transfer {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'transfer_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'restrict' })
  member!: Ref<Member>;

  /** The member's branch or group when the transfer was applied for. */
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict' })
  fromOrganization!: Ref<Organization>;

  /** The 基层党委 that approves and issues the letter. */
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: 'transfer_committee_idx' })
  sendingCommittee!: Ref<Organization>;

  @Enum({ items: () => TransferReach })
  reach!: TransferReach;

  /** INTERNAL and PLATFORM: the receiving branch (of this or another enterprise). */
  @ManyToOne(() => Organization, { ref: true, nullable: true, deleteRule: 'restrict' })
  toOrganization: Ref<Organization> | null = null;

  /** EXTERNAL: the receiving organisation as written on the letter. */
  @Property({ type: 'string', length: 200, nullable: true })
  destination: string | null = null;

  @Property({ type: 'string', length: 500 })
  reason!: string;

  @Enum({ items: () => TransferStatus })
  status!: TransferStatus;

  /** 介绍信: its number (year and a running number per committee), issue day, validity and 党费交至. */
  @Property({ type: 'string', length: 20, nullable: true })
  letterNumber: string | null = null;

  @Property({ type: 'date', nullable: true })
  issuedOn: string | null = null;

  @Property({ type: 'integer', nullable: true })
  validityDays: number | null = null;

  @Property({ type: 'date', nullable: true })
  validUntil: string | null = null;

  @Property({ type: 'string', length: 7, nullable: true })
  duesPaidUpTo: string | null = null;

  @Property({ type: 'date', nullable: true })
  receivedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  reportedOn: string | null = null;

  /** On PLATFORM transfers: the member record the receiving enterprise keeps from now on. */
  @ManyToOne(() => Member, { ref: true, nullable: true, deleteRule: 'set null' })
  receivedMember: Ref<Member> | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  appliedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  appliedAt: Date & Opt = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  @Property({ type: 'integer', version: true, default: 1 })
  version: number & Opt = 1;
}

/** One step of a transfer, with who took it and their opinion: never edited. */
@Entity({ tableName: 'transfer_step' })
@Index({ name: 'transfer_step_transfer_idx', properties: ['transfer', 'id'] })
export class TransferStep {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'transfer_step_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Transfer, { ref: true, deleteRule: 'cascade' })
  transfer!: Ref<Transfer>;

  /** APPLY, or one of the actions. */
  @Property({ type: 'string', length: 20 })
  action!: TransferAction | 'APPLY';

  @Enum({ items: () => TransferStatus })
  status!: TransferStatus;

  @Property({ type: 'string', length: 500, nullable: true })
  opinion: string | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  by: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Date & Opt = new Date();
}

/** The running number of a committee's letters in a year: one atomic upsert per letter. */
@Entity({ tableName: 'transfer_letter_counter' })
export class TransferLetterCounter {
  [PrimaryKeyProp]?: ['committee', 'year'];

  @ManyToOne(() => Organization, { ref: true, primary: true, deleteRule: 'cascade' })
  committee!: Ref<Organization>;

  @PrimaryKey({ type: 'integer', autoincrement: false })
  year!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'transfer_letter_counter_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @Property({ type: 'integer' })
  last!: number;
}
