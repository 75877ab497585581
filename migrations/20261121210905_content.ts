import { Migration } from '@mikro-orm/migrations';

export class Migration20261121210905_content extends Migration {

  override name = 'Migration20261121210905_content';

  override up(): void | Promise<void> {
    this.addSql(`create table "content" ("id" bigserial primary key, "kind" text not null, "enterprise_id" int not null, "organization_id" int not null, "author_id" int null, "title" varchar(200) not null, "summary" varchar(500) not null default '', "body_html" text not null, "body_text" text not null, "tags" text[] not null default '{}', "status" text not null, "rejection_reason" varchar(500) null, "visibility" text not null, "published_at" timestamptz null, "pinned_at" timestamptz null, "view_count" int not null default 0, "version" int not null default 1, "search_vector" tsvector null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "content_enterprise_idx" on "content" ("enterprise_id");`);
    this.addSql(`create index "content_author_idx" on "content" ("author_id");`);
    this.addSql(`create index "content_search_idx" on "content" using gin ("search_vector");`);
    this.addSql(`create index "content_tags_idx" on "content" using gin ("tags");`);
    this.addSql(`create index "content_organization_idx" on "content" ("organization_id", "status");`);
    this.addSql(`create index "content_feed_idx" on "content" ("kind", "status", "published_at");`);

    this.addSql(`create table "content_revision" ("id" bigserial primary key, "content_id" bigint not null, "version" int not null, "title" varchar(200) not null, "summary" varchar(500) not null, "body_html" text not null, "tags" text[] not null, "editor_id" int null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "content_revision_content_idx" on "content_revision" ("content_id", "version");`);

    this.addSql(`alter table "content" add constraint "content_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "content" add constraint "content_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "content" add constraint "content_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "content" add constraint "content_kind_check" check ("kind" in ('NEWS'));`);
    this.addSql(`alter table "content" add constraint "content_status_check" check ("status" in ('DRAFT', 'IN_REVIEW', 'REJECTED', 'PUBLISHED', 'ARCHIVED'));`);
    this.addSql(`alter table "content" add constraint "content_visibility_check" check ("visibility" in ('PUBLIC', 'ENTERPRISE', 'ORGANIZATION', 'PARTNERS', 'PLATFORM'));`);

    this.addSql(`alter table "content_revision" add constraint "content_revision_content_id_foreign" foreign key ("content_id") references "content" ("id") on delete cascade;`);
    this.addSql(`alter table "content_revision" add constraint "content_revision_editor_id_foreign" foreign key ("editor_id") references "app_user" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "content_revision" drop constraint "content_revision_content_id_foreign";`);

    this.addSql(`drop table if exists "content" cascade;`);
    this.addSql(`drop table if exists "content_revision" cascade;`);
  }

}
