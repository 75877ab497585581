import { Collection, type Opt } from '@mikro-orm/core';
import { Check, Entity, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { PartnerLink } from '../partnerships/partnership.entity.js';

/** The tenant. Every tenant-owned row carries `enterprise_id` (also the future sharding key). */
@Entity({ tableName: 'enterprise' })
@Check({ name: 'enterprise_slug_format', expression: "slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'" })
export class Enterprise {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** URL-safe handle, unique across the platform. */
  @Property({ type: 'string', length: 64, unique: 'enterprise_slug_unique' })
  slug!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 50 })
  shortName!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  /** Web origins (`https://app.example.com`) whose browser apps may call the API (CORS). */
  @Property({ type: 'array', columnType: 'text[]', defaultRaw: "'{}'" })
  allowedOrigins: string[] & Opt = [];

  /** Enterprises that may read this one's PARTNERS content (active partnerships only). */
  @OneToMany(() => PartnerLink, (l) => l.enterprise)
  partnerLinks = new Collection<PartnerLink>(this);
}
