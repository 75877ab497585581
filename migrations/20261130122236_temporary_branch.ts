import { Migration } from '@mikro-orm/migrations';

export class Migration20261130122236_temporary_branch extends Migration {

  override name = 'Migration20261130122236_temporary_branch';

  override up(): void | Promise<void> {
    this.addSql(`alter table "organization" add "temporary" boolean not null default false;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "organization" drop column "temporary";`);
  }

}
