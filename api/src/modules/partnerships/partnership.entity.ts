import { type Opt, type Ref, type Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';

/** PROPOSED → ACTIVE (accepted) or DECLINED; PROPOSED or ACTIVE → ENDED by either side. */
export const PartnershipStatus = {
  PROPOSED: 'PROPOSED',
  ACTIVE: 'ACTIVE',
  DECLINED: 'DECLINED',
  ENDED: 'ENDED',
} as const;
export type PartnershipStatus = (typeof PartnershipStatus)[keyof typeof PartnershipStatus];

/**
 * 共建: two enterprises that share PARTNERS content with each other. The row is the history
 * (who proposed, who decided, who ended it); `PartnerLink` is what the read rules look at.
 * At most one open (proposed or active) partnership per pair, whoever proposed it.
 */
@Entity({ tableName: 'partnership' })
@Index({ name: 'partnership_partner_idx', properties: ['partner', 'status'] })
@Index({ name: 'partnership_proposer_idx', properties: ['proposer', 'status'] })
@Index({
  name: 'partnership_open_pair_unique',
  expression: `create unique index "partnership_open_pair_unique" on "partnership" (least(proposer_id, partner_id), greatest(proposer_id, partner_id)) where status in ('PROPOSED', 'ACTIVE')`,
})
@Check({ name: 'partnership_distinct', expression: 'proposer_id <> partner_id' })
export class Partnership {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade' })
  proposer!: Ref<Enterprise>;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade' })
  partner!: Ref<Enterprise>;

  @Enum({ items: () => PartnershipStatus })
  status!: PartnershipStatus;

  /** The proposal's text, e.g. "党建共建、资源共享". */
  @Property({ type: 'string', length: 500, default: '' })
  message: string & Opt = '';

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  proposedBy!: Ref<User> | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  decidedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  declineReason: string | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  endedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', nullable: true })
  endedAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

/**
 * One row per direction of an ACTIVE partnership: "`partner` may read `enterprise`'s PARTNERS
 * content". Written and deleted in the transaction that activates or ends the partnership, so
 * the read rule (a join on this table) follows the state at once.
 */
@Entity({ tableName: 'partner_link' })
export class PartnerLink {
  @ManyToOne(() => Enterprise, { primary: true, deleteRule: 'cascade' })
  enterprise!: Rel<Enterprise>;

  @ManyToOne(() => Enterprise, { primary: true, deleteRule: 'cascade', index: 'partner_link_partner_idx' })
  partner!: Rel<Enterprise>;

  @ManyToOne(() => Partnership, { deleteRule: 'cascade', index: 'partner_link_partnership_idx' })
  partnership!: Rel<Partnership>;
}
