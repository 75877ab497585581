import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';

/**
 * An uploaded file. Who may fetch it follows the content that uses it (see media.access.ts); until
 * some content uses it, only the editors, reviewers and admins of its organisation can.
 */
@Entity({ tableName: 'media_file' })
@Index({ name: 'media_file_organization_idx', properties: ['organization'] })
export class MediaFile {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'media_file_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict' })
  organization!: Ref<Organization>;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  uploader!: Ref<User> | null;

  /** Where the bytes are, in the storage backend; chosen by the platform. */
  @Property({ type: 'string', length: 200, unique: 'media_file_storage_key_unique' })
  storageKey!: string;

  /** The name the uploader gave it (shown in downloads), not used for anything else. */
  @Property({ type: 'string', length: 255 })
  fileName!: string;

  /** Sniffed from the content, never taken from the name or the request. */
  @Property({ type: 'string', length: 100 })
  mimeType!: string;

  @Property({ type: 'integer' })
  size!: number;

  @Property({ type: 'integer', nullable: true })
  width!: number | null;

  @Property({ type: 'integer', nullable: true })
  height!: number | null;

  @Property({ type: 'string', length: 64 })
  sha256!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
