import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { Organization } from '../organizations/organization.entity.js';

/**
 * An organisation's dashboard as last computed (aggregates over its subtree): read instead of
 * scanning on every request, refreshed in the background while people keep reading it. The same
 * for every reader (it holds counts only, the small-count rule already applied).
 */
@Entity({ tableName: 'dashboard_snapshot' })
@Unique({ name: 'dashboard_snapshot_unique', properties: ['enterprise', 'organization'] })
@Index({ name: 'dashboard_snapshot_refresh_idx', properties: ['computedAt'] })
export class DashboardSnapshot {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade', index: false })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade', index: false })
  organization!: Ref<Organization>;

  @Property({ type: 'json' })
  data!: unknown;

  @Property({ type: 'datetime' })
  computedAt!: Date;

  /** When someone last read it: the refresher keeps only what is being read warm. */
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  readAt: Date & Opt = new Date();
}
