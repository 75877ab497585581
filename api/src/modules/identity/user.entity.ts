import { Collection, type Opt } from '@mikro-orm/core';
import { Check, Entity, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Membership } from './membership.entity.js';

/** A person's account. Signs in with email or phone; platform admins stand above all tenants. */
@Entity({ tableName: 'app_user' })
@Check({ name: 'app_user_has_login', expression: 'email is not null or phone is not null' })
@Check({ name: 'app_user_email_lowercase', expression: 'email = lower(email)' })
export class User {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 100 })
  displayName!: string;

  @Property({ type: 'string', length: 254, nullable: true, unique: 'app_user_email_unique' })
  email!: string | null;

  /** Digits with an optional leading +, as normalised by `normalisePhone`. */
  @Property({ type: 'string', length: 20, nullable: true, unique: 'app_user_phone_unique' })
  phone!: string | null;

  /** PHC string: $argon2id$v=19$m=…,t=…,p=…$salt$hash */
  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash!: string;

  @Property({ type: 'boolean', default: false })
  isPlatformAdmin: boolean & Opt = false;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @OneToMany(() => Membership, (membership) => membership.user)
  memberships = new Collection<Membership>(this);
}
