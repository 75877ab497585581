import { Migration } from '@mikro-orm/migrations';

export class Migration20261121202834_init extends Migration {

  override name = 'Migration20261121202834_init';

  override up(): void | Promise<void> {
    this.addSql(`create table "enterprise" ("id" serial primary key, "slug" varchar(64) not null, "name" varchar(200) not null, "short_name" varchar(50) not null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "enterprise" add constraint "enterprise_slug_unique" unique ("slug");`);

    this.addSql(`create table "organization" ("id" serial primary key, "enterprise_id" int not null, "parent_id" int null, "level" text not null, "name" varchar(200) not null, "sort_order" int not null default 0, "path" text collate "C" not null, "depth" smallint not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "organization_enterprise_idx" on "organization" ("enterprise_id");`);
    this.addSql(`create index "organization_parent_idx" on "organization" ("parent_id", "sort_order");`);
    this.addSql(`alter table "organization" add constraint "organization_path_unique" unique ("path");`);

    this.addSql(`create table "portal" ("id" serial primary key, "enterprise_id" int not null, "organization_id" int not null, "slug" varchar(64) not null, "title" varchar(200) not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "portal_enterprise_idx" on "portal" ("enterprise_id");`);
    this.addSql(`alter table "portal" add constraint "portal_organization_unique" unique ("organization_id");`);
    this.addSql(`alter table "portal" add constraint "portal_slug_unique" unique ("slug");`);

    this.addSql(`create table "portal_host" ("host" varchar(253) not null, "portal_id" int not null, primary key ("host"));`);
    this.addSql(`create index "portal_host_portal_idx" on "portal_host" ("portal_id");`);

    this.addSql(`alter table "enterprise" add constraint "enterprise_slug_format" check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}\$');`);

    this.addSql(`alter table "organization" add constraint "organization_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "organization" add constraint "organization_parent_id_foreign" foreign key ("parent_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "organization" add constraint "organization_path_format" check (path ~ '^(/[0-9]+)+/\$');`);
    this.addSql(`alter table "organization" add constraint "organization_level_check" check ("level" in ('COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'GROUP'));`);

    this.addSql(`alter table "portal" add constraint "portal_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "portal" add constraint "portal_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "portal" add constraint "portal_slug_format" check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}\$');`);

    this.addSql(`alter table "portal_host" add constraint "portal_host_portal_id_foreign" foreign key ("portal_id") references "portal" ("id") on delete cascade;`);
    this.addSql(`alter table "portal_host" add constraint "portal_host_lowercase" check (host = lower(host));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "organization" drop constraint "organization_enterprise_id_foreign";`);
    this.addSql(`alter table "portal" drop constraint "portal_enterprise_id_foreign";`);
    this.addSql(`alter table "organization" drop constraint "organization_parent_id_foreign";`);
    this.addSql(`alter table "portal" drop constraint "portal_organization_id_foreign";`);
    this.addSql(`alter table "portal_host" drop constraint "portal_host_portal_id_foreign";`);

    this.addSql(`drop table if exists "enterprise" cascade;`);
    this.addSql(`drop table if exists "organization" cascade;`);
    this.addSql(`drop table if exists "portal" cascade;`);
    this.addSql(`drop table if exists "portal_host" cascade;`);
  }

}
