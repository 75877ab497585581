import { Migration } from '@mikro-orm/migrations';

export class Migration20261130143220_api_key_rotation extends Migration {

  override name = 'Migration20261130143220_api_key_rotation';

  override up(): void | Promise<void> {
    this.addSql(`alter table "rate_budget" add "budget_limit" int not null default 0;`);

    this.addSql(`alter table "api_client" add "last_used_ip" varchar(64) null, add "previous_key_hash" varchar(64) null, add "previous_key_valid_until" timestamptz null, add "rotated_at" timestamptz null;`);
    this.addSql(`create index "api_client_previous_key_idx" on "api_client" ("previous_key_hash") where previous_key_hash is not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "api_client_previous_key_idx";`);
    this.addSql(`alter table "api_client" drop column "last_used_ip", drop column "previous_key_hash", drop column "previous_key_valid_until", drop column "rotated_at";`);

    this.addSql(`alter table "rate_budget" drop column "budget_limit";`);
  }

}
