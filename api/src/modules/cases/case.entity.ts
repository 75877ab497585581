import { type Opt, type Ref, type Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, OneToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Content } from '../content/content.entity.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';

/**
 * What an experience case (经验交流) adds to the common content row: the structured write-up.
 * The content body is composed from the three sections (so search and snippets cover them).
 */
@Entity({ tableName: 'experience_case' })
@Index({ name: 'experience_case_most_liked_idx', properties: ['likeCount', 'content'] })
@Index({ name: 'experience_case_most_adopted_idx', properties: ['adoptionCount', 'content'] })
export class ExperienceCase {
  @OneToOne(() => Content, { primary: true, ref: true, deleteRule: 'cascade' })
  content!: Ref<Content>;

  /** The tenant (the distribution key): the enterprise of the content this row belongs to. */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'experience_case_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  /** 背景: sanitised HTML. */
  @Property({ type: 'text' })
  backgroundHtml!: string;

  /** 做法: sanitised HTML. */
  @Property({ type: 'text' })
  practiceHtml!: string;

  /** 成效: sanitised HTML. */
  @Property({ type: 'text' })
  resultsHtml!: string;

  /**
   * Engagement counters, each changed by one atomic UPDATE in the transaction that inserts (or
   * deletes) the row it counts, so concurrent clicks are counted exactly once.
   */
  @Property({ type: 'integer', default: 0 })
  likeCount: number & Opt = 0;

  /** Visible (not hidden) comments. */
  @Property({ type: 'integer', default: 0 })
  commentCount: number & Opt = 0;

  @Property({ type: 'integer', default: 0 })
  adoptionCount: number & Opt = 0;
}

/** A member's comment on a case; the owner's reviewers hide and restore it, with a reason. */
@Entity({ tableName: 'case_comment' })
@Index({ name: 'case_comment_content_idx', properties: ['content', 'id'] })
export class CaseComment {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  /** The tenant (the distribution key): the enterprise of the content this row belongs to. */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'case_comment_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Content, { ref: true, deleteRule: 'cascade' })
  content!: Ref<Content>;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null', index: 'case_comment_author_idx' })
  author!: Ref<User> | null;

  /** Plain text (normalised, no control characters); rendered escaped. */
  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'datetime', nullable: true })
  hiddenAt: Date | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  hiddenReason: string | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  moderatedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

/** One like per user and item; the primary key makes a second one impossible. */
@Entity({ tableName: 'content_like' })
export class ContentLike {
  @ManyToOne(() => Content, { primary: true, deleteRule: 'cascade' })
  content!: Rel<Content>;

  /** The tenant (the distribution key): the enterprise of the content this row belongs to. */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'content_like_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => User, { primary: true, deleteRule: 'cascade', index: 'content_like_user_idx' })
  user!: Rel<User>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

/** 推广应用: an organisation records that it adopted the practice of a case (once per case). */
@Entity({ tableName: 'case_adoption' })
@Unique({ name: 'case_adoption_once', properties: ['enterprise', 'content', 'organization'] })
@Index({ name: 'case_adoption_organization_idx', properties: ['organization', 'createdAt'] })
export class CaseAdoption {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  /** The tenant (the distribution key): the enterprise of the content this row belongs to. */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'case_adoption_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Content, { ref: true, deleteRule: 'cascade' })
  content!: Ref<Content>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  /** How it was applied, e.g. "在三个班组推行，隐患整改周期缩短一半". */
  @Property({ type: 'string', length: 1000 })
  note!: string;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  adoptedBy!: Ref<User> | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

/** 优秀案例: a level above the owner features a case; its portal shows it first. */
@Entity({ tableName: 'case_feature' })
@Index({ name: 'case_feature_organization_idx', properties: ['organization', 'featuredAt'] })
export class CaseFeature {
  @ManyToOne(() => Content, { primary: true, deleteRule: 'cascade' })
  content!: Rel<Content>;

  /** The tenant (the distribution key): the enterprise of the content this row belongs to. */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'case_feature_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Organization, { primary: true, deleteRule: 'cascade' })
  organization!: Rel<Organization>;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  featuredBy!: Ref<User> | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  featuredAt: Date & Opt = new Date();
}
