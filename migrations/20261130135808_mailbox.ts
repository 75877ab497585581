import { Migration } from '@mikro-orm/migrations';

export class Migration20261130135808_mailbox extends Migration {

  override name = 'Migration20261130135808_mailbox';

  override up(): void | Promise<void> {
    this.addSql(`create table "mass_suggestion" ("id" serial primary key, "enterprise_id" int not null, "organization_id" int not null, "subject" varchar(100) not null, "body" varchar(2000) not null, "author_name" varchar(50) null, "contact_sealed" text null, "author_id" int null, "allow_public" boolean not null, "status" text not null default 'RECEIVED', "reply" varchar(2000) null, "reply_public" boolean not null default false, "replied_by_id" int null, "replied_at" timestamptz null, "address_hash" varchar(64) not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "mass_suggestion_enterprise_idx" on "mass_suggestion" ("enterprise_id");`);
    this.addSql(`create index "mass_suggestion_address_idx" on "mass_suggestion" ("address_hash", "created_at");`);
    this.addSql(`create index "mass_suggestion_public_idx" on "mass_suggestion" ("organization_id", "replied_at") where status = 'ANSWERED' and allow_public and reply_public;`);
    this.addSql(`create index "mass_suggestion_organization_idx" on "mass_suggestion" ("organization_id", "status", "id");`);

    this.addSql(`alter table "mass_suggestion" add constraint "mass_suggestion_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "mass_suggestion" add constraint "mass_suggestion_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "mass_suggestion" add constraint "mass_suggestion_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "mass_suggestion" add constraint "mass_suggestion_replied_by_id_foreign" foreign key ("replied_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "mass_suggestion" add constraint "mass_suggestion_status_check" check ("status" in ('RECEIVED', 'HANDLING', 'ANSWERED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "mass_suggestion" cascade;`);
  }

}
