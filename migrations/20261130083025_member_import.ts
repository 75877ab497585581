import { Migration } from '@mikro-orm/migrations';

export class Migration20261130083025_member_import extends Migration {

  override name = 'Migration20261130083025_member_import';

  override up(): void | Promise<void> {
    this.addSql(`create table "member_import" ("id" serial primary key, "enterprise_id" int not null, "organization_id" int not null, "created_by_id" int null, "file_name" varchar(200) not null, "file_sealed" text null, "report" jsonb not null, "created_at" timestamptz not null default now(), "committed_at" timestamptz null);`);
    this.addSql(`create index "member_import_enterprise_idx" on "member_import" ("enterprise_id");`);
    this.addSql(`create index "member_import_organization_idx" on "member_import" ("organization_id", "created_at");`);

    this.addSql(`alter table "member_import" add constraint "member_import_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "member_import" add constraint "member_import_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "member_import" add constraint "member_import_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "member_import" cascade;`);
  }

}
