import { Migration } from '@mikro-orm/migrations';

export class Migration20261121213310_media extends Migration {

  override name = 'Migration20261121213310_media';

  override up(): void | Promise<void> {
    this.addSql(`create table "media_file" ("id" bigserial primary key, "enterprise_id" int not null, "organization_id" int not null, "uploader_id" int null, "storage_key" varchar(200) not null, "file_name" varchar(255) not null, "mime_type" varchar(100) not null, "size" int not null, "width" int null, "height" int null, "sha256" varchar(64) not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "media_file_enterprise_idx" on "media_file" ("enterprise_id");`);
    this.addSql(`alter table "media_file" add constraint "media_file_storage_key_unique" unique ("storage_key");`);
    this.addSql(`create index "media_file_organization_idx" on "media_file" ("organization_id");`);

    this.addSql(`create table "content_media" ("content_id" bigint not null, "media_file_id" bigint not null, primary key ("content_id", "media_file_id"));`);
    this.addSql(`create index "content_media_media_file_idx" on "content_media" ("media_file_id");`);

    this.addSql(`alter table "content" add "cover_id" bigint null;`);
    this.addSql(`alter table "content" add constraint "content_cover_id_foreign" foreign key ("cover_id") references "media_file" ("id") on delete set null;`);

    this.addSql(`alter table "media_file" add constraint "media_file_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "media_file" add constraint "media_file_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "media_file" add constraint "media_file_uploader_id_foreign" foreign key ("uploader_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "content_media" add constraint "content_media_content_id_foreign" foreign key ("content_id") references "content" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "content_media" add constraint "content_media_media_file_id_foreign" foreign key ("media_file_id") references "media_file" ("id") on update cascade on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "content" drop constraint "content_cover_id_foreign";`);
    this.addSql(`alter table "content_media" drop constraint "content_media_media_file_id_foreign";`);

    this.addSql(`drop table if exists "media_file" cascade;`);
    this.addSql(`drop table if exists "content_media" cascade;`);

    this.addSql(`alter table "content" drop column "cover_id";`);
  }

}
