import { Collection, type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToMany, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { MediaFile } from '../media/media.entity.js';
import { Recommendation } from './recommendation.entity.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { ContentKind, ContentStatus, Visibility } from './content-enums.js';

/**
 * What every kind of content shares (news now; disclosures, cases and resources to come, each
 * with a table of its own for what only it has). Visibility is decided in SQL from `status`,
 * `published_at`, `visibility` and the owner organisation (see content.policy.ts).
 */
@Entity({ tableName: 'content' })
@Index({ name: 'content_feed_idx', properties: ['kind', 'status', 'publishedAt'] })
// Lists and counts of a subtree: one index-only range per organisation, whatever the read rules
// add (visibility, enterprise, author and id are included for them).
@Index({
  name: 'content_subtree_list_idx',
  expression:
    'create index "content_subtree_list_idx" on "content" ("organization_id", "kind", "status", "published_at") include ("visibility", "enterprise_id", "author_id", "id")',
})
@Index({
  name: 'content_publish_due_idx',
  expression: `create index "content_publish_due_idx" on "content" ("published_at") where status = 'PUBLISHED' and publish_notified_at is null`,
})
@Index({ name: 'content_tags_idx', expression: 'create index "content_tags_idx" on "content" using gin ("tags")' })
// Finds the few rows an older tokeniser indexed (search-reindex.ts), without reading the table.
@Index({ name: 'content_search_version_idx', properties: ['searchVersion'] })
@Index({ name: 'content_search_idx', expression: 'create index "content_search_idx" on "content" using gin ("search_vector")' })
export class Content {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  /** The kind's code: the declared kinds (content/kinds.ts), in a fixed order whatever the import order. */
  @Enum({ items: () => Object.values(ContentKind).sort() })
  kind!: ContentKind;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'content_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  /** The owner organisation. */
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict' })
  organization!: Ref<Organization>;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null', index: 'content_author_idx' })
  author!: Ref<User> | null;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'string', length: 500, default: '' })
  summary: string & Opt = '';

  /** Sanitised HTML. */
  @Property({ type: 'text', lazy: true })
  bodyHtml!: string;

  /** Plain text of the body, for search and snippets. */
  @Property({ type: 'text', lazy: true })
  bodyText!: string;

  @Property({ type: 'array', columnType: 'text[]', defaultRaw: "'{}'" })
  tags: string[] & Opt = [];

  @Enum({ items: () => ContentStatus })
  status!: ContentStatus;

  @Property({ type: 'string', length: 500, nullable: true })
  rejectionReason: string | null = null;

  @Enum({ items: () => Visibility })
  visibility!: Visibility;

  /** When it becomes (or became) visible; set on approval, possibly in the future (scheduled). */
  @Property({ type: 'datetime', nullable: true })
  publishedAt: Date | null = null;

  /** When the "published" event went out; null while a scheduled publication is still due. */
  @Property({ type: 'datetime', nullable: true })
  publishNotifiedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  pinnedAt: Date | null = null;

  @Property({ type: 'integer', default: 0 })
  viewCount: number & Opt = 0;

  /** Bumped on every edit; each edit also leaves a ContentRevision. */
  @Property({ type: 'integer', default: 1 })
  version: number & Opt = 1;

  /** Bigram tokens of title, summary and body (search-tokens.ts), as a 'simple' tsvector. */
  @Property({ type: 'tsvector', columnType: 'tsvector', lazy: true, hidden: true, nullable: true })
  searchVector!: string | null;

  /** Which tokeniser version wrote `searchVector` (older rows are indexed again at start). */
  @Property({ type: 'smallint', default: 1 })
  searchVersion: number & Opt = 1;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date & Opt = new Date();

  @OneToMany(() => Recommendation, (r) => r.content)
  recommendations = new Collection<Recommendation>(this);

  /** Files the body (or the cover) uses: whoever may read the item may fetch them. */
  @ManyToMany({ entity: () => MediaFile, pivotEntity: () => ContentMedia, owner: true })
  media = new Collection<MediaFile>(this);

  @ManyToOne(() => MediaFile, { ref: true, nullable: true, deleteRule: 'set null' })
  cover: Ref<MediaFile> | null = null;

  /** For TARGETED visibility: the organisations (with their subtrees) it is addressed to. */
  @OneToMany(() => ContentTarget, (t) => t.content)
  targets = new Collection<ContentTarget>(this);
}

/** One saved state of an item, so any edit can be inspected and restored. */
@Entity({ tableName: 'content_revision' })
@Index({ name: 'content_revision_content_idx', properties: ['content', 'version'] })
export class ContentRevision {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  /** The tenant (the distribution key): the enterprise of the content this row belongs to. */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'content_revision_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Content, { ref: true, deleteRule: 'cascade' })
  content!: Ref<Content>;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'string', length: 500 })
  summary!: string;

  @Property({ type: 'text' })
  bodyHtml!: string;

  @Property({ type: 'array', columnType: 'text[]' })
  tags!: string[];

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  editor!: Ref<User> | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

/** Which items use which files; "who uses this file?" is the access check for every download. */
@Entity({ tableName: 'content_media' })
export class ContentMedia {
  @ManyToOne(() => Content, { primary: true, deleteRule: 'cascade' })
  content!: Content;

  /** The tenant (the distribution key): the enterprise of the content this row belongs to. */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'content_media_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => MediaFile, { primary: true, deleteRule: 'cascade', index: 'content_media_media_file_idx' })
  mediaFile!: MediaFile;
}

/** Files attached to an item for download (a resource's courseware, a disclosure's PDF), in order. */
@Entity({ tableName: 'content_attachment' })
export class ContentAttachment {
  @ManyToOne(() => Content, { primary: true, deleteRule: 'cascade' })
  content!: Content;

  /** The tenant (the distribution key): the enterprise of the content this row belongs to. */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'content_attachment_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => MediaFile, { primary: true, deleteRule: 'cascade', index: 'content_attachment_media_file_idx' })
  mediaFile!: MediaFile;

  @Property({ type: 'smallint' })
  position!: number;
}

/** An organisation a TARGETED item is addressed to (its members and their subtrees read it). */
@Entity({ tableName: 'content_target' })
export class ContentTarget {
  @ManyToOne(() => Content, { primary: true, deleteRule: 'cascade' })
  content!: Content;

  /** The tenant (the distribution key): the enterprise of the content this row belongs to. */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'content_target_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Organization, { primary: true, deleteRule: 'cascade', index: 'content_target_organization_idx' })
  organization!: Organization;
}
