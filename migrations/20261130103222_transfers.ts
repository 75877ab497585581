import { Migration } from '@mikro-orm/migrations';

export class Migration20261130103222_transfers extends Migration {

  override name = 'Migration20261130103222_transfers';

  override up(): void | Promise<void> {
    this.addSql(`create table "transfer_letter_counter" ("committee_id" int not null, "year" int not null, "enterprise_id" int not null, "last" int not null, primary key ("committee_id", "year"));`);
    this.addSql(`create index "transfer_letter_counter_enterprise_idx" on "transfer_letter_counter" ("enterprise_id");`);

    this.addSql(`create table "transfer" ("id" serial primary key, "enterprise_id" int not null, "member_id" int not null, "from_organization_id" int not null, "sending_committee_id" int not null, "reach" text not null, "to_organization_id" int null, "destination" varchar(200) null, "reason" varchar(500) not null, "status" text not null, "letter_number" varchar(20) null, "issued_on" date null, "validity_days" int null, "valid_until" date null, "dues_paid_up_to" varchar(7) null, "received_on" date null, "reported_on" date null, "received_member_id" int null, "applied_by_id" int null, "applied_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1);`);
    this.addSql(`create index "transfer_enterprise_idx" on "transfer" ("enterprise_id");`);
    this.addSql(`create index "transfer_committee_idx" on "transfer" ("sending_committee_id");`);
    this.addSql(`create index "transfer_member_idx" on "transfer" ("member_id", "id");`);
    this.addSql(`create index "transfer_to_idx" on "transfer" ("to_organization_id", "status");`);
    this.addSql(`create index "transfer_from_idx" on "transfer" ("from_organization_id", "status");`);
    this.addSql(`create unique index "transfer_one_open" on "transfer" ("enterprise_id", "member_id") where "status" in ('APPLIED', 'RETURNED', 'BRANCH_AGREED', 'ISSUED', 'RECEIVED');`);

    this.addSql(`create table "transfer_step" ("id" bigserial primary key, "enterprise_id" int not null, "transfer_id" int not null, "action" varchar(20) not null, "status" text not null, "opinion" varchar(500) null, "by_id" int null, "at" timestamptz not null default now());`);
    this.addSql(`create index "transfer_step_enterprise_idx" on "transfer_step" ("enterprise_id");`);
    this.addSql(`create index "transfer_step_transfer_idx" on "transfer_step" ("transfer_id", "id");`);

    this.addSql(`alter table "transfer_letter_counter" add constraint "transfer_letter_counter_committee_id_foreign" foreign key ("committee_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "transfer_letter_counter" add constraint "transfer_letter_counter_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);

    this.addSql(`alter table "transfer" add constraint "transfer_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "transfer" add constraint "transfer_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete restrict;`);
    this.addSql(`alter table "transfer" add constraint "transfer_from_organization_id_foreign" foreign key ("from_organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "transfer" add constraint "transfer_sending_committee_id_foreign" foreign key ("sending_committee_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "transfer" add constraint "transfer_to_organization_id_foreign" foreign key ("to_organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "transfer" add constraint "transfer_received_member_id_foreign" foreign key ("received_member_id") references "member" ("id") on delete set null;`);
    this.addSql(`alter table "transfer" add constraint "transfer_applied_by_id_foreign" foreign key ("applied_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "transfer" add constraint "transfer_reach_check" check ("reach" in ('INTERNAL', 'PLATFORM', 'EXTERNAL'));`);
    this.addSql(`alter table "transfer" add constraint "transfer_status_check" check ("status" in ('APPLIED', 'RETURNED', 'BRANCH_AGREED', 'ISSUED', 'RECEIVED', 'REPORTED', 'ARCHIVED', 'WITHDRAWN', 'REJECTED', 'EXPIRED'));`);

    this.addSql(`alter table "transfer_step" add constraint "transfer_step_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "transfer_step" add constraint "transfer_step_transfer_id_foreign" foreign key ("transfer_id") references "transfer" ("id") on delete cascade;`);
    this.addSql(`alter table "transfer_step" add constraint "transfer_step_by_id_foreign" foreign key ("by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "transfer_step" add constraint "transfer_step_status_check" check ("status" in ('APPLIED', 'RETURNED', 'BRANCH_AGREED', 'ISSUED', 'RECEIVED', 'REPORTED', 'ARCHIVED', 'WITHDRAWN', 'REJECTED', 'EXPIRED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "transfer_step" drop constraint "transfer_step_transfer_id_foreign";`);

    this.addSql(`drop table if exists "transfer_letter_counter" cascade;`);
    this.addSql(`drop table if exists "transfer" cascade;`);
    this.addSql(`drop table if exists "transfer_step" cascade;`);
  }

}
