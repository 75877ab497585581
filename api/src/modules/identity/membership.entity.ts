import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Role } from '../../core/authz/roles.js';
import { User } from './user.entity.js';

/** A role a user holds at an organisation; it reaches that organisation's whole subtree. */
@Entity({ tableName: 'membership' })
@Unique({ name: 'membership_user_org_role_unique', properties: ['user', 'organization', 'role'] })
@Index({ name: 'membership_organization_idx', properties: ['organization'] })
export class Membership {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  /** The organisation's enterprise (tenant key). */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade', index: 'membership_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @Enum({ items: () => Role })
  role!: Role;

  /** Who granted it; null for the demo seed and platform operations. */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  grantedBy!: Ref<User> | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
