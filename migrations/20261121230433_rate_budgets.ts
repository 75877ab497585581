import { Migration } from '@mikro-orm/migrations';

export class Migration20261121230433_rate_budgets extends Migration {

  override name = 'Migration20261121230433_rate_budgets';

  override up(): void | Promise<void> {
    this.addSql(`create table "rate_budget" ("key" varchar(100) not null, "window_start" timestamptz not null, "used" int not null, primary key ("key"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "rate_budget" cascade;`);
  }

}
