import { Migration } from '@mikro-orm/migrations';

export class Migration20261130132432_assessments extends Migration {

  override name = 'Migration20261130132432_assessments';

  override up(): void | Promise<void> {
    this.addSql(`create table "assessment_scheme" ("id" serial primary key, "enterprise_id" int not null, "organization_id" int not null, "name" varchar(200) not null, "period" varchar(7) not null, "period_kind" text not null, "starts_on" date not null, "ends_on" date not null, "diagnosis_dates" text[] not null default '{}', "status" text not null default 'ACTIVE', "created_by_id" int null, "created_at" timestamptz not null default now(), "closed_at" timestamptz null);`);
    this.addSql(`create index "assessment_scheme_enterprise_idx" on "assessment_scheme" ("enterprise_id");`);
    this.addSql(`create index "assessment_scheme_organization_idx" on "assessment_scheme" ("organization_id", "id");`);

    this.addSql(`create table "assessment_indicator" ("id" serial primary key, "enterprise_id" int not null, "scheme_id" int not null, "position" int not null, "name" varchar(200) not null, "description" varchar(1000) not null default '', "weight" int not null, "measure" text not null, "metric_key" varchar(80) null, "must_reach" double precision not null, "stretch" double precision not null);`);
    this.addSql(`create index "assessment_indicator_enterprise_idx" on "assessment_indicator" ("enterprise_id");`);
    this.addSql(`alter table "assessment_indicator" add constraint "assessment_indicator_position_unique" unique ("enterprise_id", "scheme_id", "position");`);

    this.addSql(`create table "assessment_diagnosis" ("id" serial primary key, "enterprise_id" int not null, "scheme_id" int not null, "kind" text not null, "as_of" date not null, "taken_at" timestamptz not null default now());`);
    this.addSql(`create index "assessment_diagnosis_enterprise_idx" on "assessment_diagnosis" ("enterprise_id");`);
    this.addSql(`create unique index "assessment_diagnosis_once" on "assessment_diagnosis" ("enterprise_id", "scheme_id", "kind", "as_of") where kind <> 'MANUAL';`);
    this.addSql(`create index "assessment_diagnosis_scheme_idx" on "assessment_diagnosis" ("scheme_id", "taken_at");`);

    this.addSql(`create table "assessment_assignee" ("id" serial primary key, "enterprise_id" int not null, "scheme_id" int not null, "organization_id" int not null);`);
    this.addSql(`create index "assessment_assignee_enterprise_idx" on "assessment_assignee" ("enterprise_id");`);
    this.addSql(`create index "assessment_assignee_organization_idx" on "assessment_assignee" ("organization_id", "scheme_id");`);
    this.addSql(`alter table "assessment_assignee" add constraint "assessment_assignee_unique" unique ("enterprise_id", "scheme_id", "organization_id");`);

    this.addSql(`create table "improvement_action" ("id" serial primary key, "enterprise_id" int not null, "assignee_id" int not null, "indicator_id" int not null, "organization_id" int not null, "problem" varchar(500) not null, "opened_by_id" int not null, "stage" text not null default 'PLAN', "plan" varchar(2000) null, "owner" varchar(80) null, "due_on" date null, "done" varchar(2000) null, "check_value" double precision null, "check_met" boolean null, "checked_in_id" int null, "result" varchar(2000) null, "opened_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "closed_at" timestamptz null);`);
    this.addSql(`create index "improvement_action_enterprise_idx" on "improvement_action" ("enterprise_id");`);
    this.addSql(`create index "improvement_action_indicator_idx" on "improvement_action" ("indicator_id");`);
    this.addSql(`create index "improvement_action_diagnosis_idx" on "improvement_action" ("opened_by_id");`);
    this.addSql(`create index "improvement_action_organization_idx" on "improvement_action" ("organization_id", "stage");`);
    this.addSql(`alter table "improvement_action" add constraint "improvement_action_once" unique ("enterprise_id", "assignee_id", "indicator_id");`);

    this.addSql(`create table "assessment_standing" ("id" bigserial primary key, "enterprise_id" int not null, "diagnosis_id" int not null, "assignee_id" int not null, "total" double precision null, "rank" int null);`);
    this.addSql(`create index "assessment_standing_enterprise_idx" on "assessment_standing" ("enterprise_id");`);
    this.addSql(`create index "assessment_standing_assignee_idx" on "assessment_standing" ("assignee_id");`);
    this.addSql(`alter table "assessment_standing" add constraint "assessment_standing_unique" unique ("enterprise_id", "diagnosis_id", "assignee_id");`);

    this.addSql(`create table "assessment_score" ("id" bigserial primary key, "enterprise_id" int not null, "diagnosis_id" int not null, "assignee_id" int not null, "indicator_id" int not null, "value" double precision null, "score" double precision null, "level" text not null);`);
    this.addSql(`create index "assessment_score_enterprise_idx" on "assessment_score" ("enterprise_id");`);
    this.addSql(`create index "assessment_score_assignee_idx" on "assessment_score" ("assignee_id");`);
    this.addSql(`create index "assessment_score_indicator_idx" on "assessment_score" ("indicator_id");`);
    this.addSql(`alter table "assessment_score" add constraint "assessment_score_unique" unique ("enterprise_id", "diagnosis_id", "assignee_id", "indicator_id");`);

    this.addSql(`create table "assessment_evidence" ("id" serial primary key, "enterprise_id" int not null, "assignee_id" int not null, "indicator_id" int not null, "body" text not null, "files" text[] not null default '{}', "submitted_by_id" int null, "submitted_at" timestamptz not null default now(), "score" double precision null, "score_note" varchar(1000) null, "scored_by_id" int null, "scored_at" timestamptz null);`);
    this.addSql(`create index "assessment_evidence_enterprise_idx" on "assessment_evidence" ("enterprise_id");`);
    this.addSql(`create index "assessment_evidence_indicator_idx" on "assessment_evidence" ("indicator_id");`);
    this.addSql(`alter table "assessment_evidence" add constraint "assessment_evidence_unique" unique ("enterprise_id", "assignee_id", "indicator_id");`);

    this.addSql(`alter table "assessment_scheme" add constraint "assessment_scheme_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "assessment_scheme" add constraint "assessment_scheme_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "assessment_scheme" add constraint "assessment_scheme_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "assessment_scheme" add constraint "assessment_scheme_period_kind_check" check ("period_kind" in ('YEAR', 'HALF', 'QUARTER'));`);
    this.addSql(`alter table "assessment_scheme" add constraint "assessment_scheme_status_check" check ("status" in ('ACTIVE', 'CLOSED'));`);

    this.addSql(`alter table "assessment_indicator" add constraint "assessment_indicator_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "assessment_indicator" add constraint "assessment_indicator_scheme_id_foreign" foreign key ("scheme_id") references "assessment_scheme" ("id") on delete cascade;`);
    this.addSql(`alter table "assessment_indicator" add constraint "assessment_indicator_measure" check ((measure = 'METRIC') = (metric_key is not null));`);
    this.addSql(`alter table "assessment_indicator" add constraint "assessment_indicator_measure_check" check ("measure" in ('METRIC', 'EVIDENCE'));`);

    this.addSql(`alter table "assessment_diagnosis" add constraint "assessment_diagnosis_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "assessment_diagnosis" add constraint "assessment_diagnosis_scheme_id_foreign" foreign key ("scheme_id") references "assessment_scheme" ("id") on delete cascade;`);
    this.addSql(`alter table "assessment_diagnosis" add constraint "assessment_diagnosis_kind_check" check ("kind" in ('SCHEDULED', 'MANUAL', 'FINAL'));`);

    this.addSql(`alter table "assessment_assignee" add constraint "assessment_assignee_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "assessment_assignee" add constraint "assessment_assignee_scheme_id_foreign" foreign key ("scheme_id") references "assessment_scheme" ("id") on delete cascade;`);
    this.addSql(`alter table "assessment_assignee" add constraint "assessment_assignee_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);

    this.addSql(`alter table "improvement_action" add constraint "improvement_action_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "improvement_action" add constraint "improvement_action_assignee_id_foreign" foreign key ("assignee_id") references "assessment_assignee" ("id") on delete cascade;`);
    this.addSql(`alter table "improvement_action" add constraint "improvement_action_indicator_id_foreign" foreign key ("indicator_id") references "assessment_indicator" ("id") on delete cascade;`);
    this.addSql(`alter table "improvement_action" add constraint "improvement_action_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "improvement_action" add constraint "improvement_action_opened_by_id_foreign" foreign key ("opened_by_id") references "assessment_diagnosis" ("id") on delete cascade;`);
    this.addSql(`alter table "improvement_action" add constraint "improvement_action_checked_in_id_foreign" foreign key ("checked_in_id") references "assessment_scheme" ("id") on delete set null;`);
    this.addSql(`alter table "improvement_action" add constraint "improvement_action_stage_check" check ("stage" in ('PLAN', 'DO', 'CHECK', 'ACT', 'CLOSED'));`);

    this.addSql(`alter table "assessment_standing" add constraint "assessment_standing_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "assessment_standing" add constraint "assessment_standing_diagnosis_id_foreign" foreign key ("diagnosis_id") references "assessment_diagnosis" ("id") on delete cascade;`);
    this.addSql(`alter table "assessment_standing" add constraint "assessment_standing_assignee_id_foreign" foreign key ("assignee_id") references "assessment_assignee" ("id") on delete cascade;`);

    this.addSql(`alter table "assessment_score" add constraint "assessment_score_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "assessment_score" add constraint "assessment_score_diagnosis_id_foreign" foreign key ("diagnosis_id") references "assessment_diagnosis" ("id") on delete cascade;`);
    this.addSql(`alter table "assessment_score" add constraint "assessment_score_assignee_id_foreign" foreign key ("assignee_id") references "assessment_assignee" ("id") on delete cascade;`);
    this.addSql(`alter table "assessment_score" add constraint "assessment_score_indicator_id_foreign" foreign key ("indicator_id") references "assessment_indicator" ("id") on delete cascade;`);
    this.addSql(`alter table "assessment_score" add constraint "assessment_score_level_check" check ("level" in ('STRETCH', 'MUST', 'MISSED', 'NO_DATA', 'NO_SOURCE', 'NOT_SCORED'));`);

    this.addSql(`alter table "assessment_evidence" add constraint "assessment_evidence_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "assessment_evidence" add constraint "assessment_evidence_assignee_id_foreign" foreign key ("assignee_id") references "assessment_assignee" ("id") on delete cascade;`);
    this.addSql(`alter table "assessment_evidence" add constraint "assessment_evidence_indicator_id_foreign" foreign key ("indicator_id") references "assessment_indicator" ("id") on delete cascade;`);
    this.addSql(`alter table "assessment_evidence" add constraint "assessment_evidence_submitted_by_id_foreign" foreign key ("submitted_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "assessment_evidence" add constraint "assessment_evidence_scored_by_id_foreign" foreign key ("scored_by_id") references "app_user" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "assessment_indicator" drop constraint "assessment_indicator_scheme_id_foreign";`);
    this.addSql(`alter table "assessment_diagnosis" drop constraint "assessment_diagnosis_scheme_id_foreign";`);
    this.addSql(`alter table "assessment_assignee" drop constraint "assessment_assignee_scheme_id_foreign";`);
    this.addSql(`alter table "improvement_action" drop constraint "improvement_action_checked_in_id_foreign";`);
    this.addSql(`alter table "improvement_action" drop constraint "improvement_action_indicator_id_foreign";`);
    this.addSql(`alter table "assessment_score" drop constraint "assessment_score_indicator_id_foreign";`);
    this.addSql(`alter table "assessment_evidence" drop constraint "assessment_evidence_indicator_id_foreign";`);
    this.addSql(`alter table "improvement_action" drop constraint "improvement_action_opened_by_id_foreign";`);
    this.addSql(`alter table "assessment_standing" drop constraint "assessment_standing_diagnosis_id_foreign";`);
    this.addSql(`alter table "assessment_score" drop constraint "assessment_score_diagnosis_id_foreign";`);
    this.addSql(`alter table "improvement_action" drop constraint "improvement_action_assignee_id_foreign";`);
    this.addSql(`alter table "assessment_standing" drop constraint "assessment_standing_assignee_id_foreign";`);
    this.addSql(`alter table "assessment_score" drop constraint "assessment_score_assignee_id_foreign";`);
    this.addSql(`alter table "assessment_evidence" drop constraint "assessment_evidence_assignee_id_foreign";`);

    this.addSql(`drop table if exists "assessment_scheme" cascade;`);
    this.addSql(`drop table if exists "assessment_indicator" cascade;`);
    this.addSql(`drop table if exists "assessment_diagnosis" cascade;`);
    this.addSql(`drop table if exists "assessment_assignee" cascade;`);
    this.addSql(`drop table if exists "improvement_action" cascade;`);
    this.addSql(`drop table if exists "assessment_standing" cascade;`);
    this.addSql(`drop table if exists "assessment_score" cascade;`);
    this.addSql(`drop table if exists "assessment_evidence" cascade;`);
  }

}
