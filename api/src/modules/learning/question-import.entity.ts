import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import type { QuestionInput } from './question.service.js';

export interface QuestionImportRow {
  row: number;
  stem: string;
  ok: boolean;
  reason: string | null;
}

/** A question spreadsheet read and checked (the dry run), waiting to be committed. */
@Entity({ tableName: 'question_import' })
export class QuestionImport {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: 'question_import_enterprise_idx' })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: 'question_import_organization_idx' })
  organization!: Ref<Organization>;

  @Property({ type: 'string', length: 255 })
  fileName!: string;

  /** The rows that passed, ready to write. */
  @Property({ type: 'jsonb' })
  questions!: Omit<QuestionInput, 'organizationId'>[];

  @Property({ type: 'jsonb' })
  rows!: QuestionImportRow[];

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', nullable: true })
  committedAt: Date | null = null;

  @Property({ type: 'integer', nullable: true })
  created: number | null = null;
}
