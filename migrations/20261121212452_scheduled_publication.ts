import { Migration } from '@mikro-orm/migrations';

export class Migration20261121212452_scheduled_publication extends Migration {

  override name = 'Migration20261121212452_scheduled_publication';

  override up(): void | Promise<void> {
    this.addSql(`alter table "content" add "publish_notified_at" timestamptz null;`);
    this.addSql(`create index "content_publish_due_idx" on "content" ("published_at") where status = 'PUBLISHED' and publish_notified_at is null;`);
    // What was published before this migration is not news to anyone: do not announce it again.
    this.addSql(`update "content" set "publish_notified_at" = "published_at" where "status" = 'PUBLISHED' and "published_at" <= now();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "content_publish_due_idx";`);
    this.addSql(`alter table "content" drop column "publish_notified_at";`);
  }

}
