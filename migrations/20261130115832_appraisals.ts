import { Migration } from '@mikro-orm/migrations';

export class Migration20261130115832_appraisals extends Migration {

  override name = 'Migration20261130115832_appraisals';

  override up(): void | Promise<void> {
    this.addSql(`create table "appraisal_round" ("id" serial primary key, "enterprise_id" int not null, "organization_id" int not null, "year" smallint not null, "stage" text not null, "meeting_id" int null, "opened_by_id" int null, "created_at" timestamptz not null default now(), "published_at" timestamptz null);`);
    this.addSql(`create index "appraisal_round_organization_idx" on "appraisal_round" ("organization_id");`);
    this.addSql(`alter table "appraisal_round" add constraint "appraisal_round_unique" unique ("enterprise_id", "organization_id", "year");`);

    this.addSql(`create table "appraisal_voted" ("enterprise_id" int not null, "round_id" int not null, "member_id" int not null, primary key ("enterprise_id", "round_id", "member_id"));`);
    this.addSql(`create index "appraisal_voted_member_idx" on "appraisal_voted" ("member_id");`);

    this.addSql(`create table "appraisal_subject" ("id" serial primary key, "enterprise_id" int not null, "round_id" int not null, "member_id" int not null, "self_assessment" text null, "proposed_grade" text null, "proposal_note" varchar(500) null, "grade" text null, "follow_up" varchar(500) null);`);
    this.addSql(`create index "appraisal_subject_member_idx" on "appraisal_subject" ("member_id");`);
    this.addSql(`alter table "appraisal_subject" add constraint "appraisal_subject_unique" unique ("enterprise_id", "round_id", "member_id");`);

    this.addSql(`create table "appraisal_comment" ("id" serial primary key, "enterprise_id" int not null, "subject_id" int not null, "by_id" int not null, "body" varchar(1000) not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "appraisal_comment_enterprise_idx" on "appraisal_comment" ("enterprise_id");`);
    this.addSql(`create index "appraisal_comment_by_idx" on "appraisal_comment" ("by_id");`);
    this.addSql(`create index "appraisal_comment_subject_idx" on "appraisal_comment" ("subject_id", "id");`);

    this.addSql(`create table "appraisal_ballot" ("id" uuid not null default gen_random_uuid(), "enterprise_id" int not null, "subject_id" int not null, "grade" text not null, primary key ("id"));`);
    this.addSql(`create index "appraisal_ballot_enterprise_idx" on "appraisal_ballot" ("enterprise_id");`);
    this.addSql(`create index "appraisal_ballot_subject_idx" on "appraisal_ballot" ("subject_id");`);

    this.addSql(`alter table "appraisal_round" add constraint "appraisal_round_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "appraisal_round" add constraint "appraisal_round_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "appraisal_round" add constraint "appraisal_round_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on delete set null;`);
    this.addSql(`alter table "appraisal_round" add constraint "appraisal_round_opened_by_id_foreign" foreign key ("opened_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "appraisal_round" add constraint "appraisal_round_stage_check" check ("stage" in ('SELF', 'PEER', 'BALLOT', 'COMMITTEE_PROPOSAL', 'ASSEMBLY', 'PUBLISHED'));`);

    this.addSql(`alter table "appraisal_voted" add constraint "appraisal_voted_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "appraisal_voted" add constraint "appraisal_voted_round_id_foreign" foreign key ("round_id") references "appraisal_round" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appraisal_voted" add constraint "appraisal_voted_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "appraisal_subject" add constraint "appraisal_subject_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "appraisal_subject" add constraint "appraisal_subject_round_id_foreign" foreign key ("round_id") references "appraisal_round" ("id") on delete cascade;`);
    this.addSql(`alter table "appraisal_subject" add constraint "appraisal_subject_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete cascade;`);
    this.addSql(`alter table "appraisal_subject" add constraint "appraisal_subject_proposed_grade_check" check ("proposed_grade" in ('EXCELLENT', 'QUALIFIED', 'BASIC', 'UNQUALIFIED'));`);
    this.addSql(`alter table "appraisal_subject" add constraint "appraisal_subject_grade_check" check ("grade" in ('EXCELLENT', 'QUALIFIED', 'BASIC', 'UNQUALIFIED'));`);

    this.addSql(`alter table "appraisal_comment" add constraint "appraisal_comment_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "appraisal_comment" add constraint "appraisal_comment_subject_id_foreign" foreign key ("subject_id") references "appraisal_subject" ("id") on delete cascade;`);
    this.addSql(`alter table "appraisal_comment" add constraint "appraisal_comment_by_id_foreign" foreign key ("by_id") references "member" ("id") on delete cascade;`);

    this.addSql(`alter table "appraisal_ballot" add constraint "appraisal_ballot_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "appraisal_ballot" add constraint "appraisal_ballot_subject_id_foreign" foreign key ("subject_id") references "appraisal_subject" ("id") on delete cascade;`);
    this.addSql(`alter table "appraisal_ballot" add constraint "appraisal_ballot_grade_check" check ("grade" in ('EXCELLENT', 'QUALIFIED', 'BASIC', 'UNQUALIFIED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "appraisal_voted" drop constraint "appraisal_voted_round_id_foreign";`);
    this.addSql(`alter table "appraisal_subject" drop constraint "appraisal_subject_round_id_foreign";`);
    this.addSql(`alter table "appraisal_comment" drop constraint "appraisal_comment_subject_id_foreign";`);
    this.addSql(`alter table "appraisal_ballot" drop constraint "appraisal_ballot_subject_id_foreign";`);

    this.addSql(`drop table if exists "appraisal_round" cascade;`);
    this.addSql(`drop table if exists "appraisal_voted" cascade;`);
    this.addSql(`drop table if exists "appraisal_subject" cascade;`);
    this.addSql(`drop table if exists "appraisal_comment" cascade;`);
    this.addSql(`drop table if exists "appraisal_ballot" cascade;`);
  }

}
