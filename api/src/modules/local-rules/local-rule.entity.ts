import { type Opt } from '@mikro-orm/core';
import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';

/**
 * An enterprise's value for a LOCAL rule of Party work. Only what differs from the default is
 * stored: no row means the default DOMAIN-RULES names is in force.
 */
@Entity({ tableName: 'local_rule_setting' })
export class LocalRuleSetting {
  @ManyToOne(() => Enterprise, { primary: true, deleteRule: 'cascade' })
  enterprise!: Enterprise;

  /** A declared rule's key (`members.electionReminderDays`); unknown keys are refused on write. */
  @Property({ type: 'string', length: 80, primary: true })
  key!: string;

  @Property({ type: 'integer' })
  value!: number;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  updatedBy: User | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
