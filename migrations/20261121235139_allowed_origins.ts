import { Migration } from '@mikro-orm/migrations';

export class Migration20261121235139_allowed_origins extends Migration {

  override name = 'Migration20261121235139_allowed_origins';

  override up(): void | Promise<void> {
    this.addSql(`alter table "enterprise" add "allowed_origins" text[] not null default '{}';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "enterprise" drop column "allowed_origins";`);
  }

}
