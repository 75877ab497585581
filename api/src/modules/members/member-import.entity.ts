import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';

/** A row of the import report: what happens to one spreadsheet row, and why not when rejected. */
export interface ImportRowReport {
  /** The spreadsheet's own row number. */
  row: number;
  action: 'ADD' | 'UPDATE' | 'REJECT';
  name: string;
  branch: string | null;
  errors: { column: string; message: string }[];
}

export interface ImportReport {
  add: number;
  update: number;
  reject: number;
  rows: ImportRowReport[];
}

/**
 * An uploaded member spreadsheet: staged with its dry run, committed once (a retried commit
 * answers the stored report). The file is kept, sealed, until the commit, which reads exactly what
 * was checked; then only the report remains.
 */
@Entity({ tableName: 'member_import' })
@Index({ name: 'member_import_organization_idx', properties: ['organization', 'createdAt'] })
export class MemberImport {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'member_import_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  /** Where the rows go: a branch, or an organisation above whose branches the rows name. */
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict' })
  organization!: Ref<Organization>;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy: Ref<User> | null = null;

  @Property({ type: 'string', length: 200 })
  fileName!: string;

  /** The workbook, sealed like personal data (it holds ID numbers); cleared once committed. */
  @Property({ type: 'text', lazy: true, hidden: true, nullable: true })
  fileSealed: string | null = null;

  @Property({ type: 'json' })
  report!: ImportReport;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', nullable: true })
  committedAt: Date | null = null;
}
