import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from './user.entity.js';
import type { ApiScope } from '../../core/authz/roles.js';

/** A third-party app of one enterprise, calling the API with a key (stored as a SHA-256 only). */
@Entity({ tableName: 'api_client' })
@Index({ name: 'api_client_previous_key_idx', expression: 'create index "api_client_previous_key_idx" on "api_client" ("previous_key_hash") where previous_key_hash is not null' })
export class ApiClient {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade', index: 'api_client_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** The key's first characters, to recognise it in lists; not secret. */
  @Property({ type: 'string', length: 16 })
  keyPrefix!: string;

  @Property({ type: 'string', length: 64, unique: 'api_client_key_hash_unique' })
  keyHash!: string;

  @Property({ type: 'array', columnType: 'text[]' })
  scopes!: ApiScope[];

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy!: Ref<User> | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;

  /** The address of the last call (to the minute, like the time). */
  @Property({ type: 'string', length: 64, nullable: true })
  lastUsedIp: string | null = null;

  /** After a rotation, the old key's hash keeps working until `previousKeyValidUntil` (the grace period). */
  @Property({ type: 'string', length: 64, nullable: true })
  previousKeyHash: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  previousKeyValidUntil: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  rotatedAt: Date | null = null;
}
