import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Content } from '../content/content.entity.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { RequestStatus, ResourceAccess, ResourceKind } from './resource-enums.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';

/**
 * What a shared resource (共建共享) adds to the common content row. Its files are the item's
 * attachments (content_attachment); its share scope is the item's visibility.
 */
@Entity({ tableName: 'shared_resource' })
@Index({ name: 'shared_resource_most_downloaded_idx', properties: ['downloadCount', 'content'] })
@Index({ name: 'shared_resource_kind_idx', properties: ['resourceKind'] })
export class SharedResource {
  @OneToOne(() => Content, { primary: true, ref: true, deleteRule: 'cascade' })
  content!: Ref<Content>;

  /** The tenant (the distribution key): the enterprise of the content this row belongs to. */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'shared_resource_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @Enum({ items: () => ResourceKind })
  resourceKind!: ResourceKind;

  @Enum({ items: () => ResourceAccess })
  access!: ResourceAccess;

  /** EDUCATION_BASE: where it is. */
  @Property({ type: 'string', length: 200, nullable: true })
  address: string | null = null;

  /** EDUCATION_BASE: when and how to visit, e.g. "周二至周日 9:00–17:00，团体参观请提前三天预约". */
  @Property({ type: 'string', length: 500, nullable: true })
  openingDetails: string | null = null;

  /** LECTURER: the topics they teach. */
  @Property({ type: 'array', columnType: 'text[]', defaultRaw: "'{}'" })
  topics: string[] & Opt = [];

  /** Downloads of its files, counted by one atomic UPDATE per download. */
  @Property({ type: 'integer', default: 0 })
  downloadCount: number & Opt = 0;
}

/**
 * An organisation's request to use an ON_REQUEST resource. Approval is the grant: members of the
 * organisation (and its subtree) may use the resource while it is APPROVED and not past `accessUntil`.
 */
@Entity({ tableName: 'resource_request' })
@Index({ name: 'resource_request_content_idx', properties: ['content', 'status'] })
@Index({ name: 'resource_request_organization_idx', properties: ['organization', 'status'] })
@Index({
  name: 'resource_request_one_pending',
  expression: `create unique index "resource_request_one_pending" on "resource_request" ("enterprise_id", "content_id", "organization_id") where status = 'PENDING'`,
})
export class ResourceRequest {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  /** The tenant (the distribution key): the enterprise of the content this row belongs to. */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'resource_request_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Content, { ref: true, deleteRule: 'cascade' })
  content!: Ref<Content>;

  /** The requesting organisation. */
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null', index: 'resource_request_requested_by_idx' })
  requestedBy!: Ref<User> | null;

  @Property({ type: 'string', length: 1000 })
  purpose!: string;

  @Enum({ items: () => RequestStatus })
  status!: RequestStatus;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  decidedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  decisionReason: string | null = null;

  /** Approved access ends at this time; null = until revoked. */
  @Property({ type: 'datetime', nullable: true })
  accessUntil: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
