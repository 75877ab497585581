import { Migration } from '@mikro-orm/migrations';

export class Migration20261130104747_member_cards extends Migration {

  override name = 'Migration20261130104747_member_cards';

  override up(): void | Promise<void> {
    this.addSql(`create table "card_signing_key" ("id" varchar(16) not null, "public_key" text not null, "private_key_sealed" text not null, "created_at" timestamptz not null default now(), "retired_at" timestamptz null, primary key ("id"));`);

    this.addSql(`create table "member_card" ("id" serial primary key, "enterprise_id" int not null, "member_id" int not null, "issued_on" date not null, "expires_on" date not null, "key_id" varchar(16) not null, "revoked_at" timestamptz null, "revoke_reason" varchar(100) null);`);
    this.addSql(`create index "member_card_enterprise_idx" on "member_card" ("enterprise_id");`);
    this.addSql(`create unique index "member_card_one_current" on "member_card" ("enterprise_id", "member_id") where "revoked_at" is null;`);
    this.addSql(`create index "member_card_member_idx" on "member_card" ("member_id", "id");`);

    this.addSql(`alter table "member_card" add constraint "member_card_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "member_card" add constraint "member_card_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete cascade;`);
    this.addSql(`alter table "member_card" add constraint "member_card_key_id_foreign" foreign key ("key_id") references "card_signing_key" ("id") on delete restrict;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "member_card" drop constraint "member_card_key_id_foreign";`);

    this.addSql(`drop table if exists "card_signing_key" cascade;`);
    this.addSql(`drop table if exists "member_card" cascade;`);
  }

}
