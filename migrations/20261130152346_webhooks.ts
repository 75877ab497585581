import { Migration } from '@mikro-orm/migrations';

export class Migration20261130152346_webhooks extends Migration {

  override name = 'Migration20261130152346_webhooks';

  override up(): void | Promise<void> {
    this.addSql(`create table "webhook_endpoint" ("id" serial primary key, "enterprise_id" int not null, "url" varchar(500) not null, "description" varchar(200) not null default '', "event_types" text[] not null, "scope" varchar(20) not null, "secret" varchar(100) not null, "disabled_at" timestamptz null, "disabled_reason" varchar(300) null, "consecutive_failures" int not null default 0, "last_success_at" timestamptz null, "created_by_id" int null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "webhook_endpoint_enterprise_idx" on "webhook_endpoint" ("enterprise_id");`);

    this.addSql(`create table "webhook_event" ("id" bigserial primary key, "uid" uuid not null default gen_random_uuid(), "enterprise_id" int not null, "type" varchar(60) not null, "source" jsonb not null, "created_at" timestamptz not null default now(), "fanned_out_at" timestamptz null);`);
    this.addSql(`alter table "webhook_event" add constraint "webhook_event_uid_unique" unique ("uid");`);
    this.addSql(`create index "webhook_event_waiting_idx" on "webhook_event" ("enterprise_id", "id") where fanned_out_at is null;`);
    this.addSql(`create index "webhook_event_enterprise_idx" on "webhook_event" ("enterprise_id", "id");`);

    this.addSql(`create table "webhook_delivery" ("id" bigserial primary key, "enterprise_id" int not null, "endpoint_id" int not null, "event_id" bigint not null, "type" varchar(60) not null, "body" text not null, "state" text not null default 'PENDING', "attempts" int not null default 0, "redelivery_of" bigint null, "created_at" timestamptz not null default now(), "delivered_at" timestamptz null);`);
    this.addSql(`create index "webhook_delivery_enterprise_idx" on "webhook_delivery" ("enterprise_id");`);
    this.addSql(`create index "webhook_delivery_event_idx" on "webhook_delivery" ("event_id");`);
    this.addSql(`create index "webhook_delivery_pending_idx" on "webhook_delivery" ("endpoint_id", "event_id", "id") where state = 'PENDING';`);
    this.addSql(`create unique index "webhook_delivery_once" on "webhook_delivery" ("event_id", "endpoint_id") where redelivery_of is null;`);
    this.addSql(`create index "webhook_delivery_endpoint_idx" on "webhook_delivery" ("endpoint_id", "id");`);

    this.addSql(`create table "webhook_attempt" ("id" bigserial primary key, "enterprise_id" int not null, "delivery_id" bigint not null, "at" timestamptz not null default now(), "status_code" int null, "duration_ms" int not null, "excerpt" varchar(300) not null default '');`);
    this.addSql(`create index "webhook_attempt_enterprise_idx" on "webhook_attempt" ("enterprise_id");`);
    this.addSql(`create index "webhook_attempt_delivery_idx" on "webhook_attempt" ("delivery_id");`);

    this.addSql(`create table "webhook_network" ("enterprise_id" int not null, "allow_private_network" boolean not null default false, "updated_at" timestamptz not null default now(), primary key ("enterprise_id"));`);

    this.addSql(`create index "disclosure_notice_start_idx" on "disclosure" ("notice_starts_at") where notice_starts_at is not null;`);

    this.addSql(`alter table "webhook_endpoint" add constraint "webhook_endpoint_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete cascade;`);
    this.addSql(`alter table "webhook_endpoint" add constraint "webhook_endpoint_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "webhook_event" add constraint "webhook_event_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete cascade;`);

    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete cascade;`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoint" ("id") on delete cascade;`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_id_foreign" foreign key ("event_id") references "webhook_event" ("id") on delete cascade;`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_state_check" check ("state" in ('PENDING', 'DELIVERED'));`);

    this.addSql(`alter table "webhook_attempt" add constraint "webhook_attempt_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete cascade;`);
    this.addSql(`alter table "webhook_attempt" add constraint "webhook_attempt_delivery_id_foreign" foreign key ("delivery_id") references "webhook_delivery" ("id") on delete cascade;`);

    this.addSql(`alter table "webhook_network" add constraint "webhook_network_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_endpoint_id_foreign";`);
    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_event_id_foreign";`);
    this.addSql(`alter table "webhook_attempt" drop constraint "webhook_attempt_delivery_id_foreign";`);

    this.addSql(`drop table if exists "webhook_endpoint" cascade;`);
    this.addSql(`drop table if exists "webhook_event" cascade;`);
    this.addSql(`drop table if exists "webhook_delivery" cascade;`);
    this.addSql(`drop table if exists "webhook_attempt" cascade;`);
    this.addSql(`drop table if exists "webhook_network" cascade;`);

    this.addSql(`drop index "disclosure_notice_start_idx";`);
  }

}
