import { Migration } from '@mikro-orm/migrations';

export class Migration20261121214252_disclosure_reads extends Migration {

  override name = 'Migration20261121214252_disclosure_reads';

  override up(): void | Promise<void> {
    this.addSql(`create table "disclosure_read" ("content_id" bigint not null, "user_id" int not null, "read_at" timestamptz not null default now(), primary key ("content_id", "user_id"));`);
    this.addSql(`create index "disclosure_read_user_idx" on "disclosure_read" ("user_id");`);

    this.addSql(`alter table "disclosure_read" add constraint "disclosure_read_content_id_foreign" foreign key ("content_id") references "content" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "disclosure_read" add constraint "disclosure_read_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "disclosure_read" cascade;`);
  }

}
