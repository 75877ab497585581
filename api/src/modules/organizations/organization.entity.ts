import { type Opt, type Ref } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { OrganizationLevel } from './organization-level.js';

/**
 * A Party organisation in an enterprise's tree. `path` is the materialised path of ids from the
 * root down to and including this node (`/1/7/42/`): "this organisation and everything below it"
 * is one prefix match on an index. The column uses the C collation so a plain btree serves both
 * `LIKE '/1/7/%'` and ordering by path (a pre-order walk of the tree).
 */
@Entity({ tableName: 'organization' })
@Unique({ name: 'organization_path_unique', properties: ['path'] })
@Index({ name: 'organization_parent_idx', properties: ['parent', 'sortOrder'] })
@Check({ name: 'organization_path_format', expression: "path ~ '^(/[0-9]+)+/$'" })
export class Organization {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'organization_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Organization, { ref: true, nullable: true, deleteRule: 'restrict' })
  parent!: Ref<Organization> | null;

  @Enum({ items: () => OrganizationLevel })
  level!: OrganizationLevel;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'integer', default: 0 })
  sortOrder: number & Opt = 0;

  @Property({ type: 'text', collation: 'C' })
  path!: string;

  /** 0 for a root; equals the number of ids in `path` minus one. */
  @Property({ type: 'smallint' })
  depth!: number;

  /**
   * A 临时党支部 (or 临时党小组) of members away together (DOMAIN-RULES §5: three or more): it holds
   * their organisational life while their relationship and dues stay with their home branches.
   */
  @Property({ type: 'boolean', default: false })
  temporary: boolean & Opt = false;

  /** Set when the organisation (with its subtree) is archived; archived organisations are hidden from the public. */
  @Property({ type: 'datetime', nullable: true })
  archivedAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

/** Ids on a materialised path, from the root down to the organisation itself. */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}
