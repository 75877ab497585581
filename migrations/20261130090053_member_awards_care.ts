import { Migration } from '@mikro-orm/migrations';

export class Migration20261130090053_member_awards_care extends Migration {

  override name = 'Migration20261130090053_member_awards_care';

  override up(): void | Promise<void> {
    this.addSql(`create table "member_care" ("id" serial primary key, "enterprise_id" int not null, "member_id" int not null, "kind" text not null, "happened_on" date not null, "by" varchar(100) not null, "amount_fen" int null, "note" varchar(500) null, "recorded_by_id" int null, "recorded_at" timestamptz not null default now());`);
    this.addSql(`create index "member_care_enterprise_idx" on "member_care" ("enterprise_id");`);
    this.addSql(`create index "member_care_member_idx" on "member_care" ("member_id", "happened_on");`);

    this.addSql(`create table "member_award" ("id" serial primary key, "enterprise_id" int not null, "member_id" int not null, "kind" text not null, "discipline" text null, "title" varchar(100) not null, "decided_on" date not null, "decided_by" varchar(100) not null, "until" date null, "note" varchar(500) null, "recorded_by_id" int null, "recorded_at" timestamptz not null default now());`);
    this.addSql(`create index "member_award_enterprise_idx" on "member_award" ("enterprise_id");`);
    this.addSql(`create index "member_award_member_idx" on "member_award" ("member_id", "decided_on");`);

    this.addSql(`alter table "member_care" add constraint "member_care_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "member_care" add constraint "member_care_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete cascade;`);
    this.addSql(`alter table "member_care" add constraint "member_care_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "member_care" add constraint "member_care_kind_check" check ("kind" in ('VISIT', 'HOLIDAY', 'ILLNESS', 'HARDSHIP_AID', 'OTHER'));`);

    this.addSql(`alter table "member_award" add constraint "member_award_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "member_award" add constraint "member_award_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete cascade;`);
    this.addSql(`alter table "member_award" add constraint "member_award_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "member_award" add constraint "member_award_kind_check" check ("kind" in ('AWARD', 'DISCIPLINE'));`);
    this.addSql(`alter table "member_award" add constraint "member_award_discipline_check" check ("discipline" in ('WARNING', 'SERIOUS_WARNING', 'REMOVAL_FROM_POST', 'PROBATION'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "member_care" cascade;`);
    this.addSql(`drop table if exists "member_award" cascade;`);
  }

}
