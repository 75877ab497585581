import { Migration } from '@mikro-orm/migrations';

export class Migration20261130122938_learning extends Migration {

  override name = 'Migration20261130122938_learning';

  override up(): void | Promise<void> {
    this.addSql(`create table "question" ("id" serial primary key, "enterprise_id" int not null, "organization_id" int not null, "type" text not null, "stem" varchar(1000) not null, "options" text[] not null default '{}', "answer" text[] not null, "dimension" text not null, "topic" varchar(50) not null, "difficulty" text not null, "explanation" varchar(1000) null, "source" varchar(200) null, "active" boolean not null default true, "created_by_id" int null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "question_organization_idx" on "question" ("organization_id", "id");`);
    this.addSql(`create index "question_draw_idx" on "question" ("enterprise_id", "type", "dimension", "active");`);

    this.addSql(`create table "exam" ("id" serial primary key, "enterprise_id" int not null, "organization_id" int not null, "title" varchar(200) not null, "rules" jsonb not null, "duration_minutes" smallint not null, "pass_mark" smallint not null, "max_attempts" smallint not null default 1, "opens_at" timestamptz not null, "closes_at" timestamptz not null, "eligible" int[] not null default '{}', "status" text not null, "created_by_id" int null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "exam_enterprise_idx" on "exam" ("enterprise_id");`);
    this.addSql(`create index "exam_organization_idx" on "exam" ("organization_id", "status");`);

    this.addSql(`create table "attempt" ("id" serial primary key, "enterprise_id" int not null, "exam_id" int null, "member_id" int not null, "kind" text not null, "status" text not null, "started_at" timestamptz not null default now(), "deadline" timestamptz not null, "submitted_at" timestamptz null, "score" numeric(4,1) null, "passed" boolean null);`);
    this.addSql(`create index "attempt_enterprise_idx" on "attempt" ("enterprise_id");`);
    this.addSql(`create unique index "attempt_one_open" on "attempt" ("enterprise_id", "exam_id", "member_id") where "status" = 'STARTED' and "exam_id" is not null;`);
    this.addSql(`create index "attempt_open_idx" on "attempt" ("deadline") where "status" = 'STARTED';`);
    this.addSql(`create index "attempt_member_idx" on "attempt" ("member_id", "id");`);
    this.addSql(`create index "attempt_exam_idx" on "attempt" ("exam_id", "status");`);

    this.addSql(`create table "attempt_item" ("id" bigserial primary key, "enterprise_id" int not null, "attempt_id" int not null, "position" smallint not null, "question_id" int not null, "points" smallint not null, "answer" text[] null, "correct" boolean null);`);
    this.addSql(`create index "attempt_item_question_idx" on "attempt_item" ("question_id");`);
    this.addSql(`alter table "attempt_item" add constraint "attempt_item_position_unique" unique ("enterprise_id", "attempt_id", "position");`);

    this.addSql(`alter table "question" add constraint "question_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "question" add constraint "question_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "question" add constraint "question_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "question" add constraint "question_type_check" check ("type" in ('SINGLE', 'MULTIPLE', 'TRUE_FALSE', 'FILL'));`);
    this.addSql(`alter table "question" add constraint "question_dimension_check" check ("dimension" in ('POLITICAL', 'PROFESSIONAL', 'ETHICS'));`);
    this.addSql(`alter table "question" add constraint "question_difficulty_check" check ("difficulty" in ('EASY', 'MEDIUM', 'HARD'));`);

    this.addSql(`alter table "exam" add constraint "exam_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "exam" add constraint "exam_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "exam" add constraint "exam_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "exam" add constraint "exam_status_check" check ("status" in ('DRAFT', 'PUBLISHED', 'WITHDRAWN'));`);

    this.addSql(`alter table "attempt" add constraint "attempt_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "attempt" add constraint "attempt_exam_id_foreign" foreign key ("exam_id") references "exam" ("id") on delete cascade;`);
    this.addSql(`alter table "attempt" add constraint "attempt_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete cascade;`);
    this.addSql(`alter table "attempt" add constraint "attempt_kind_check" check ("kind" in ('EXAM', 'PRACTICE'));`);
    this.addSql(`alter table "attempt" add constraint "attempt_status_check" check ("status" in ('STARTED', 'SUBMITTED', 'EXPIRED'));`);

    this.addSql(`alter table "attempt_item" add constraint "attempt_item_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "attempt_item" add constraint "attempt_item_attempt_id_foreign" foreign key ("attempt_id") references "attempt" ("id") on delete cascade;`);
    this.addSql(`alter table "attempt_item" add constraint "attempt_item_question_id_foreign" foreign key ("question_id") references "question" ("id") on delete restrict;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "attempt_item" drop constraint "attempt_item_question_id_foreign";`);
    this.addSql(`alter table "attempt" drop constraint "attempt_exam_id_foreign";`);
    this.addSql(`alter table "attempt_item" drop constraint "attempt_item_attempt_id_foreign";`);

    this.addSql(`drop table if exists "question" cascade;`);
    this.addSql(`drop table if exists "exam" cascade;`);
    this.addSql(`drop table if exists "attempt" cascade;`);
    this.addSql(`drop table if exists "attempt_item" cascade;`);
  }

}
