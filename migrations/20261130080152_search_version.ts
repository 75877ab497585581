import { Migration } from '@mikro-orm/migrations';

/** Which tokeniser indexed a row: rows of an older one are indexed again when the API starts ("2026年度" is now 2026 + 年度). */

export class Migration20261130080152_search_version extends Migration {

  override name = 'Migration20261130080152_search_version';

  override up(): void | Promise<void> {
    this.addSql(`alter table "content" add "search_version" smallint not null default 1;`);
    this.addSql(`create index "content_search_version_idx" on "content" ("search_version");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "content_search_version_idx";`);
    this.addSql(`alter table "content" drop column "search_version";`);
  }

}
