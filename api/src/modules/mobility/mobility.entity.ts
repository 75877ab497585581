import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';

/** 外出登记 → 党委审批发证 → (平台内) 流入地报到 → 返回; or not approved. */
export const MobileStatus = { APPLIED: 'APPLIED', APPROVED: 'APPROVED', AT_HOST: 'AT_HOST', RETURNED: 'RETURNED', REJECTED: 'REJECTED' } as const;
export type MobileStatus = (typeof MobileStatus)[keyof typeof MobileStatus];

export const ContactKind = { PHONE: 'PHONE', ONLINE: 'ONLINE', VISIT: 'VISIT', YEARLY_REPORT: 'YEARLY_REPORT' } as const;
export type ContactKind = (typeof ContactKind)[keyof typeof ContactKind];

/**
 * A member away from their branch without transferring (流动党员, DOMAIN-RULES §5): home keeps the
 * relationship; a host on the platform, if any, confirms the arrival and sees the registration.
 */
@Entity({ tableName: 'mobile_registration' })
@Index({
  name: 'mobile_registration_one_open',
  expression: `create unique index "mobile_registration_one_open" on "mobile_registration" ("enterprise_id", "member_id") where "status" in ('APPLIED', 'APPROVED', 'AT_HOST')`,
})
@Index({ name: 'mobile_registration_home_idx', properties: ['homeOrganization', 'status'] })
@Index({ name: 'mobile_registration_host_idx', properties: ['hostOrganization', 'status'] })
export class MobileRegistration {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'mobile_registration_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade' })
  member!: Ref<Member>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict' })
  homeOrganization!: Ref<Organization>;

  /** The 基层党委 that approves and issues the 流动党员活动证. */
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: 'mobile_registration_committee_idx' })
  homeCommittee!: Ref<Organization>;

  /** The host organisation, when it is on the platform. */
  @ManyToOne(() => Organization, { ref: true, nullable: true, deleteRule: 'restrict' })
  hostOrganization: Ref<Organization> | null = null;

  /** Where: a city, an employer's site, a country. */
  @Property({ type: 'string', length: 200 })
  place!: string;

  @Property({ type: 'boolean', default: false })
  abroad: boolean & Opt = false;

  @Property({ type: 'string', length: 500 })
  reason!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  employer: string | null = null;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date', nullable: true })
  expectedReturnOn: string | null = null;

  @Enum({ items: () => MobileStatus })
  status!: MobileStatus;

  /** 流动党员活动证 number, when approved. */
  @Property({ type: 'string', length: 20, nullable: true })
  cardNumber: string | null = null;

  @Property({ type: 'date', nullable: true })
  arrivedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  returnedOn: string | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  decisionNote: string | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  registeredBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

/** 联系记录: every contact with the member while away; the yearly report home is one kind. */
@Entity({ tableName: 'mobile_contact' })
@Index({ name: 'mobile_contact_registration_idx', properties: ['registration', 'contactedOn'] })
export class MobileContact {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'mobile_contact_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => MobileRegistration, { ref: true, deleteRule: 'cascade' })
  registration!: Ref<MobileRegistration>;

  @Enum({ items: () => ContactKind })
  kind!: ContactKind;

  @Property({ type: 'date' })
  contactedOn!: string;

  @Property({ type: 'string', length: 500 })
  note!: string;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  recordedBy: Ref<User> | null = null;
}
