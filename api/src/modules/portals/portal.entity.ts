import { Collection, type Opt, type Ref } from '@mikro-orm/core';
import { Check, Entity, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import type { Theme } from './theme.js';

/** A portal site bound to one organisation (an enterprise's top committee or a subsidiary's). */
@Entity({ tableName: 'portal' })
@Check({ name: 'portal_slug_format', expression: "slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'" })
export class Portal {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'portal_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  /** One portal per organisation. */
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', unique: 'portal_organization_unique' })
  organization!: Ref<Organization>;

  /** Used in local URLs (`/p/<slug>/`); unique across the platform. */
  @Property({ type: 'string', length: 64, unique: 'portal_slug_unique' })
  slug!: string;

  @Property({ type: 'string', length: 200 })
  title!: string;

  /** The published theme (theme.ts); missing keys take the defaults. */
  @Property({ type: 'json', defaultRaw: "'{}'" })
  theme: Partial<Theme> & Opt = {};

  /** A saved, unpublished theme, previewed by the portal's admins. */
  @Property({ type: 'json', nullable: true })
  themeDraft: Partial<Theme> | null = null;

  @OneToMany(() => PortalHost, (host) => host.portal)
  hosts = new Collection<PortalHost>(this);

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

/** A host name that serves a portal. The primary key makes a host belong to exactly one portal. */
@Entity({ tableName: 'portal_host' })
@Check({ name: 'portal_host_lowercase', expression: 'host = lower(host)' })
export class PortalHost {
  @PrimaryKey({ type: 'string', length: 253 })
  host!: string;

  /** The tenant (the distribution key): the portal's enterprise. */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'portal_host_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Portal, { ref: true, deleteRule: 'cascade', index: 'portal_host_portal_idx' })
  portal!: Ref<Portal>;
}
