import { Migration } from '@mikro-orm/migrations';

export class Migration20261130082332_committees_local_rules extends Migration {

  override name = 'Migration20261130082332_committees_local_rules';

  override up(): void | Promise<void> {
    this.addSql(`create table "member_post" ("id" serial primary key, "enterprise_id" int not null, "member_id" int not null, "organization_id" int not null, "post" text not null, "started_on" date not null, "ended_on" date null);`);
    this.addSql(`create index "member_post_enterprise_idx" on "member_post" ("enterprise_id");`);
    this.addSql(`create unique index "member_post_held_once" on "member_post" ("enterprise_id", "organization_id", "member_id", "post") where "ended_on" is null;`);
    this.addSql(`create unique index "member_post_one_secretary" on "member_post" ("enterprise_id", "organization_id") where "post" = 'SECRETARY' and "ended_on" is null;`);
    this.addSql(`create index "member_post_member_idx" on "member_post" ("member_id", "started_on");`);
    this.addSql(`create index "member_post_organization_idx" on "member_post" ("organization_id", "ended_on");`);

    this.addSql(`create table "local_rule_setting" ("enterprise_id" int not null, "key" varchar(80) not null, "value" int not null, "updated_by_id" int null, "updated_at" timestamptz not null default now(), primary key ("enterprise_id", "key"));`);

    this.addSql(`create table "committee_term" ("id" serial primary key, "enterprise_id" int not null, "organization_id" int not null, "elected_on" date not null, "term_years" smallint not null, "recorded_by_id" int null, "recorded_at" timestamptz not null default now());`);
    this.addSql(`create index "committee_term_enterprise_idx" on "committee_term" ("enterprise_id");`);
    this.addSql(`create index "committee_term_latest_idx" on "committee_term" ("organization_id", "elected_on");`);
    this.addSql(`alter table "committee_term" add constraint "committee_term_unique" unique ("enterprise_id", "organization_id", "elected_on");`);

    this.addSql(`alter table "member_post" add constraint "member_post_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "member_post" add constraint "member_post_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete cascade;`);
    this.addSql(`alter table "member_post" add constraint "member_post_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "member_post" add constraint "member_post_post_check" check ("post" in ('SECRETARY', 'DEPUTY_SECRETARY', 'ORGANIZATION', 'PROPAGANDA', 'DISCIPLINE', 'MEMBER'));`);

    this.addSql(`alter table "local_rule_setting" add constraint "local_rule_setting_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete cascade;`);
    this.addSql(`alter table "local_rule_setting" add constraint "local_rule_setting_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "committee_term" add constraint "committee_term_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "committee_term" add constraint "committee_term_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "committee_term" add constraint "committee_term_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "member_post" cascade;`);
    this.addSql(`drop table if exists "local_rule_setting" cascade;`);
    this.addSql(`drop table if exists "committee_term" cascade;`);
  }

}
