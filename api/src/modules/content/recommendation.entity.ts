import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Content } from './content.entity.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';

export const RecommendationStatus = { PENDING: 'PENDING', ACCEPTED: 'ACCEPTED', DECLINED: 'DECLINED' } as const;
export type RecommendationStatus = (typeof RecommendationStatus)[keyof typeof RecommendationStatus];

/**
 * 上报/推荐: a lower level recommends a published item to an organisation above its owner; that
 * organisation's reviewers accept it (it is featured on their portal, its origin shown) or decline.
 */
@Entity({ tableName: 'content_recommendation' })
@Unique({ name: 'content_recommendation_unique', properties: ['enterprise', 'content', 'toOrganization'] })
@Index({ name: 'content_recommendation_to_idx', properties: ['toOrganization', 'status'] })
export class Recommendation {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** The tenant (the distribution key): the enterprise of the content this row belongs to. */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'content_recommendation_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Content, { ref: true, deleteRule: 'cascade' })
  content!: Ref<Content>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict' })
  toOrganization!: Ref<Organization>;

  @Enum({ items: () => RecommendationStatus })
  status!: RecommendationStatus;

  @Property({ type: 'string', length: 500, default: '' })
  note: string & Opt = '';

  @Property({ type: 'string', length: 500, nullable: true })
  declineReason: string | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  recommendedBy!: Ref<User> | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  decidedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
