import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { Organization } from '../organizations/organization.entity.js';

/**
 * One consequential write: who (user or API client), what (action and subject), where (the
 * organisation and enterprise it concerns), when and from where. Written in the same transaction
 * as the change. Actors are plain ids: the log outlives the accounts it mentions.
 */
@Entity({ tableName: 'audit_event' })
@Index({ name: 'audit_event_enterprise_time_idx', properties: ['enterprise', 'createdAt'] })
@Index({ name: 'audit_event_organization_time_idx', properties: ['organization', 'createdAt'] })
export class AuditEvent {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Property({ type: 'string', length: 60 })
  action!: string;

  @Property({ type: 'integer', nullable: true })
  actorUserId!: number | null;

  @Property({ type: 'integer', nullable: true })
  actorApiClientId!: number | null;

  @Property({ type: 'string', length: 40 })
  subjectType!: string;

  @Property({ type: 'string', length: 40 })
  subjectId!: string;

  @ManyToOne(() => Organization, { ref: true, nullable: true, deleteRule: 'restrict' })
  organization!: Ref<Organization> | null;

  @ManyToOne(() => Enterprise, { ref: true, nullable: true, deleteRule: 'restrict' })
  enterprise!: Ref<Enterprise> | null;

  @Property({ type: 'json', nullable: true })
  details!: Record<string, unknown> | null;

  @Property({ type: 'string', length: 64, nullable: true })
  ip!: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
