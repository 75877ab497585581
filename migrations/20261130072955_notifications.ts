import { Migration } from '@mikro-orm/migrations';

export class Migration20261130072955_notifications extends Migration {

  override name = 'Migration20261130072955_notifications';

  override up(): void | Promise<void> {
    this.addSql(`create table "notification_gateway" ("enterprise_id" int not null, "channel" text not null, "url" varchar(500) not null, "secret" varchar(200) not null, "allow_private_network" boolean not null default false, "updated_at" timestamptz not null default now(), primary key ("enterprise_id", "channel"));`);

    this.addSql(`create table "reminder_sent" ("id" bigserial primary key, "enterprise_id" int not null, "rule" varchar(60) not null, "subject" varchar(60) not null, "due" varchar(60) not null, "sent_at" timestamptz not null default now());`);
    this.addSql(`alter table "reminder_sent" add constraint "reminder_sent_once" unique ("enterprise_id", "rule", "subject", "due");`);

    this.addSql(`create table "notification_profile" ("user_id" int not null, "quiet_from" smallint not null default 1320, "quiet_until" smallint not null default 420, "email_digest" boolean not null default false, "wecom_user_id" varchar(64) null, primary key ("user_id"));`);

    this.addSql(`create table "notification_preference" ("user_id" int not null, "kind" varchar(60) not null, "channel" text not null, "enabled" boolean not null, primary key ("user_id", "kind", "channel"));`);

    this.addSql(`create table "notification" ("id" bigserial primary key, "enterprise_id" int not null, "recipient_id" int not null, "kind" varchar(60) not null, "title" varchar(200) not null, "body" text not null, "link" varchar(500) null, "organization_id" int null, "created_at" timestamptz not null default now(), "read_at" timestamptz null);`);
    this.addSql(`create index "notification_enterprise_idx" on "notification" ("enterprise_id");`);
    this.addSql(`create index "notification_unread_idx" on "notification" ("recipient_id", "id") where "read_at" is null;`);
    this.addSql(`create index "notification_inbox_idx" on "notification" ("recipient_id", "id");`);

    this.addSql(`create table "notification_delivery" ("notification_id" bigint not null, "channel" text not null, "enterprise_id" int not null, "address" varchar(254) null, "status" text not null, "attempts" int not null default 0, "reason" varchar(500) null, "not_before" timestamptz not null default now(), "sent_at" timestamptz null, "created_at" timestamptz not null default now(), primary key ("notification_id", "channel"));`);
    this.addSql(`create index "notification_delivery_enterprise_idx" on "notification_delivery" ("enterprise_id");`);
    this.addSql(`create index "notification_delivery_status_idx" on "notification_delivery" ("status", "created_at");`);

    this.addSql(`alter table "notification_gateway" add constraint "notification_gateway_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete cascade;`);
    this.addSql(`alter table "notification_gateway" add constraint "notification_gateway_channel_check" check ("channel" in ('EMAIL', 'SMS', 'WECOM'));`);

    this.addSql(`alter table "reminder_sent" add constraint "reminder_sent_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete cascade;`);

    this.addSql(`alter table "notification_profile" add constraint "notification_profile_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "notification_preference" add constraint "notification_preference_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "notification_preference" add constraint "notification_preference_channel_check" check ("channel" in ('EMAIL', 'SMS', 'WECOM'));`);

    this.addSql(`alter table "notification" add constraint "notification_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "notification" add constraint "notification_recipient_id_foreign" foreign key ("recipient_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "notification" add constraint "notification_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete set null;`);

    this.addSql(`alter table "notification_delivery" add constraint "notification_delivery_notification_id_foreign" foreign key ("notification_id") references "notification" ("id") on delete cascade;`);
    this.addSql(`alter table "notification_delivery" add constraint "notification_delivery_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "notification_delivery" add constraint "notification_delivery_channel_check" check ("channel" in ('EMAIL', 'SMS', 'WECOM'));`);
    this.addSql(`alter table "notification_delivery" add constraint "notification_delivery_status_check" check ("status" in ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'DEAD', 'SKIPPED', 'DIGEST'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "notification_delivery" drop constraint "notification_delivery_notification_id_foreign";`);

    this.addSql(`drop table if exists "notification_gateway" cascade;`);
    this.addSql(`drop table if exists "reminder_sent" cascade;`);
    this.addSql(`drop table if exists "notification_profile" cascade;`);
    this.addSql(`drop table if exists "notification_preference" cascade;`);
    this.addSql(`drop table if exists "notification" cascade;`);
    this.addSql(`drop table if exists "notification_delivery" cascade;`);
  }

}
