import { Migration } from '@mikro-orm/migrations';

export class Migration20261130081509_members extends Migration {

  override name = 'Migration20261130081509_members';

  override up(): void | Promise<void> {
    this.addSql(`create table "member" ("id" serial primary key, "enterprise_id" int not null, "organization_id" int not null, "user_id" int null, "name" varchar(50) not null, "sex" text not null, "ethnicity" varchar(20) null, "birth_date" date not null, "education" varchar(20) null, "id_number_sealed" text not null, "id_number_hash" varchar(64) not null, "phone_sealed" text null, "address_sealed" text null, "employer" varchar(100) null, "position" varchar(50) null, "joined_on" date not null, "confirmed_on" date null, "category" text not null, "status" text not null, "labels" text[] not null default '{}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "member_enterprise_idx" on "member" ("enterprise_id");`);
    this.addSql(`create index "member_labels_idx" on "member" using gin ("labels");`);
    this.addSql(`create index "member_organization_idx" on "member" ("organization_id", "id");`);
    this.addSql(`alter table "member" add constraint "member_user_unique" unique ("enterprise_id", "user_id");`);
    this.addSql(`alter table "member" add constraint "member_id_number_unique" unique ("enterprise_id", "id_number_hash");`);

    this.addSql(`create table "member_status_change" ("id" bigserial primary key, "enterprise_id" int not null, "member_id" int not null, "status" text not null, "effective_on" date not null, "reason" varchar(500) not null, "recorded_by_id" int null, "recorded_at" timestamptz not null default now());`);
    this.addSql(`create index "member_status_change_enterprise_idx" on "member_status_change" ("enterprise_id");`);
    this.addSql(`create index "member_status_change_member_idx" on "member_status_change" ("member_id", "id");`);

    this.addSql(`alter table "member" add constraint "member_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "member" add constraint "member_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "member" add constraint "member_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "member" add constraint "member_sex_check" check ("sex" in ('MALE', 'FEMALE'));`);
    this.addSql(`alter table "member" add constraint "member_category_check" check ("category" in ('FULL', 'PROBATIONARY'));`);
    this.addSql(`alter table "member" add constraint "member_status_check" check ("status" in ('NORMAL', 'SUSPENDED', 'REMOVED', 'EXPELLED', 'TRANSFERRED_OUT', 'DECEASED'));`);

    this.addSql(`alter table "member_status_change" add constraint "member_status_change_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "member_status_change" add constraint "member_status_change_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete cascade;`);
    this.addSql(`alter table "member_status_change" add constraint "member_status_change_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "member_status_change" add constraint "member_status_change_status_check" check ("status" in ('NORMAL', 'SUSPENDED', 'REMOVED', 'EXPELLED', 'TRANSFERRED_OUT', 'DECEASED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "member_status_change" drop constraint "member_status_change_member_id_foreign";`);

    this.addSql(`drop table if exists "member" cascade;`);
    this.addSql(`drop table if exists "member_status_change" cascade;`);
  }

}
