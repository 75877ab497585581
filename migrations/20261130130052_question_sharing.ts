import { Migration } from '@mikro-orm/migrations';

export class Migration20261130130052_question_sharing extends Migration {

  override name = 'Migration20261130130052_question_sharing';

  override up(): void | Promise<void> {
    this.addSql(`alter table "question" add "shared_with_partners" boolean not null default false;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "question" drop column "shared_with_partners";`);
  }

}
