import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { DuesBaseKind } from './rate.js';

export const DuesMonthStatus = { OPEN: 'OPEN', SETTLED: 'SETTLED' } as const;
export type DuesMonthStatus = (typeof DuesMonthStatus)[keyof typeof DuesMonthStatus];
export const DuesItemStatus = { UNPAID: 'UNPAID', PAID: 'PAID', EXEMPT: 'EXEMPT' } as const;
export type DuesItemStatus = (typeof DuesItemStatus)[keyof typeof DuesItemStatus];
export const DuesChannel = { ONLINE: 'ONLINE', CASH: 'CASH', PROXY: 'PROXY' } as const;
export type DuesChannel = (typeof DuesChannel)[keyof typeof DuesChannel];

/** A member's dues base from a month on (a new wage applies from the month it is paid; 第十条). */
@Entity({ tableName: 'dues_base' })
@Unique({ name: 'dues_base_month_unique', properties: ['enterprise', 'member', 'fromMonth'] })
@Index({ name: 'dues_base_member_idx', properties: ['member', 'fromMonth'] })
export class DuesBase {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'dues_base_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade', index: false })
  member!: Ref<Member>;

  @Enum({ items: () => DuesBaseKind })
  kind!: DuesBaseKind;

  /** The base in fen (for FARMER, the amount chosen; for FIXED_MINIMUM, 0). */
  @Property({ type: 'integer' })
  amountFen!: number;

  /** YYYY-MM. */
  @Property({ type: 'string', length: 7 })
  fromMonth!: string;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  recordedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date & Opt = new Date();
}

/** A branch's dues for one month (owip's batch): opened with an item per member, then settled. */
@Entity({ tableName: 'dues_month' })
@Unique({ name: 'dues_month_unique', properties: ['enterprise', 'organization', 'month'] })
export class DuesMonth {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'dues_month_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: 'dues_month_organization_idx' })
  organization!: Ref<Organization>;

  @Property({ type: 'string', length: 7 })
  month!: string;

  @Enum({ items: () => DuesMonthStatus })
  status: DuesMonthStatus & Opt = DuesMonthStatus.OPEN;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  openedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  openedAt: Date & Opt = new Date();

  @Property({ type: 'datetime', nullable: true })
  settledAt: Date | null = null;
}

/** What one member owes for one month, computed when the month opens, and whether it is paid. */
@Entity({ tableName: 'dues_item' })
@Unique({ name: 'dues_item_unique', properties: ['enterprise', 'member', 'period'] })
@Index({ name: 'dues_item_member_idx', properties: ['member', 'period'] })
@Index({ name: 'dues_item_month_idx', properties: ['month', 'id'] })
export class DuesItem {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'dues_item_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => DuesMonth, { ref: true, deleteRule: 'cascade', index: false })
  month!: Ref<DuesMonth>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade', index: false })
  member!: Ref<Member>;

  /** YYYY-MM: the month the dues are for. */
  @Property({ type: 'string', length: 7 })
  period!: string;

  @Enum({ items: () => DuesBaseKind })
  baseKind!: DuesBaseKind;

  @Property({ type: 'integer' })
  baseFen!: number;

  /** Basis points (50 = 0.5%); null for the fixed classes. */
  @Property({ type: 'integer', nullable: true })
  rateBp: number | null = null;

  @Property({ type: 'integer' })
  dueFen!: number;

  /** A hardship reduction (第七条): decided by the branch, approved by the committee above. */
  @Property({ type: 'integer', default: 0 })
  reductionFen: number & Opt = 0;

  @Property({ type: 'string', length: 200, nullable: true })
  reductionReason: string | null = null;

  @Enum({ items: () => DuesItemStatus })
  status: DuesItemStatus & Opt = DuesItemStatus.UNPAID;

  @Property({ type: 'integer', default: 0 })
  paidFen: number & Opt = 0;

  @Property({ type: 'datetime', nullable: true })
  paidAt: Date | null = null;
}

/** A payment. The client's idempotency key makes a retried payment the same payment. */
@Entity({ tableName: 'dues_payment' })
@Unique({ name: 'dues_payment_idempotency', properties: ['enterprise', 'idempotencyKey'] })
export class DuesPayment {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'dues_payment_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => DuesItem, { ref: true, deleteRule: 'cascade', index: 'dues_payment_item_idx' })
  item!: Ref<DuesItem>;

  @Property({ type: 'integer' })
  amountFen!: number;

  @Enum({ items: () => DuesChannel })
  channel!: DuesChannel;

  /** 代缴: who paid for the member. */
  @Property({ type: 'string', length: 50, nullable: true })
  proxyName: string | null = null;

  @Property({ type: 'string', length: 80 })
  idempotencyKey!: string;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  recordedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  paidAt: Date & Opt = new Date();
}
