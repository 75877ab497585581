import { Migration } from '@mikro-orm/migrations';

export class Migration20261130120027_handbook extends Migration {

  override name = 'Migration20261130120027_handbook';

  override up(): void | Promise<void> {
    this.addSql(`create table "suggestion" ("id" serial primary key, "enterprise_id" int not null, "organization_id" int not null, "member_id" int not null, "body" text not null, "created_at" timestamptz not null default now(), "answer" text null, "answered_by_id" int null, "answered_by_name" varchar(100) null, "answered_at" timestamptz null);`);
    this.addSql(`create index "suggestion_enterprise_idx" on "suggestion" ("enterprise_id");`);
    this.addSql(`create index "suggestion_member_idx" on "suggestion" ("member_id", "created_at");`);
    this.addSql(`create index "suggestion_organization_idx" on "suggestion" ("organization_id", "id");`);

    this.addSql(`create table "help_given" ("id" serial primary key, "enterprise_id" int not null, "member_id" int not null, "kind" text not null, "helped" varchar(100) not null, "happened_on" date not null, "note" varchar(500) null, "recorded_by_id" int null);`);
    this.addSql(`create index "help_given_enterprise_idx" on "help_given" ("enterprise_id");`);
    this.addSql(`create index "help_given_member_idx" on "help_given" ("member_id", "happened_on");`);

    this.addSql(`alter table "suggestion" add constraint "suggestion_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "suggestion" add constraint "suggestion_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "suggestion" add constraint "suggestion_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete cascade;`);
    this.addSql(`alter table "suggestion" add constraint "suggestion_answered_by_id_foreign" foreign key ("answered_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "help_given" add constraint "help_given_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "help_given" add constraint "help_given_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete cascade;`);
    this.addSql(`alter table "help_given" add constraint "help_given_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "help_given" add constraint "help_given_kind_check" check ("kind" in ('PAIRING', 'VOLUNTEER', 'HARDSHIP_AID', 'OTHER'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "suggestion" cascade;`);
    this.addSql(`drop table if exists "help_given" cascade;`);
  }

}
