import { Migration } from '@mikro-orm/migrations';

export class Migration20261130124408_learning_map extends Migration {

  override name = 'Migration20261130124408_learning_map';

  override up(): void | Promise<void> {
    this.addSql(`create table "learning_map" ("id" serial primary key, "enterprise_id" int not null, "organization_id" int not null, "year" smallint not null, "role" text not null, "target_hours" smallint not null, "published_by_id" int null, "published_at" timestamptz not null default now());`);
    this.addSql(`create index "learning_map_organization_idx" on "learning_map" ("organization_id");`);
    this.addSql(`alter table "learning_map" add constraint "learning_map_unique" unique ("enterprise_id", "organization_id", "year", "role");`);

    this.addSql(`create table "learning_map_item" ("id" serial primary key, "enterprise_id" int not null, "map_id" int not null, "course_id" int not null, "organization_id" int not null, "required" boolean not null);`);
    this.addSql(`create index "learning_map_item_map_idx" on "learning_map_item" ("map_id");`);
    this.addSql(`create index "learning_map_item_course_idx" on "learning_map_item" ("course_id");`);
    this.addSql(`alter table "learning_map_item" add constraint "learning_map_item_unique" unique ("enterprise_id", "map_id", "course_id", "organization_id");`);

    this.addSql(`alter table "learning_map" add constraint "learning_map_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "learning_map" add constraint "learning_map_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "learning_map" add constraint "learning_map_published_by_id_foreign" foreign key ("published_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "learning_map" add constraint "learning_map_role_check" check ("role" in ('LEADER', 'WORKER', 'SECRETARY', 'MEMBER'));`);

    this.addSql(`alter table "learning_map_item" add constraint "learning_map_item_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "learning_map_item" add constraint "learning_map_item_map_id_foreign" foreign key ("map_id") references "learning_map" ("id") on delete cascade;`);
    this.addSql(`alter table "learning_map_item" add constraint "learning_map_item_course_id_foreign" foreign key ("course_id") references "course" ("id") on delete cascade;`);
    this.addSql(`alter table "learning_map_item" add constraint "learning_map_item_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "learning_map_item" drop constraint "learning_map_item_map_id_foreign";`);

    this.addSql(`drop table if exists "learning_map" cascade;`);
    this.addSql(`drop table if exists "learning_map_item" cascade;`);
  }

}
