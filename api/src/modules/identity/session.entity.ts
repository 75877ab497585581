import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { User } from './user.entity.js';

/**
 * A signed-in session, usable as an HttpOnly cookie (portals) or a bearer token (apps). Only the
 * SHA-256 of the token is stored; the token itself is shown once, at sign-in.
 */
@Entity({ tableName: 'session' })
@Index({ name: 'session_user_idx', properties: ['user'] })
export class Session {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Property({ type: 'string', length: 64, unique: 'session_token_hash_unique' })
  tokenHash!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  lastSeenAt: Date & Opt = new Date();

  @Property({ type: 'string', length: 64, nullable: true })
  ip!: string | null;

  @Property({ type: 'string', length: 300, nullable: true })
  userAgent!: string | null;
}
