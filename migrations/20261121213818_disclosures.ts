import { Migration } from '@mikro-orm/migrations';

export class Migration20261121213818_disclosures extends Migration {

  override name = 'Migration20261121213818_disclosures';

  override up(): void | Promise<void> {
    this.addSql(`create table "disclosure_feedback" ("id" bigserial primary key, "content_id" bigint not null, "author_id" int null, "author_name" varchar(50) null, "contact" varchar(100) null, "body" text not null, "ip" varchar(64) null, "reply" text null, "replied_by_id" int null, "replied_at" timestamptz null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "disclosure_feedback_content_idx" on "disclosure_feedback" ("content_id", "created_at");`);

    this.addSql(`create table "disclosure" ("content_id" bigint not null, "category" text not null, "scope" text not null, "step" text not null, "secrecy_reviewer_id" int null, "secrecy_reviewed_at" timestamptz null, "secrecy_conclusion" varchar(500) null, "approver_id" int null, "approved_at" timestamptz null, "notice_starts_at" timestamptz null, "notice_ends_at" timestamptz null, primary key ("content_id"));`);
    this.addSql(`create index "disclosure_category_idx" on "disclosure" ("category");`);

    this.addSql(`alter table "content" drop constraint "content_kind_check";`);
    this.addSql(`alter table "content" add constraint "content_kind_check" check ("kind" in ('NEWS', 'DISCLOSURE'));`);

    this.addSql(`alter table "disclosure_feedback" add constraint "disclosure_feedback_content_id_foreign" foreign key ("content_id") references "content" ("id") on delete cascade;`);
    this.addSql(`alter table "disclosure_feedback" add constraint "disclosure_feedback_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "disclosure_feedback" add constraint "disclosure_feedback_replied_by_id_foreign" foreign key ("replied_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "disclosure" add constraint "disclosure_content_id_foreign" foreign key ("content_id") references "content" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "disclosure" add constraint "disclosure_secrecy_reviewer_id_foreign" foreign key ("secrecy_reviewer_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "disclosure" add constraint "disclosure_approver_id_foreign" foreign key ("approver_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "disclosure" add constraint "disclosure_notice_window" check ((notice_starts_at is null) = (notice_ends_at is null) and (notice_ends_at is null or notice_ends_at > notice_starts_at));`);
    this.addSql(`alter table "disclosure" add constraint "disclosure_category_check" check ("category" in ('HIGHER_DECISIONS', 'GOALS_AND_PLANS', 'EDUCATION', 'ORGANIZATION_BUILDING', 'CONDUCT_AND_SERVICE', 'DISCIPLINE', 'OTHER'));`);
    this.addSql(`alter table "disclosure" add constraint "disclosure_scope_check" check ("scope" in ('SOCIETY', 'WHOLE_ENTERPRISE', 'OWN_ORG_SUBTREE'));`);
    this.addSql(`alter table "disclosure" add constraint "disclosure_step_check" check ("step" in ('PROPOSED', 'REVIEWED', 'APPROVED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "disclosure_feedback" cascade;`);
    this.addSql(`drop table if exists "disclosure" cascade;`);

    this.addSql(`alter table "content" drop constraint "content_kind_check";`);
    this.addSql(`alter table "content" add constraint "content_kind_check" check ("kind" in ('NEWS'));`);
  }

}
