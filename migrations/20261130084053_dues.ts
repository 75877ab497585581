import { Migration } from '@mikro-orm/migrations';

export class Migration20261130084053_dues extends Migration {

  override name = 'Migration20261130084053_dues';

  override up(): void | Promise<void> {
    this.addSql(`create table "dues_month" ("id" serial primary key, "enterprise_id" int not null, "organization_id" int not null, "month" varchar(7) not null, "status" text not null default 'OPEN', "opened_by_id" int null, "opened_at" timestamptz not null default now(), "settled_at" timestamptz null);`);
    this.addSql(`create index "dues_month_enterprise_idx" on "dues_month" ("enterprise_id");`);
    this.addSql(`create index "dues_month_organization_idx" on "dues_month" ("organization_id");`);
    this.addSql(`alter table "dues_month" add constraint "dues_month_unique" unique ("enterprise_id", "organization_id", "month");`);

    this.addSql(`create table "dues_item" ("id" serial primary key, "enterprise_id" int not null, "month_id" int not null, "member_id" int not null, "period" varchar(7) not null, "base_kind" text not null, "base_fen" int not null, "rate_bp" int null, "due_fen" int not null, "reduction_fen" int not null default 0, "reduction_reason" varchar(200) null, "status" text not null default 'UNPAID', "paid_fen" int not null default 0, "paid_at" timestamptz null);`);
    this.addSql(`create index "dues_item_enterprise_idx" on "dues_item" ("enterprise_id");`);
    this.addSql(`create index "dues_item_month_idx" on "dues_item" ("month_id", "id");`);
    this.addSql(`create index "dues_item_member_idx" on "dues_item" ("member_id", "period");`);
    this.addSql(`alter table "dues_item" add constraint "dues_item_unique" unique ("enterprise_id", "member_id", "period");`);

    this.addSql(`create table "dues_payment" ("id" serial primary key, "enterprise_id" int not null, "item_id" int not null, "amount_fen" int not null, "channel" text not null, "proxy_name" varchar(50) null, "idempotency_key" varchar(80) not null, "recorded_by_id" int null, "paid_at" timestamptz not null default now());`);
    this.addSql(`create index "dues_payment_enterprise_idx" on "dues_payment" ("enterprise_id");`);
    this.addSql(`create index "dues_payment_item_idx" on "dues_payment" ("item_id");`);
    this.addSql(`alter table "dues_payment" add constraint "dues_payment_idempotency" unique ("enterprise_id", "idempotency_key");`);

    this.addSql(`create table "dues_base" ("id" serial primary key, "enterprise_id" int not null, "member_id" int not null, "kind" text not null, "amount_fen" int not null, "from_month" varchar(7) not null, "recorded_by_id" int null, "recorded_at" timestamptz not null default now());`);
    this.addSql(`create index "dues_base_enterprise_idx" on "dues_base" ("enterprise_id");`);
    this.addSql(`create index "dues_base_member_idx" on "dues_base" ("member_id", "from_month");`);
    this.addSql(`alter table "dues_base" add constraint "dues_base_month_unique" unique ("enterprise_id", "member_id", "from_month");`);

    this.addSql(`alter table "dues_month" add constraint "dues_month_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "dues_month" add constraint "dues_month_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "dues_month" add constraint "dues_month_opened_by_id_foreign" foreign key ("opened_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "dues_month" add constraint "dues_month_status_check" check ("status" in ('OPEN', 'SETTLED'));`);

    this.addSql(`alter table "dues_item" add constraint "dues_item_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "dues_item" add constraint "dues_item_month_id_foreign" foreign key ("month_id") references "dues_month" ("id") on delete cascade;`);
    this.addSql(`alter table "dues_item" add constraint "dues_item_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete cascade;`);
    this.addSql(`alter table "dues_item" add constraint "dues_item_base_kind_check" check ("base_kind" in ('WAGE', 'ANNUAL_SALARY', 'SELF_EMPLOYED', 'PENSION', 'FARMER', 'FIXED_MINIMUM'));`);
    this.addSql(`alter table "dues_item" add constraint "dues_item_status_check" check ("status" in ('UNPAID', 'PAID', 'EXEMPT'));`);

    this.addSql(`alter table "dues_payment" add constraint "dues_payment_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "dues_payment" add constraint "dues_payment_item_id_foreign" foreign key ("item_id") references "dues_item" ("id") on delete cascade;`);
    this.addSql(`alter table "dues_payment" add constraint "dues_payment_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "dues_payment" add constraint "dues_payment_channel_check" check ("channel" in ('ONLINE', 'CASH', 'PROXY'));`);

    this.addSql(`alter table "dues_base" add constraint "dues_base_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "dues_base" add constraint "dues_base_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete cascade;`);
    this.addSql(`alter table "dues_base" add constraint "dues_base_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "dues_base" add constraint "dues_base_kind_check" check ("kind" in ('WAGE', 'ANNUAL_SALARY', 'SELF_EMPLOYED', 'PENSION', 'FARMER', 'FIXED_MINIMUM'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "dues_item" drop constraint "dues_item_month_id_foreign";`);
    this.addSql(`alter table "dues_payment" drop constraint "dues_payment_item_id_foreign";`);

    this.addSql(`drop table if exists "dues_month" cascade;`);
    this.addSql(`drop table if exists "dues_item" cascade;`);
    this.addSql(`drop table if exists "dues_payment" cascade;`);
    this.addSql(`drop table if exists "dues_base" cascade;`);
  }

}
