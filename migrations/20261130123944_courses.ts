import { Migration } from '@mikro-orm/migrations';

export class Migration20261130123944_courses extends Migration {

  override name = 'Migration20261130123944_courses';

  override up(): void | Promise<void> {
    this.addSql(`create table "course" ("id" serial primary key, "enterprise_id" int not null, "organization_id" int not null, "title" varchar(200) not null, "description" varchar(1000) not null default '', "dimension" text not null, "status" text not null, "created_by_id" int null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "course_enterprise_idx" on "course" ("enterprise_id");`);
    this.addSql(`create index "course_organization_idx" on "course" ("organization_id", "status");`);

    this.addSql(`create table "course_item" ("id" serial primary key, "enterprise_id" int not null, "course_id" int not null, "position" smallint not null, "title" varchar(200) not null, "resource_id" bigint null, "body" text null, "mode" text not null, "required_seconds" int not null, "hours" numeric(4,1) not null);`);
    this.addSql(`create index "course_item_content_idx" on "course_item" ("resource_id");`);
    this.addSql(`alter table "course_item" add constraint "course_item_position_unique" unique ("enterprise_id", "course_id", "position");`);

    this.addSql(`create table "study_progress" ("id" bigserial primary key, "enterprise_id" int not null, "member_id" int not null, "item_id" int not null, "credited_seconds" int not null default 0, "position" int not null default 0, "last_beat_at" timestamptz null, "completed_at" timestamptz null);`);
    this.addSql(`create index "study_progress_item_idx" on "study_progress" ("item_id");`);
    this.addSql(`create index "study_progress_completed_idx" on "study_progress" ("member_id", "completed_at");`);
    this.addSql(`alter table "study_progress" add constraint "study_progress_unique" unique ("enterprise_id", "member_id", "item_id");`);

    this.addSql(`alter table "course" add constraint "course_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "course" add constraint "course_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "course" add constraint "course_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "course" add constraint "course_dimension_check" check ("dimension" in ('POLITICAL', 'PROFESSIONAL', 'ETHICS'));`);
    this.addSql(`alter table "course" add constraint "course_status_check" check ("status" in ('DRAFT', 'PUBLISHED'));`);

    this.addSql(`alter table "course_item" add constraint "course_item_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "course_item" add constraint "course_item_course_id_foreign" foreign key ("course_id") references "course" ("id") on delete cascade;`);
    this.addSql(`alter table "course_item" add constraint "course_item_resource_id_foreign" foreign key ("resource_id") references "content" ("id") on delete restrict;`);
    this.addSql(`alter table "course_item" add constraint "course_item_mode_check" check ("mode" in ('VIDEO', 'READ'));`);

    this.addSql(`alter table "study_progress" add constraint "study_progress_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "study_progress" add constraint "study_progress_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete cascade;`);
    this.addSql(`alter table "study_progress" add constraint "study_progress_item_id_foreign" foreign key ("item_id") references "course_item" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "course_item" drop constraint "course_item_course_id_foreign";`);
    this.addSql(`alter table "study_progress" drop constraint "study_progress_item_id_foreign";`);

    this.addSql(`drop table if exists "course" cascade;`);
    this.addSql(`drop table if exists "course_item" cascade;`);
    this.addSql(`drop table if exists "study_progress" cascade;`);
  }

}
