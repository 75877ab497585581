import { Migration } from '@mikro-orm/migrations';

export class Migration20261121225235_exchange extends Migration {

  override name = 'Migration20261121225235_exchange';

  override up(): void | Promise<void> {
    this.addSql(`create table "partnership" ("id" serial primary key, "proposer_id" int not null, "partner_id" int not null, "status" text not null, "message" varchar(500) not null default '', "proposed_by_id" int null, "decided_by_id" int null, "decided_at" timestamptz null, "decline_reason" varchar(500) null, "ended_by_id" int null, "ended_at" timestamptz null, "created_at" timestamptz not null default now());`);
    this.addSql(`create unique index "partnership_open_pair_unique" on "partnership" (least(proposer_id, partner_id), greatest(proposer_id, partner_id)) where status in ('PROPOSED', 'ACTIVE');`);
    this.addSql(`create index "partnership_proposer_idx" on "partnership" ("proposer_id", "status");`);
    this.addSql(`create index "partnership_partner_idx" on "partnership" ("partner_id", "status");`);

    this.addSql(`create table "partner_link" ("enterprise_id" int not null, "partner_id" int not null, "partnership_id" int not null, primary key ("enterprise_id", "partner_id"));`);
    this.addSql(`create index "partner_link_partner_idx" on "partner_link" ("partner_id");`);
    this.addSql(`create index "partner_link_partnership_idx" on "partner_link" ("partnership_id");`);

    this.addSql(`create table "usage_daily" ("id" bigserial primary key, "content_id" bigint not null, "day" date not null, "metric" text not null, "organization_id" int null, "count" int not null default 0);`);
    this.addSql(`create index "usage_daily_organization_idx" on "usage_daily" ("organization_id", "day");`);
    this.addSql(`create unique index "usage_daily_key" on "usage_daily" ("content_id", "day", "metric", coalesce("organization_id", 0));`);

    this.addSql(`create table "shared_resource" ("content_id" bigint not null, "resource_kind" text not null, "access" text not null, "address" varchar(200) null, "opening_details" varchar(500) null, "topics" text[] not null default '{}', primary key ("content_id"));`);
    this.addSql(`create index "shared_resource_kind_idx" on "shared_resource" ("resource_kind");`);

    this.addSql(`create table "resource_request" ("id" bigserial primary key, "content_id" bigint not null, "organization_id" int not null, "requested_by_id" int null, "purpose" varchar(1000) not null, "status" text not null, "decided_by_id" int null, "decided_at" timestamptz null, "decision_reason" varchar(500) null, "access_until" timestamptz null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "resource_request_requested_by_idx" on "resource_request" ("requested_by_id");`);
    this.addSql(`create unique index "resource_request_one_pending" on "resource_request" ("content_id", "organization_id") where status = 'PENDING';`);
    this.addSql(`create index "resource_request_organization_idx" on "resource_request" ("organization_id", "status");`);
    this.addSql(`create index "resource_request_content_idx" on "resource_request" ("content_id", "status");`);

    this.addSql(`create table "experience_case" ("content_id" bigint not null, "background_html" text not null, "practice_html" text not null, "results_html" text not null, primary key ("content_id"));`);

    this.addSql(`create table "content_like" ("content_id" bigint not null, "user_id" int not null, "created_at" timestamptz not null default now(), primary key ("content_id", "user_id"));`);
    this.addSql(`create index "content_like_user_idx" on "content_like" ("user_id");`);

    this.addSql(`create table "content_attachment" ("content_id" bigint not null, "media_file_id" bigint not null, "position" smallint not null, primary key ("content_id", "media_file_id"));`);
    this.addSql(`create index "content_attachment_media_file_idx" on "content_attachment" ("media_file_id");`);

    this.addSql(`create table "case_feature" ("content_id" bigint not null, "organization_id" int not null, "featured_by_id" int null, "featured_at" timestamptz not null default now(), primary key ("content_id", "organization_id"));`);
    this.addSql(`create index "case_feature_organization_idx" on "case_feature" ("organization_id", "featured_at");`);

    this.addSql(`create table "case_comment" ("id" bigserial primary key, "content_id" bigint not null, "author_id" int null, "body" text not null, "hidden_at" timestamptz null, "hidden_reason" varchar(500) null, "moderated_by_id" int null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "case_comment_author_idx" on "case_comment" ("author_id");`);
    this.addSql(`create index "case_comment_content_idx" on "case_comment" ("content_id", "id");`);

    this.addSql(`create table "case_adoption" ("id" bigserial primary key, "content_id" bigint not null, "organization_id" int not null, "note" varchar(1000) not null, "adopted_by_id" int null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "case_adoption_organization_idx" on "case_adoption" ("organization_id", "created_at");`);
    this.addSql(`alter table "case_adoption" add constraint "case_adoption_once" unique ("content_id", "organization_id");`);

    this.addSql(`alter table "content" drop constraint "content_kind_check";`);
    this.addSql(`alter table "content" drop constraint "content_visibility_check";`);
    this.addSql(`alter table "content" add "like_count" int not null default 0, add "comment_count" int not null default 0, add "adoption_count" int not null default 0, add "download_count" int not null default 0;`);
    this.addSql(`create index "content_most_adopted_idx" on "content" ("kind", "status", "adoption_count", "id");`);
    this.addSql(`create index "content_most_liked_idx" on "content" ("kind", "status", "like_count", "id");`);
    this.addSql(`alter table "content" add constraint "content_kind_check" check ("kind" in ('NEWS', 'DISCLOSURE', 'CASE', 'RESOURCE'));`);
    this.addSql(`alter table "content" add constraint "content_visibility_check" check ("visibility" in ('PUBLIC', 'ENTERPRISE', 'OWN_ORGANIZATION', 'ORGANIZATION', 'PARTNERS', 'PLATFORM', 'TARGETED'));`);

    this.addSql(`alter table "partnership" add constraint "partnership_proposer_id_foreign" foreign key ("proposer_id") references "enterprise" ("id") on delete cascade;`);
    this.addSql(`alter table "partnership" add constraint "partnership_partner_id_foreign" foreign key ("partner_id") references "enterprise" ("id") on delete cascade;`);
    this.addSql(`alter table "partnership" add constraint "partnership_proposed_by_id_foreign" foreign key ("proposed_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "partnership" add constraint "partnership_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "partnership" add constraint "partnership_ended_by_id_foreign" foreign key ("ended_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "partnership" add constraint "partnership_distinct" check (proposer_id <> partner_id);`);
    this.addSql(`alter table "partnership" add constraint "partnership_status_check" check ("status" in ('PROPOSED', 'ACTIVE', 'DECLINED', 'ENDED'));`);

    this.addSql(`alter table "partner_link" add constraint "partner_link_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "partner_link" add constraint "partner_link_partner_id_foreign" foreign key ("partner_id") references "enterprise" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "partner_link" add constraint "partner_link_partnership_id_foreign" foreign key ("partnership_id") references "partnership" ("id") on delete cascade;`);

    this.addSql(`alter table "usage_daily" add constraint "usage_daily_content_id_foreign" foreign key ("content_id") references "content" ("id") on delete cascade;`);
    this.addSql(`alter table "usage_daily" add constraint "usage_daily_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete set null;`);
    this.addSql(`alter table "usage_daily" add constraint "usage_daily_metric_check" check ("metric" in ('VIEW', 'DOWNLOAD'));`);

    this.addSql(`alter table "shared_resource" add constraint "shared_resource_content_id_foreign" foreign key ("content_id") references "content" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "shared_resource" add constraint "shared_resource_resource_kind_check" check ("resource_kind" in ('COURSEWARE', 'MICRO_LESSON', 'VIDEO', 'TEMPLATE', 'EDUCATION_BASE', 'LECTURER'));`);
    this.addSql(`alter table "shared_resource" add constraint "shared_resource_access_check" check ("access" in ('OPEN', 'ON_REQUEST'));`);

    this.addSql(`alter table "resource_request" add constraint "resource_request_content_id_foreign" foreign key ("content_id") references "content" ("id") on delete cascade;`);
    this.addSql(`alter table "resource_request" add constraint "resource_request_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "resource_request" add constraint "resource_request_requested_by_id_foreign" foreign key ("requested_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "resource_request" add constraint "resource_request_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "resource_request" add constraint "resource_request_status_check" check ("status" in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'REVOKED'));`);

    this.addSql(`alter table "experience_case" add constraint "experience_case_content_id_foreign" foreign key ("content_id") references "content" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "content_like" add constraint "content_like_content_id_foreign" foreign key ("content_id") references "content" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "content_like" add constraint "content_like_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "content_attachment" add constraint "content_attachment_content_id_foreign" foreign key ("content_id") references "content" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "content_attachment" add constraint "content_attachment_media_file_id_foreign" foreign key ("media_file_id") references "media_file" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "case_feature" add constraint "case_feature_content_id_foreign" foreign key ("content_id") references "content" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "case_feature" add constraint "case_feature_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "case_feature" add constraint "case_feature_featured_by_id_foreign" foreign key ("featured_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "case_comment" add constraint "case_comment_content_id_foreign" foreign key ("content_id") references "content" ("id") on delete cascade;`);
    this.addSql(`alter table "case_comment" add constraint "case_comment_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "case_comment" add constraint "case_comment_moderated_by_id_foreign" foreign key ("moderated_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "case_adoption" add constraint "case_adoption_content_id_foreign" foreign key ("content_id") references "content" ("id") on delete cascade;`);
    this.addSql(`alter table "case_adoption" add constraint "case_adoption_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "case_adoption" add constraint "case_adoption_adopted_by_id_foreign" foreign key ("adopted_by_id") references "app_user" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "partner_link" drop constraint "partner_link_partnership_id_foreign";`);

    this.addSql(`drop table if exists "partnership" cascade;`);
    this.addSql(`drop table if exists "partner_link" cascade;`);
    this.addSql(`drop table if exists "usage_daily" cascade;`);
    this.addSql(`drop table if exists "shared_resource" cascade;`);
    this.addSql(`drop table if exists "resource_request" cascade;`);
    this.addSql(`drop table if exists "experience_case" cascade;`);
    this.addSql(`drop table if exists "content_like" cascade;`);
    this.addSql(`drop table if exists "content_attachment" cascade;`);
    this.addSql(`drop table if exists "case_feature" cascade;`);
    this.addSql(`drop table if exists "case_comment" cascade;`);
    this.addSql(`drop table if exists "case_adoption" cascade;`);

    this.addSql(`drop index "content_most_adopted_idx";`);
    this.addSql(`drop index "content_most_liked_idx";`);
    this.addSql(`alter table "content" drop constraint "content_kind_check";`);
    this.addSql(`alter table "content" drop constraint "content_visibility_check";`);
    this.addSql(`alter table "content" drop column "like_count", drop column "comment_count", drop column "adoption_count", drop column "download_count";`);
    this.addSql(`alter table "content" add constraint "content_kind_check" check ("kind" in ('NEWS', 'DISCLOSURE'));`);
    this.addSql(`alter table "content" add constraint "content_visibility_check" check ("visibility" in ('PUBLIC', 'ENTERPRISE', 'ORGANIZATION', 'PARTNERS', 'PLATFORM', 'TARGETED'));`);
  }

}
