import { Migration } from '@mikro-orm/migrations';

export class Migration20261130100231_development_calendar extends Migration {

  override name = 'Migration20261130100231_development_calendar';

  override up(): void | Promise<void> {
    this.addSql(`create table "applicant" ("id" serial primary key, "enterprise_id" int not null, "organization_id" int not null, "name" varchar(50) not null, "sex" text not null, "birth_date" date not null, "ethnicity" varchar(20) null, "education" varchar(20) null, "employer" varchar(100) null, "position" varchar(50) null, "id_number_sealed" text not null, "id_number_hash" varchar(64) not null, "phone_sealed" text null, "stage" text not null, "stage_since" date not null, "applied_on" date not null, "talked_on" date null, "activist_on" date null, "candidate_on" date null, "political_review_on" date null, "training_hours" int not null default 0, "training_days" int not null default 0, "contact1_id" int null, "contact2_id" int null, "introducer1_id" int null, "introducer2_id" int null, "pre_reviewed_on" date null, "admitted_on" date null, "approved_on" date null, "probation_ends_on" date null, "probation_extended" boolean not null default false, "pending_outcome" text null, "pending_extension_months" int null, "voted_on" date null, "confirmed_on" date null, "archived_on" date null, "notice_id" bigint null, "notice_ends_on" date null, "notice_for" text null, "last_assessed_on" date null, "member_id" int null, "end_reason" varchar(500) null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "applicant_enterprise_idx" on "applicant" ("enterprise_id");`);
    this.addSql(`alter table "applicant" add constraint "applicant_member_unique" unique ("member_id");`);
    this.addSql(`create index "applicant_name_idx" on "applicant" ("enterprise_id", "name" varchar_pattern_ops);`);
    this.addSql(`create index "applicant_organization_stage_idx" on "applicant" ("organization_id", "stage");`);
    this.addSql(`create unique index "applicant_id_number_unique" on "applicant" ("enterprise_id", "id_number_hash") where "stage" not in ('REJECTED', 'WITHDRAWN', 'MOVED', 'DISQUALIFIED');`);

    this.addSql(`create table "development_record" ("id" bigserial primary key, "enterprise_id" int not null, "applicant_id" int not null, "step" text not null, "happened_on" date not null, "decided_by" varchar(100) null, "people" varchar(200) null, "passed" boolean not null default true, "vote" jsonb null, "written_opinions" text null, "outcome" text null, "hours" int null, "note" varchar(1000) null, "warnings" text[] not null default '{}', "attachment_ids" text[] not null default '{}', "notice_id" bigint null, "recorded_by_id" int null, "recorded_at" timestamptz not null default now());`);
    this.addSql(`create index "development_record_enterprise_idx" on "development_record" ("enterprise_id");`);
    this.addSql(`create index "development_record_applicant_idx" on "development_record" ("applicant_id", "id");`);

    this.addSql(`create table "calendar_year" ("year" int not null, "source" varchar(200) not null, "updated_by_id" int null, "updated_at" timestamptz not null default now(), primary key ("year"));`);

    this.addSql(`create table "calendar_day" ("day" date not null, "year" int not null, "kind" text not null, "name" varchar(20) not null, primary key ("day"));`);

    this.addSql(`alter table "member" drop constraint "member_status_check";`);
    this.addSql(`create index "member_name_idx" on "member" ("enterprise_id", "name" varchar_pattern_ops);`);
    this.addSql(`alter table "member" add constraint "member_status_check" check ("status" in ('NORMAL', 'SUSPENDED', 'REMOVED', 'EXPELLED', 'TRANSFERRED_OUT', 'DECEASED', 'DISQUALIFIED'));`);

    this.addSql(`alter table "member_status_change" drop constraint "member_status_change_status_check";`);
    this.addSql(`alter table "member_status_change" add constraint "member_status_change_status_check" check ("status" in ('NORMAL', 'SUSPENDED', 'REMOVED', 'EXPELLED', 'TRANSFERRED_OUT', 'DECEASED', 'DISQUALIFIED'));`);

    this.addSql(`alter table "applicant" add constraint "applicant_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "applicant" add constraint "applicant_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "applicant" add constraint "applicant_contact1_id_foreign" foreign key ("contact1_id") references "member" ("id") on delete set null;`);
    this.addSql(`alter table "applicant" add constraint "applicant_contact2_id_foreign" foreign key ("contact2_id") references "member" ("id") on delete set null;`);
    this.addSql(`alter table "applicant" add constraint "applicant_introducer1_id_foreign" foreign key ("introducer1_id") references "member" ("id") on delete set null;`);
    this.addSql(`alter table "applicant" add constraint "applicant_introducer2_id_foreign" foreign key ("introducer2_id") references "member" ("id") on delete set null;`);
    this.addSql(`alter table "applicant" add constraint "applicant_notice_id_foreign" foreign key ("notice_id") references "content" ("id") on delete set null;`);
    this.addSql(`alter table "applicant" add constraint "applicant_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete set null;`);
    this.addSql(`alter table "applicant" add constraint "applicant_sex_check" check ("sex" in ('MALE', 'FEMALE'));`);
    this.addSql(`alter table "applicant" add constraint "applicant_stage_check" check ("stage" in ('APPLICANT', 'TALKED', 'ACTIVIST', 'CANDIDATE', 'PRE_REVIEW', 'FORM_ISSUED', 'PENDING_APPROVAL', 'PROBATIONARY', 'CONFIRMATION_PENDING', 'FULL', 'DISQUALIFIED', 'REJECTED', 'WITHDRAWN', 'MOVED'));`);
    this.addSql(`alter table "applicant" add constraint "applicant_pending_outcome_check" check ("pending_outcome" in ('CONFIRM', 'EXTEND', 'DISQUALIFY'));`);
    this.addSql(`alter table "applicant" add constraint "applicant_notice_for_check" check ("notice_for" in ('APPLICANT', 'TALKED', 'ACTIVIST', 'CANDIDATE', 'PRE_REVIEW', 'FORM_ISSUED', 'PENDING_APPROVAL', 'PROBATIONARY', 'CONFIRMATION_PENDING', 'FULL', 'DISQUALIFIED', 'REJECTED', 'WITHDRAWN', 'MOVED'));`);

    this.addSql(`alter table "development_record" add constraint "development_record_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "development_record" add constraint "development_record_applicant_id_foreign" foreign key ("applicant_id") references "applicant" ("id") on delete cascade;`);
    this.addSql(`alter table "development_record" add constraint "development_record_notice_id_foreign" foreign key ("notice_id") references "content" ("id") on delete set null;`);
    this.addSql(`alter table "development_record" add constraint "development_record_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "development_record" add constraint "development_record_step_check" check ("step" in ('APPLICATION', 'TALK', 'ACTIVIST', 'REPORT', 'ASSESSMENT', 'CANDIDATE', 'INTRODUCERS', 'POLITICAL_REVIEW', 'TRAINING', 'COMMITTEE_REVIEW', 'PRE_REVIEW', 'ADMISSION_VOTE', 'UPPER_TALK', 'APPROVAL', 'OATH', 'CONFIRMATION_APPLICATION', 'CONFIRMATION_VOTE', 'CONFIRMATION_APPROVAL', 'ARCHIVE', 'REJECT', 'WITHDRAW', 'MOVE'));`);
    this.addSql(`alter table "development_record" add constraint "development_record_outcome_check" check ("outcome" in ('CONFIRM', 'EXTEND', 'DISQUALIFY'));`);

    this.addSql(`alter table "calendar_year" add constraint "calendar_year_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "calendar_day" add constraint "calendar_day_year_foreign" foreign key ("year") references "calendar_year" ("year") on delete cascade;`);
    this.addSql(`alter table "calendar_day" add constraint "calendar_day_kind_check" check ("kind" in ('HOLIDAY', 'WORKDAY'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "development_record" drop constraint "development_record_applicant_id_foreign";`);
    this.addSql(`alter table "calendar_day" drop constraint "calendar_day_year_foreign";`);

    this.addSql(`drop table if exists "applicant" cascade;`);
    this.addSql(`drop table if exists "development_record" cascade;`);
    this.addSql(`drop table if exists "calendar_year" cascade;`);
    this.addSql(`drop table if exists "calendar_day" cascade;`);

    this.addSql(`drop index "member_name_idx";`);
    this.addSql(`alter table "member" drop constraint "member_status_check";`);
    this.addSql(`alter table "member" add constraint "member_status_check" check ("status" in ('NORMAL', 'SUSPENDED', 'REMOVED', 'EXPELLED', 'TRANSFERRED_OUT', 'DECEASED'));`);

    this.addSql(`alter table "member_status_change" drop constraint "member_status_change_status_check";`);
    this.addSql(`alter table "member_status_change" add constraint "member_status_change_status_check" check ("status" in ('NORMAL', 'SUSPENDED', 'REMOVED', 'EXPELLED', 'TRANSFERRED_OUT', 'DECEASED'));`);
  }

}
