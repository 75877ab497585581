import { Migration } from '@mikro-orm/migrations';

export class Migration20261130114911_meetings extends Migration {

  override name = 'Migration20261130114911_meetings';

  override up(): void | Promise<void> {
    this.addSql(`create table "meeting" ("id" serial primary key, "enterprise_id" int not null, "organization_id" int not null, "type" text not null, "also_counts_as" text[] not null default '{}', "topic" varchar(200) not null, "agenda" text not null default '', "starts_at" timestamptz not null, "ends_at" timestamptz not null, "place" varchar(200) null, "online_link" varchar(500) null, "host_id" int null, "recorder_id" int null, "lecturer" varchar(100) null, "status" text not null, "sign_in_token" varchar(32) not null, "minutes" text not null default '', "resolutions" text not null default '', "attachment_ids" text[] not null default '{}', "guests" varchar(500) null, "reviewer_id" int null, "review_note" varchar(500) null, "submitted_at" timestamptz null, "approved_at" timestamptz null, "cancel_reason" varchar(500) null, "created_by_id" int null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "meeting_enterprise_idx" on "meeting" ("enterprise_id");`);
    this.addSql(`create index "meeting_reviewer_idx" on "meeting" ("reviewer_id", "status");`);
    this.addSql(`create index "meeting_organization_idx" on "meeting" ("organization_id", "starts_at");`);
    this.addSql(`create index "meeting_attachments_idx" on "meeting" using gin ("attachment_ids");`);

    this.addSql(`create table "meeting_correction" ("id" serial primary key, "enterprise_id" int not null, "meeting_id" int not null, "body" text not null, "signed_by_id" int null, "signed_name" varchar(100) not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "meeting_correction_enterprise_idx" on "meeting_correction" ("enterprise_id");`);
    this.addSql(`create index "meeting_correction_meeting_idx" on "meeting_correction" ("meeting_id", "id");`);

    this.addSql(`create table "meeting_attendee" ("id" bigserial primary key, "enterprise_id" int not null, "meeting_id" int not null, "member_id" int not null, "voting" boolean not null, "guest" boolean not null default false, "excused" boolean not null default false, "attendance" text not null default 'EXPECTED', "signed_in_at" timestamptz null, "sign_in_method" text null, "leave_reason" varchar(300) null, "leave_note" varchar(300) null, "absence_reason" varchar(300) null);`);
    this.addSql(`create index "meeting_attendee_enterprise_idx" on "meeting_attendee" ("enterprise_id");`);
    this.addSql(`create index "meeting_attendee_member_idx" on "meeting_attendee" ("member_id", "meeting_id");`);
    this.addSql(`alter table "meeting_attendee" add constraint "meeting_attendee_unique" unique ("enterprise_id", "meeting_id", "member_id");`);

    this.addSql(`create table "life_requirement" ("id" serial primary key, "enterprise_id" int not null, "item" text not null, "cycle" text not null, "target" smallint not null, "set_by_id" int null, "updated_at" timestamptz not null default now());`);
    this.addSql(`alter table "life_requirement" add constraint "life_requirement_unique" unique ("enterprise_id", "item");`);

    this.addSql(`create table "life_exemption" ("id" serial primary key, "enterprise_id" int not null, "member_id" int not null, "reason" text not null, "note" varchar(300) null, "starts_on" date not null, "ends_on" date null, "approved_by_id" int not null, "recorded_by_id" int null);`);
    this.addSql(`create index "life_exemption_enterprise_idx" on "life_exemption" ("enterprise_id");`);
    this.addSql(`create index "life_exemption_member_idx" on "life_exemption" ("member_id", "starts_on");`);

    this.addSql(`create table "heart_talk" ("id" serial primary key, "enterprise_id" int not null, "organization_id" int not null, "by_id" int not null, "with_id" int not null, "talked_on" date not null, "topic" varchar(200) not null, "recorded_by_id" int null);`);
    this.addSql(`create index "heart_talk_enterprise_idx" on "heart_talk" ("enterprise_id");`);
    this.addSql(`create index "heart_talk_by_idx" on "heart_talk" ("by_id");`);
    this.addSql(`create index "heart_talk_with_idx" on "heart_talk" ("with_id");`);
    this.addSql(`create index "heart_talk_organization_idx" on "heart_talk" ("organization_id", "talked_on");`);

    this.addSql(`create table "meeting_motion" ("id" serial primary key, "enterprise_id" int not null, "meeting_id" int not null, "kind" text not null, "title" varchar(200) not null, "applicant_id" int null, "expected" smallint not null, "present" smallint not null, "yes" smallint not null, "no" smallint not null, "abstain" smallint not null, "written_yes" smallint not null default 0, "written_no" smallint not null default 0, "written_abstain" smallint not null default 0, "opinions" text null, "passed" boolean not null, "recorded_at" timestamptz not null default now());`);
    this.addSql(`create index "meeting_motion_enterprise_idx" on "meeting_motion" ("enterprise_id");`);
    this.addSql(`create index "meeting_motion_applicant_idx" on "meeting_motion" ("applicant_id");`);
    this.addSql(`create unique index "meeting_motion_applicant_unique" on "meeting_motion" ("enterprise_id", "meeting_id", "applicant_id") where "applicant_id" is not null;`);
    this.addSql(`create index "meeting_motion_meeting_idx" on "meeting_motion" ("meeting_id", "id");`);

    this.addSql(`alter table "meeting" add constraint "meeting_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "meeting" add constraint "meeting_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "meeting" add constraint "meeting_host_id_foreign" foreign key ("host_id") references "member" ("id") on delete set null;`);
    this.addSql(`alter table "meeting" add constraint "meeting_recorder_id_foreign" foreign key ("recorder_id") references "member" ("id") on delete set null;`);
    this.addSql(`alter table "meeting" add constraint "meeting_reviewer_id_foreign" foreign key ("reviewer_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "meeting" add constraint "meeting_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "meeting" add constraint "meeting_type_check" check ("type" in ('BRANCH_ASSEMBLY', 'COMMITTEE', 'GROUP', 'PARTY_LECTURE', 'THEME_DAY', 'LIFE_MEETING', 'APPRAISAL', 'CENTRAL_GROUP'));`);
    this.addSql(`alter table "meeting" add constraint "meeting_status_check" check ("status" in ('PLANNED', 'RECORDED', 'UNDER_REVIEW', 'RETURNED', 'APPROVED', 'CANCELLED'));`);

    this.addSql(`alter table "meeting_correction" add constraint "meeting_correction_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "meeting_correction" add constraint "meeting_correction_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on delete cascade;`);
    this.addSql(`alter table "meeting_correction" add constraint "meeting_correction_signed_by_id_foreign" foreign key ("signed_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "meeting_attendee" add constraint "meeting_attendee_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "meeting_attendee" add constraint "meeting_attendee_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on delete cascade;`);
    this.addSql(`alter table "meeting_attendee" add constraint "meeting_attendee_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete cascade;`);
    this.addSql(`alter table "meeting_attendee" add constraint "meeting_attendee_attendance_check" check ("attendance" in ('EXPECTED', 'PRESENT', 'LEAVE_REQUESTED', 'ON_LEAVE', 'ABSENT'));`);
    this.addSql(`alter table "meeting_attendee" add constraint "meeting_attendee_sign_in_method_check" check ("sign_in_method" in ('SELF', 'QR', 'CARD', 'RECORDER'));`);

    this.addSql(`alter table "life_requirement" add constraint "life_requirement_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "life_requirement" add constraint "life_requirement_set_by_id_foreign" foreign key ("set_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "life_requirement" add constraint "life_requirement_item_check" check ("item" in ('COMMITTEE', 'GROUP', 'THEME_DAY', 'BRANCH_ASSEMBLY', 'PARTY_LECTURE', 'LIFE_MEETING', 'APPRAISAL', 'TALKS', 'CLASS_HOURS'));`);
    this.addSql(`alter table "life_requirement" add constraint "life_requirement_cycle_check" check ("cycle" in ('MONTH', 'QUARTER', 'YEAR'));`);

    this.addSql(`alter table "life_exemption" add constraint "life_exemption_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "life_exemption" add constraint "life_exemption_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete cascade;`);
    this.addSql(`alter table "life_exemption" add constraint "life_exemption_approved_by_id_foreign" foreign key ("approved_by_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "life_exemption" add constraint "life_exemption_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "life_exemption" add constraint "life_exemption_reason_check" check ("reason" in ('AGE', 'ILLNESS', 'ABROAD', 'OTHER'));`);

    this.addSql(`alter table "heart_talk" add constraint "heart_talk_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "heart_talk" add constraint "heart_talk_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "heart_talk" add constraint "heart_talk_by_id_foreign" foreign key ("by_id") references "member" ("id") on delete cascade;`);
    this.addSql(`alter table "heart_talk" add constraint "heart_talk_with_id_foreign" foreign key ("with_id") references "member" ("id") on delete cascade;`);
    this.addSql(`alter table "heart_talk" add constraint "heart_talk_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "meeting_motion" add constraint "meeting_motion_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "meeting_motion" add constraint "meeting_motion_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on delete cascade;`);
    this.addSql(`alter table "meeting_motion" add constraint "meeting_motion_applicant_id_foreign" foreign key ("applicant_id") references "applicant" ("id") on delete restrict;`);
    this.addSql(`alter table "meeting_motion" add constraint "meeting_motion_kind_check" check ("kind" in ('GENERAL', 'ADMISSION', 'CONFIRMATION'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "meeting_correction" drop constraint "meeting_correction_meeting_id_foreign";`);
    this.addSql(`alter table "meeting_attendee" drop constraint "meeting_attendee_meeting_id_foreign";`);
    this.addSql(`alter table "meeting_motion" drop constraint "meeting_motion_meeting_id_foreign";`);

    this.addSql(`drop table if exists "meeting" cascade;`);
    this.addSql(`drop table if exists "meeting_correction" cascade;`);
    this.addSql(`drop table if exists "meeting_attendee" cascade;`);
    this.addSql(`drop table if exists "life_requirement" cascade;`);
    this.addSql(`drop table if exists "life_exemption" cascade;`);
    this.addSql(`drop table if exists "heart_talk" cascade;`);
    this.addSql(`drop table if exists "meeting_motion" cascade;`);
  }

}
