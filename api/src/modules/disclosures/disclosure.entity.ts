import { type Opt, type Ref } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { User } from '../identity/user.entity.js';
import { Content } from '../content/content.entity.js';
import { DisclosureCategory, DisclosureScope, DisclosureStep } from './disclosure-enums.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';

/**
 * What a disclosure adds to the common content row: its catalogue category, scope, the four-step
 * record (with the secrecy review: who, when, conclusion) and an optional public-notice window.
 * Nothing classified is ever stored: the secrecy review is the explicit step that says so.
 */
@Entity({ tableName: 'disclosure' })
@Index({ name: 'disclosure_category_idx', properties: ['category'] })
// "Open notices" (every portal home asks): few rows, found by when their window ends.
@Index({ name: 'disclosure_notice_start_idx', expression: 'create index "disclosure_notice_start_idx" on "disclosure" ("notice_starts_at") where notice_starts_at is not null' })
@Index({ name: 'disclosure_notice_idx', expression: 'create index "disclosure_notice_idx" on "disclosure" ("notice_ends_at", "notice_starts_at") where notice_ends_at is not null' })
@Check({ name: 'disclosure_notice_window', expression: '(notice_starts_at is null) = (notice_ends_at is null) and (notice_ends_at is null or notice_ends_at > notice_starts_at)' })
export class Disclosure {
  @OneToOne(() => Content, { primary: true, ref: true, deleteRule: 'cascade' })
  content!: Ref<Content>;

  /** The tenant (the distribution key): the enterprise of the content this row belongs to. */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'disclosure_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @Enum({ items: () => DisclosureCategory })
  category!: DisclosureCategory;

  @Enum({ items: () => DisclosureScope })
  scope!: DisclosureScope;

  @Enum({ items: () => DisclosureStep })
  step!: DisclosureStep;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  secrecyReviewer: Ref<User> | null = null;

  @Property({ type: 'datetime', nullable: true })
  secrecyReviewedAt: Date | null = null;

  /** The reviewer's conclusion, e.g. "不涉及国家秘密和商业秘密，同意公开". */
  @Property({ type: 'string', length: 500, nullable: true })
  secrecyConclusion: string | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  approver: Ref<User> | null = null;

  @Property({ type: 'datetime', nullable: true })
  approvedAt: Date | null = null;

  /** 公示: the window during which objections and feedback are received. */
  @Property({ type: 'datetime', nullable: true })
  noticeStartsAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  noticeEndsAt: Date | null = null;
}

/** 意见反馈: feedback on a disclosure, and the owner's reply. Seen only by the owner's reviewers and admins. */
@Entity({ tableName: 'disclosure_feedback' })
@Index({ name: 'disclosure_feedback_content_idx', properties: ['content', 'createdAt'] })
export class DisclosureFeedback {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  /** The tenant (the distribution key): the enterprise of the content this row belongs to. */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'disclosure_feedback_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Content, { ref: true, deleteRule: 'cascade' })
  content!: Ref<Content>;

  /** Null for an anonymous visitor (allowed on SOCIETY notices only). */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  author!: Ref<User> | null;

  @Property({ type: 'string', length: 50, nullable: true })
  authorName!: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  contact!: string | null;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  ip!: string | null;

  @Property({ type: 'text', nullable: true })
  reply: string | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  repliedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', nullable: true })
  repliedAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

/** A member's confirmation that they read an internal disclosure (阅读回执). */
@Entity({ tableName: 'disclosure_read' })
export class DisclosureRead {
  @ManyToOne(() => Content, { primary: true, deleteRule: 'cascade' })
  content!: Content;

  /** The tenant (the distribution key): the enterprise of the content this row belongs to. */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'disclosure_read_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => User, { primary: true, deleteRule: 'cascade', index: 'disclosure_read_user_idx' })
  user!: User;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  readAt: Date & Opt = new Date();
}
