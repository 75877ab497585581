import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Content } from '../content/content.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';

export const UsageMetric = { VIEW: 'VIEW', DOWNLOAD: 'DOWNLOAD' } as const;
export type UsageMetric = (typeof UsageMetric)[keyof typeof UsageMetric];

/**
 * Views and downloads per item, day and viewing organisation (null: anonymous visitors and API
 * keys), as counters upserted in one statement: a dashboard's time series is one GROUP BY over
 * few rows, whatever the traffic. Adoptions and requests are counted from their own tables.
 */
@Entity({ tableName: 'usage_daily' })
@Index({
  name: 'usage_daily_key',
  expression: 'create unique index "usage_daily_key" on "usage_daily" ("enterprise_id", "content_id", "day", "metric", coalesce("organization_id", 0))',
})
@Index({ name: 'usage_daily_organization_idx', properties: ['organization', 'day'] })
export class UsageDaily {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  /** The tenant (the distribution key): the enterprise of the content this row belongs to. */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'usage_daily_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Content, { ref: true, deleteRule: 'cascade' })
  content!: Ref<Content>;

  @Property({ type: 'date' })
  day!: string;

  @Enum({ items: () => UsageMetric })
  metric!: UsageMetric;

  @ManyToOne(() => Organization, { ref: true, nullable: true, deleteRule: 'set null' })
  organization!: Ref<Organization> | null;

  @Property({ type: 'integer', default: 0 })
  count: number & Opt = 0;
}
