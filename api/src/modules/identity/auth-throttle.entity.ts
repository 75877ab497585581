import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * Failed sign-in counters, per account and per source address, shared by every API process.
 * `key` is `account:<login>` or `ip:<address>`.
 */
@Entity({ tableName: 'auth_throttle' })
export class AuthThrottle {
  @PrimaryKey({ type: 'string', length: 300 })
  key!: string;

  @Property({ type: 'integer' })
  failures!: number;

  @Property({ type: 'datetime' })
  windowStartedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  lockedUntil!: Date | null;
}
