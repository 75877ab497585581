import { Migration } from '@mikro-orm/migrations';

export class Migration20261130135326_public_surveys extends Migration {

  override name = 'Migration20261130135326_public_surveys';

  override up(): void | Promise<void> {
    this.addSql(`create table "survey_user_receipt" ("enterprise_id" int not null, "survey_id" int not null, "user_id" int not null, primary key ("enterprise_id", "survey_id", "user_id"));`);
    this.addSql(`create index "survey_user_receipt_user_idx" on "survey_user_receipt" ("user_id");`);

    this.addSql(`create table "survey_token_use" ("enterprise_id" int not null, "survey_id" int not null, "nonce" varchar(32) not null, "used_at" timestamptz not null default now(), primary key ("enterprise_id", "survey_id", "nonce"));`);

    this.addSql(`create table "survey_guest_budget" ("enterprise_id" int not null, "survey_id" int not null, "address_hash" varchar(64) not null, "day" date not null, "answers" smallint not null, primary key ("enterprise_id", "survey_id", "address_hash", "day"));`);

    this.addSql(`alter table "survey" drop constraint "survey_audience_check";`);
    this.addSql(`alter table "survey" add "results_published_at" timestamptz null, add "per_address_limit" smallint not null default 3;`);
    this.addSql(`alter table "survey" add constraint "survey_audience_check" check ("audience" in ('MEMBERS', 'ENTERPRISE', 'PUBLIC'));`);

    this.addSql(`alter table "survey_response" add "user_id" int null;`);
    this.addSql(`alter table "survey_response" add constraint "survey_response_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`create index "survey_response_user_idx" on "survey_response" ("user_id");`);

    this.addSql(`alter table "survey_user_receipt" add constraint "survey_user_receipt_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "survey_user_receipt" add constraint "survey_user_receipt_survey_id_foreign" foreign key ("survey_id") references "survey" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "survey_user_receipt" add constraint "survey_user_receipt_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "survey_token_use" add constraint "survey_token_use_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "survey_token_use" add constraint "survey_token_use_survey_id_foreign" foreign key ("survey_id") references "survey" ("id") on delete cascade;`);

    this.addSql(`alter table "survey_guest_budget" add constraint "survey_guest_budget_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "survey_guest_budget" add constraint "survey_guest_budget_survey_id_foreign" foreign key ("survey_id") references "survey" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "survey_user_receipt" cascade;`);
    this.addSql(`drop table if exists "survey_token_use" cascade;`);
    this.addSql(`drop table if exists "survey_guest_budget" cascade;`);

    this.addSql(`alter table "survey_response" drop constraint "survey_response_user_id_foreign";`);

    this.addSql(`alter table "survey" drop constraint "survey_audience_check";`);
    this.addSql(`alter table "survey" drop column "results_published_at", drop column "per_address_limit";`);
    this.addSql(`alter table "survey" add constraint "survey_audience_check" check ("audience" in ('MEMBERS', 'ENTERPRISE'));`);

    this.addSql(`drop index "survey_response_user_idx";`);
    this.addSql(`alter table "survey_response" drop column "user_id";`);
  }

}
