import { Migration } from '@mikro-orm/migrations';

export class Migration20261130124943_question_import extends Migration {

  override name = 'Migration20261130124943_question_import';

  override up(): void | Promise<void> {
    this.addSql(`create table "question_import" ("id" serial primary key, "enterprise_id" int not null, "organization_id" int not null, "file_name" varchar(255) not null, "questions" jsonb not null, "rows" jsonb not null, "created_by_id" int null, "created_at" timestamptz not null default now(), "committed_at" timestamptz null, "created" int null);`);
    this.addSql(`create index "question_import_enterprise_idx" on "question_import" ("enterprise_id");`);
    this.addSql(`create index "question_import_organization_idx" on "question_import" ("organization_id");`);

    this.addSql(`alter table "question_import" add constraint "question_import_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "question_import" add constraint "question_import_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "question_import" add constraint "question_import_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "question_import" cascade;`);
  }

}
