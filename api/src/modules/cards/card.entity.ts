import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { Member } from '../members/member.entity.js';

/**
 * A key that signs e-member cards (Ed25519). Platform-wide: a card verifies on any portal. The
 * newest unretired key signs; retired keys still verify the cards they signed until those expire.
 * The private key is sealed like member data.
 */
@Entity({ tableName: 'card_signing_key' })
export class CardSigningKey {
  @PrimaryKey({ type: 'string', length: 16 })
  id!: string;

  /** SPKI DER, base64. */
  @Property({ type: 'text' })
  publicKey!: string;

  @Property({ type: 'text', hidden: true })
  privateKeySealed!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', nullable: true })
  retiredAt: Date | null = null;
}

/** 电子党员活动证: one current card per member; a reissue revokes the old one. */
@Entity({ tableName: 'member_card' })
@Index({ name: 'member_card_member_idx', properties: ['member', 'id'] })
@Index({
  name: 'member_card_one_current',
  expression: `create unique index "member_card_one_current" on "member_card" ("enterprise_id", "member_id") where "revoked_at" is null`,
})
export class MemberCard {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'member_card_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade' })
  member!: Ref<Member>;

  @Property({ type: 'date' })
  issuedOn!: string;

  @Property({ type: 'date' })
  expiresOn!: string;

  @ManyToOne(() => CardSigningKey, { ref: true, deleteRule: 'restrict', fieldName: 'key_id' })
  key!: Ref<CardSigningKey>;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  revokeReason: string | null = null;
}
