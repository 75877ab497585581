import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';

/** The ways a notification reaches a person besides the inbox (which it always reaches). */
export const Channel = {
  EMAIL: 'EMAIL',
  SMS: 'SMS', // through the enterprise's SMS gateway webhook
  WECOM: 'WECOM', // 企业微信, through the enterprise's webhook
} as const;
export type Channel = (typeof Channel)[keyof typeof Channel];

/**
 * A delivery's life: QUEUED (a job waits, perhaps until morning), SENDING (a worker has it),
 * SENT; FAILED between attempts; DEAD after the last; SKIPPED when the channel is off for the
 * enterprise or the person has no address (recorded, never dropped silently); DIGEST when it waits
 * for the day's e-mail digest.
 */
export const DeliveryStatus = {
  QUEUED: 'QUEUED',
  SENDING: 'SENDING',
  SENT: 'SENT',
  FAILED: 'FAILED',
  DEAD: 'DEAD',
  SKIPPED: 'SKIPPED',
  DIGEST: 'DIGEST',
} as const;
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];

/** One message to one person, in their inbox; its text rendered once, from its kind's template. */
@Entity({ tableName: 'notification' })
@Index({ name: 'notification_inbox_idx', properties: ['recipient', 'id'] })
@Index({ name: 'notification_unread_idx', expression: 'create index "notification_unread_idx" on "notification" ("recipient_id", "id") where "read_at" is null' })
export class Notification {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  /** The tenant: the enterprise the notification concerns. */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'notification_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  recipient!: Ref<User>;

  /** A stable code, e.g. `content.submitted`, `transfer.letter_issued`. */
  @Property({ type: 'string', length: 60 })
  kind!: string;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  /** Where it leads in the portal workspace, e.g. `/workspace/review`. */
  @Property({ type: 'string', length: 500, nullable: true })
  link!: string | null;

  @ManyToOne(() => Organization, { ref: true, nullable: true, deleteRule: 'set null' })
  organization!: Ref<Organization> | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', nullable: true })
  readAt: Date | null = null;
}

/** A notification on one outside channel: idempotent by (notification, channel). */
@Entity({ tableName: 'notification_delivery' })
@Index({ name: 'notification_delivery_status_idx', properties: ['status', 'createdAt'] })
export class NotificationDelivery {
  @ManyToOne(() => Notification, { primary: true, deleteRule: 'cascade' })
  notification!: Notification;

  @Enum({ items: () => Channel, primary: true })
  channel!: Channel;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'notification_delivery_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  /** The e-mail address, phone number or 企业微信 account it goes to (null when skipped for want of one). */
  @Property({ type: 'string', length: 254, nullable: true })
  address!: string | null;

  @Enum({ items: () => DeliveryStatus })
  status!: DeliveryStatus;

  @Property({ type: 'integer', default: 0 })
  attempts: number & Opt = 0;

  /** Why it failed last, or why it was skipped. */
  @Property({ type: 'string', length: 500, nullable: true })
  reason: string | null = null;

  /** Not before this time (quiet hours hold SMS until morning). */
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  notBefore: Date & Opt = new Date();

  @Property({ type: 'datetime', nullable: true })
  sentAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

/** A person's choice for one kind on one channel (absent: the kind's default). */
@Entity({ tableName: 'notification_preference' })
export class NotificationPreference {
  @ManyToOne(() => User, { primary: true, deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'string', length: 60, primary: true })
  kind!: string;

  @Enum({ items: () => Channel, primary: true })
  channel!: Channel;

  @Property({ type: 'boolean' })
  enabled!: boolean;
}

/** A person's notification settings: quiet hours (China time) and the daily e-mail digest. */
@Entity({ tableName: 'notification_profile' })
export class NotificationProfile {
  @ManyToOne(() => User, { primary: true, deleteRule: 'cascade' })
  user!: User;

  /** Minutes after midnight, Asia/Shanghai: no SMS from `quietFrom` until `quietUntil`. */
  @Property({ type: 'smallint', default: 22 * 60 })
  quietFrom: number & Opt = 22 * 60;

  @Property({ type: 'smallint', default: 7 * 60 })
  quietUntil: number & Opt = 7 * 60;

  /** One e-mail a day with what arrived, instead of one per notification. */
  @Property({ type: 'boolean', default: false })
  emailDigest: boolean & Opt = false;

  /** The person's 企业微信 account, if it differs from their phone number. */
  @Property({ type: 'string', length: 64, nullable: true })
  wecomUserId: string | null = null;
}

/**
 * An enterprise's gateway for SMS or 企业微信: a webhook the platform calls, signed with
 * HMAC-SHA256 under the secret so the gateway can verify it. Private and loopback addresses are
 * refused unless `allowPrivateNetwork` (an on-premises gateway, or a test).
 */
@Entity({ tableName: 'notification_gateway' })
export class NotificationGateway {
  @ManyToOne(() => Enterprise, { primary: true, deleteRule: 'cascade' })
  enterprise!: Enterprise;

  @Enum({ items: () => Channel, primary: true })
  channel!: Channel;

  @Property({ type: 'string', length: 500 })
  url!: string;

  @Property({ type: 'string', length: 200, hidden: true })
  secret!: string;

  @Property({ type: 'boolean', default: false })
  allowPrivateNetwork: boolean & Opt = false;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/** That a reminder went out: the unique key makes it once, however many processes look. */
@Entity({ tableName: 'reminder_sent' })
@Unique({ name: 'reminder_sent_once', properties: ['enterprise', 'rule', 'subject', 'due'] })
export class ReminderSent {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade' })
  enterprise!: Ref<Enterprise>;

  @Property({ type: 'string', length: 60 })
  rule!: string;

  /** What it is about, e.g. a disclosure's id. */
  @Property({ type: 'string', length: 60 })
  subject!: string;

  /** Which due date (an item may come due more than once). */
  @Property({ type: 'string', length: 60 })
  due!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  sentAt: Date & Opt = new Date();
}
