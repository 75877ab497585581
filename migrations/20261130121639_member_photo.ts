import { Migration } from '@mikro-orm/migrations';

export class Migration20261130121639_member_photo extends Migration {

  override name = 'Migration20261130121639_member_photo';

  override up(): void | Promise<void> {
    this.addSql(`alter table "member" add "photo_id" bigint null;`);
    this.addSql(`alter table "member" add constraint "member_photo_id_foreign" foreign key ("photo_id") references "media_file" ("id") on delete set null;`);
    this.addSql(`create index "member_photo_idx" on "member" ("photo_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "member" drop constraint "member_photo_id_foreign";`);

    this.addSql(`drop index "member_photo_idx";`);
    this.addSql(`alter table "member" drop column "photo_id";`);
  }

}
