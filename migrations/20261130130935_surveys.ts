import { Migration } from '@mikro-orm/migrations';

export class Migration20261130130935_surveys extends Migration {

  override name = 'Migration20261130130935_surveys';

  override up(): void | Promise<void> {
    this.addSql(`create table "survey" ("id" serial primary key, "enterprise_id" int not null, "organization_id" int not null, "title" varchar(200) not null, "description" varchar(2000) not null default '', "audience" text not null, "anonymous" boolean not null, "opens_at" timestamptz not null, "closes_at" timestamptz not null, "results_to_respondents" boolean not null default false, "created_by_id" int null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "survey_enterprise_idx" on "survey" ("enterprise_id");`);
    this.addSql(`create index "survey_organization_idx" on "survey" ("organization_id", "id");`);

    this.addSql(`create table "survey_question" ("id" serial primary key, "enterprise_id" int not null, "survey_id" int not null, "position" smallint not null, "kind" text not null, "prompt" varchar(500) not null, "options" text[] not null default '{}', "required" boolean not null default true);`);
    this.addSql(`alter table "survey_question" add constraint "survey_question_position_unique" unique ("enterprise_id", "survey_id", "position");`);

    this.addSql(`create table "survey_response" ("id" uuid not null default gen_random_uuid(), "enterprise_id" int not null, "survey_id" int not null, "member_id" int null, "answers" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "survey_response_enterprise_idx" on "survey_response" ("enterprise_id");`);
    this.addSql(`create index "survey_response_member_idx" on "survey_response" ("member_id");`);
    this.addSql(`create index "survey_response_survey_idx" on "survey_response" ("survey_id");`);

    this.addSql(`create table "survey_receipt" ("enterprise_id" int not null, "survey_id" int not null, "member_id" int not null, primary key ("enterprise_id", "survey_id", "member_id"));`);
    this.addSql(`create index "survey_receipt_member_idx" on "survey_receipt" ("member_id");`);

    this.addSql(`alter table "survey" add constraint "survey_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "survey" add constraint "survey_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "survey" add constraint "survey_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "survey" add constraint "survey_audience_check" check ("audience" in ('MEMBERS', 'ENTERPRISE'));`);

    this.addSql(`alter table "survey_question" add constraint "survey_question_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "survey_question" add constraint "survey_question_survey_id_foreign" foreign key ("survey_id") references "survey" ("id") on delete cascade;`);
    this.addSql(`alter table "survey_question" add constraint "survey_question_kind_check" check ("kind" in ('SINGLE', 'MULTIPLE', 'RATING', 'TEXT'));`);

    this.addSql(`alter table "survey_response" add constraint "survey_response_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "survey_response" add constraint "survey_response_survey_id_foreign" foreign key ("survey_id") references "survey" ("id") on delete cascade;`);
    this.addSql(`alter table "survey_response" add constraint "survey_response_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete set null;`);

    this.addSql(`alter table "survey_receipt" add constraint "survey_receipt_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "survey_receipt" add constraint "survey_receipt_survey_id_foreign" foreign key ("survey_id") references "survey" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "survey_receipt" add constraint "survey_receipt_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "survey_question" drop constraint "survey_question_survey_id_foreign";`);
    this.addSql(`alter table "survey_response" drop constraint "survey_response_survey_id_foreign";`);
    this.addSql(`alter table "survey_receipt" drop constraint "survey_receipt_survey_id_foreign";`);

    this.addSql(`drop table if exists "survey" cascade;`);
    this.addSql(`drop table if exists "survey_question" cascade;`);
    this.addSql(`drop table if exists "survey_response" cascade;`);
    this.addSql(`drop table if exists "survey_receipt" cascade;`);
  }

}
