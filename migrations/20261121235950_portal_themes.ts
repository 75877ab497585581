import { Migration } from '@mikro-orm/migrations';

export class Migration20261121235950_portal_themes extends Migration {

  override name = 'Migration20261121235950_portal_themes';

  override up(): void | Promise<void> {
    this.addSql(`alter table "portal" add "theme" jsonb not null default '{}', add "theme_draft" jsonb null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "portal" drop column "theme", drop column "theme_draft";`);
  }

}
