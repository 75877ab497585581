import { Migration } from '@mikro-orm/migrations';

export class Migration20261121204945_identity extends Migration {

  override name = 'Migration20261121204945_identity';

  override up(): void | Promise<void> {
    this.addSql(`create table "auth_throttle" ("key" varchar(300) not null, "failures" int not null, "window_started_at" timestamptz not null, "locked_until" timestamptz null, primary key ("key"));`);

    this.addSql(`create table "audit_event" ("id" bigserial primary key, "action" varchar(60) not null, "actor_user_id" int null, "actor_api_client_id" int null, "subject_type" varchar(40) not null, "subject_id" varchar(40) not null, "organization_id" int null, "enterprise_id" int null, "details" jsonb null, "ip" varchar(64) null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "audit_event_organization_time_idx" on "audit_event" ("organization_id", "created_at");`);
    this.addSql(`create index "audit_event_enterprise_time_idx" on "audit_event" ("enterprise_id", "created_at");`);

    this.addSql(`create table "app_user" ("id" serial primary key, "display_name" varchar(100) not null, "email" varchar(254) null, "phone" varchar(20) null, "password_hash" text not null, "is_platform_admin" boolean not null default false, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);
    this.addSql(`alter table "app_user" add constraint "app_user_phone_unique" unique ("phone");`);

    this.addSql(`create table "session" ("id" bigserial primary key, "user_id" int not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "revoked_at" timestamptz null, "last_seen_at" timestamptz not null default now(), "ip" varchar(64) null, "user_agent" varchar(300) null);`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "session_user_idx" on "session" ("user_id");`);

    this.addSql(`create table "membership" ("id" serial primary key, "user_id" int not null, "organization_id" int not null, "enterprise_id" int not null, "role" text not null, "granted_by_id" int null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "membership_enterprise_idx" on "membership" ("enterprise_id");`);
    this.addSql(`create index "membership_organization_idx" on "membership" ("organization_id");`);
    this.addSql(`alter table "membership" add constraint "membership_user_org_role_unique" unique ("user_id", "organization_id", "role");`);

    this.addSql(`create table "api_client" ("id" serial primary key, "enterprise_id" int not null, "name" varchar(100) not null, "key_prefix" varchar(16) not null, "key_hash" varchar(64) not null, "scopes" text[] not null, "created_by_id" int null, "created_at" timestamptz not null default now(), "revoked_at" timestamptz null, "last_used_at" timestamptz null);`);
    this.addSql(`create index "api_client_enterprise_idx" on "api_client" ("enterprise_id");`);
    this.addSql(`alter table "api_client" add constraint "api_client_key_hash_unique" unique ("key_hash");`);

    this.addSql(`alter table "organization" add "archived_at" timestamptz null;`);

    this.addSql(`alter table "audit_event" add constraint "audit_event_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);

    this.addSql(`alter table "app_user" add constraint "app_user_email_lowercase" check (email = lower(email));`);
    this.addSql(`alter table "app_user" add constraint "app_user_has_login" check (email is not null or phone is not null);`);

    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);

    this.addSql(`alter table "membership" add constraint "membership_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_granted_by_id_foreign" foreign key ("granted_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "membership" add constraint "membership_role_check" check ("role" in ('ORG_ADMIN', 'EDITOR', 'REVIEWER', 'MEMBER'));`);

    this.addSql(`alter table "api_client" add constraint "api_client_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete cascade;`);
    this.addSql(`alter table "api_client" add constraint "api_client_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "session" drop constraint "session_user_id_foreign";`);
    this.addSql(`alter table "membership" drop constraint "membership_user_id_foreign";`);
    this.addSql(`alter table "membership" drop constraint "membership_granted_by_id_foreign";`);
    this.addSql(`alter table "api_client" drop constraint "api_client_created_by_id_foreign";`);

    this.addSql(`drop table if exists "auth_throttle" cascade;`);
    this.addSql(`drop table if exists "audit_event" cascade;`);
    this.addSql(`drop table if exists "app_user" cascade;`);
    this.addSql(`drop table if exists "session" cascade;`);
    this.addSql(`drop table if exists "membership" cascade;`);
    this.addSql(`drop table if exists "api_client" cascade;`);

    this.addSql(`alter table "organization" drop column "archived_at";`);
  }

}
