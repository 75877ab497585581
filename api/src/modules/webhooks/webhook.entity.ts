import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { ApiScope } from '../../core/authz/roles.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';

/**
 * An enterprise's receiver of outgoing webhooks (出站推送), set by its top-level admins: where to
 * POST, which event types, and how far it sees (the scope of an API key: PUBLIC_READ or
 * INTERNAL_READ) — each event is read under that scope before anything is sent.
 */
@Entity({ tableName: 'webhook_endpoint' })
export class WebhookEndpoint {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade', index: 'webhook_endpoint_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @Property({ type: 'string', length: 500 })
  url!: string;

  @Property({ type: 'string', length: 200, default: '' })
  description: string & Opt = '';

  /** Webhook event types, e.g. `content.published`. */
  @Property({ type: 'array', columnType: 'text[]' })
  eventTypes!: string[];

  @Property({ type: 'string', length: 20 })
  scope!: ApiScope;

  /** Signs every delivery (HMAC-SHA256); shown once, when made or rotated. */
  @Property({ type: 'string', length: 100, hidden: true })
  secret!: string;

  /** Set when the admins turn it off or when a run of failures did. */
  @Property({ type: 'datetime', nullable: true })
  disabledAt: Date | null = null;

  @Property({ type: 'string', length: 300, nullable: true })
  disabledReason: string | null = null;

  /** Failed attempts since the last success: at the enterprise's limit the endpoint is disabled. */
  @Property({ type: 'integer', default: 0 })
  consecutiveFailures: number & Opt = 0;

  @Property({ type: 'datetime', nullable: true })
  lastSuccessAt: Date | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null', index: false })
  createdBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/**
 * The outbox: an event some endpoint of the enterprise asked for, written in the transaction of
 * the change (so it exists if and only if the change committed); a job then reads it under each
 * endpoint's scope and makes the deliveries.
 */
@Entity({ tableName: 'webhook_event' })
@Index({ name: 'webhook_event_enterprise_idx', properties: ['enterprise', 'id'] })
@Index({ name: 'webhook_event_waiting_idx', expression: 'create index "webhook_event_waiting_idx" on "webhook_event" ("enterprise_id", "id") where fanned_out_at is null' })
export class WebhookEvent {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  /** What receivers see as the event's id (the same on every delivery and redelivery of it). */
  @Property({ type: 'uuid', defaultRaw: 'gen_random_uuid()', unique: 'webhook_event_uid_unique' })
  uid!: string & Opt;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade', index: false })
  enterprise!: Ref<Enterprise>;

  /** The webhook event type. */
  @Property({ type: 'string', length: 60 })
  type!: string;

  /** The domain event as emitted (ids only). */
  @Property({ type: 'json' })
  source!: Record<string, unknown>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  /** When deliveries were made from it. */
  @Property({ type: 'datetime', nullable: true })
  fannedOutAt: Date | null = null;
}

/** PENDING (waiting its turn, or failing) → DELIVERED (the receiver answered 2xx). */
export const DeliveryState = { PENDING: 'PENDING', DELIVERED: 'DELIVERED' } as const;
export type DeliveryState = (typeof DeliveryState)[keyof typeof DeliveryState];

/**
 * One event to one endpoint: the exact body that is signed and sent (a redelivery sends it again).
 * An endpoint's deliveries go out one at a time, in order: a later one waits while an earlier fails.
 */
@Entity({ tableName: 'webhook_delivery' })
@Index({ name: 'webhook_delivery_endpoint_idx', properties: ['endpoint', 'id'] })
@Index({ name: 'webhook_delivery_once', expression: `create unique index "webhook_delivery_once" on "webhook_delivery" ("event_id", "endpoint_id") where redelivery_of is null` })
@Index({ name: 'webhook_delivery_pending_idx', expression: `create index "webhook_delivery_pending_idx" on "webhook_delivery" ("endpoint_id", "event_id", "id") where state = 'PENDING'` })
export class WebhookDelivery {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade', index: 'webhook_delivery_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => WebhookEndpoint, { ref: true, deleteRule: 'cascade', index: false })
  endpoint!: Ref<WebhookEndpoint>;

  @ManyToOne(() => WebhookEvent, { ref: true, deleteRule: 'cascade', index: 'webhook_delivery_event_idx' })
  event!: Ref<WebhookEvent>;

  @Property({ type: 'string', length: 60 })
  type!: string;

  /** The JSON body, exactly as signed. */
  @Property({ type: 'text' })
  body!: string;

  @Enum({ items: () => DeliveryState })
  state: DeliveryState & Opt = DeliveryState.PENDING;

  @Property({ type: 'integer', default: 0 })
  attempts: number & Opt = 0;

  /** The delivery this one repeats, when an admin asked for it again. */
  @Property({ type: 'bigint', nullable: true })
  redeliveryOf: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', nullable: true })
  deliveredAt: Date | null = null;
}

/** One try at a delivery: what the receiver answered, how long it took, or why there was no answer. */
@Entity({ tableName: 'webhook_attempt' })
export class WebhookAttempt {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade', index: 'webhook_attempt_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => WebhookDelivery, { ref: true, deleteRule: 'cascade', index: 'webhook_attempt_delivery_idx' })
  delivery!: Ref<WebhookDelivery>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Date & Opt = new Date();

  /** The HTTP status; null when there was no answer. */
  @Property({ type: 'integer', nullable: true })
  statusCode: number | null = null;

  @Property({ type: 'integer' })
  durationMs!: number;

  /** The start of the receiver's answer, or why there was none. */
  @Property({ type: 'string', length: 300, default: '' })
  excerpt: string & Opt = '';
}

/**
 * An enterprise's network setting for its endpoints. Private, loopback and link-local addresses
 * are refused unless the platform's admins allow them for the enterprise (an on-premises
 * receiver, or a test): reaching inside the platform's own network is not the enterprise's call.
 */
@Entity({ tableName: 'webhook_network' })
export class WebhookNetwork {
  @ManyToOne(() => Enterprise, { primary: true, deleteRule: 'cascade' })
  enterprise!: Enterprise;

  @Property({ type: 'boolean', default: false })
  allowPrivateNetwork: boolean & Opt = false;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

