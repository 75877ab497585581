import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';

/** RECEIVED (收到) → HANDLING (办理中) → ANSWERED (已答复). */
export const MailStatus = { RECEIVED: 'RECEIVED', HANDLING: 'HANDLING', ANSWERED: 'ANSWERED' } as const;
export type MailStatus = (typeof MailStatus)[keyof typeof MailStatus];

/**
 * A suggestion of the masses (群众意见箱) sent from a portal to its organisation: name and contact
 * optional (the contact sealed: it is personal data), a status, and a reply — public where the
 * sender allowed publication and the organisation answered publicly.
 */
@Entity({ tableName: 'mass_suggestion' })
@Index({ name: 'mass_suggestion_organization_idx', properties: ['organization', 'status', 'id'] })
@Index({ name: 'mass_suggestion_public_idx', expression: `create index "mass_suggestion_public_idx" on "mass_suggestion" ("organization_id", "replied_at") where status = 'ANSWERED' and allow_public and reply_public` })
@Index({ name: 'mass_suggestion_address_idx', properties: ['addressHash', 'createdAt'] })
export class MassSuggestion {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'mass_suggestion_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  /** The portal's organisation: where it is routed. */
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: false })
  organization!: Ref<Organization>;

  @Property({ type: 'string', length: 100 })
  subject!: string;

  /** Plain text; links removed where the sender did not sign in. */
  @Property({ type: 'string', length: 2000 })
  body!: string;

  @Property({ type: 'string', length: 50, nullable: true })
  authorName: string | null = null;

  /** Sealed (AES-GCM with the personal-data key); only the organisation's admins open it. */
  @Property({ type: 'text', nullable: true })
  contactSealed: string | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null', index: false })
  author: Ref<User> | null = null;

  /** The sender allows the suggestion and its answer on the portal's public list. */
  @Property({ type: 'boolean' })
  allowPublic!: boolean;

  @Enum({ items: () => MailStatus })
  status: MailStatus & Opt = MailStatus.RECEIVED;

  @Property({ type: 'string', length: 2000, nullable: true })
  reply: string | null = null;

  /** Answered publicly (on the portal, where the sender allowed it) or privately (to the sender only). */
  @Property({ type: 'boolean', default: false })
  replyPublic: boolean & Opt = false;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null', index: false })
  repliedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', nullable: true })
  repliedAt: Date | null = null;

  /** The sender's network address as a keyed hash: the rate limit counts by it. */
  @Property({ type: 'string', length: 64 })
  addressHash!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
