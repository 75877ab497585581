import { Migration } from '@mikro-orm/migrations';

export class Migration20261130105145_mobile_members extends Migration {

  override name = 'Migration20261130105145_mobile_members';

  override up(): void | Promise<void> {
    this.addSql(`create table "mobile_registration" ("id" serial primary key, "enterprise_id" int not null, "member_id" int not null, "home_organization_id" int not null, "home_committee_id" int not null, "host_organization_id" int null, "place" varchar(200) not null, "abroad" boolean not null default false, "reason" varchar(500) not null, "employer" varchar(100) null, "starts_on" date not null, "expected_return_on" date null, "status" text not null, "card_number" varchar(20) null, "arrived_on" date null, "returned_on" date null, "decision_note" varchar(500) null, "registered_by_id" int null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "mobile_registration_enterprise_idx" on "mobile_registration" ("enterprise_id");`);
    this.addSql(`create index "mobile_registration_committee_idx" on "mobile_registration" ("home_committee_id");`);
    this.addSql(`create index "mobile_registration_host_idx" on "mobile_registration" ("host_organization_id", "status");`);
    this.addSql(`create index "mobile_registration_home_idx" on "mobile_registration" ("home_organization_id", "status");`);
    this.addSql(`create unique index "mobile_registration_one_open" on "mobile_registration" ("enterprise_id", "member_id") where "status" in ('APPLIED', 'APPROVED', 'AT_HOST');`);

    this.addSql(`create table "mobile_contact" ("id" bigserial primary key, "enterprise_id" int not null, "registration_id" int not null, "kind" text not null, "contacted_on" date not null, "note" varchar(500) not null, "recorded_by_id" int null);`);
    this.addSql(`create index "mobile_contact_enterprise_idx" on "mobile_contact" ("enterprise_id");`);
    this.addSql(`create index "mobile_contact_registration_idx" on "mobile_contact" ("registration_id", "contacted_on");`);

    this.addSql(`alter table "mobile_registration" add constraint "mobile_registration_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "mobile_registration" add constraint "mobile_registration_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete cascade;`);
    this.addSql(`alter table "mobile_registration" add constraint "mobile_registration_home_organization_id_foreign" foreign key ("home_organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "mobile_registration" add constraint "mobile_registration_home_committee_id_foreign" foreign key ("home_committee_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "mobile_registration" add constraint "mobile_registration_host_organization_id_foreign" foreign key ("host_organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "mobile_registration" add constraint "mobile_registration_registered_by_id_foreign" foreign key ("registered_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "mobile_registration" add constraint "mobile_registration_status_check" check ("status" in ('APPLIED', 'APPROVED', 'AT_HOST', 'RETURNED', 'REJECTED'));`);

    this.addSql(`alter table "mobile_contact" add constraint "mobile_contact_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "mobile_contact" add constraint "mobile_contact_registration_id_foreign" foreign key ("registration_id") references "mobile_registration" ("id") on delete cascade;`);
    this.addSql(`alter table "mobile_contact" add constraint "mobile_contact_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "mobile_contact" add constraint "mobile_contact_kind_check" check ("kind" in ('PHONE', 'ONLINE', 'VISIT', 'YEARLY_REPORT'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "mobile_contact" drop constraint "mobile_contact_registration_id_foreign";`);

    this.addSql(`drop table if exists "mobile_registration" cascade;`);
    this.addSql(`drop table if exists "mobile_contact" cascade;`);
  }

}
