import { Migration } from '@mikro-orm/migrations';

export class Migration20261121234626_notice_index extends Migration {

  override name = 'Migration20261121234626_notice_index';

  override up(): void | Promise<void> {
    this.addSql(`create index "disclosure_notice_idx" on "disclosure" ("notice_ends_at", "notice_starts_at") where notice_ends_at is not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "disclosure_notice_idx";`);
  }

}
