import { Migration } from '@mikro-orm/migrations';

export class Migration20261130133307_dashboard_snapshots extends Migration {

  override name = 'Migration20261130133307_dashboard_snapshots';

  override up(): void | Promise<void> {
    this.addSql(`create table "dashboard_snapshot" ("id" serial primary key, "enterprise_id" int not null, "organization_id" int not null, "data" jsonb not null, "computed_at" timestamptz not null, "read_at" timestamptz not null default now());`);
    this.addSql(`create index "dashboard_snapshot_refresh_idx" on "dashboard_snapshot" ("computed_at");`);
    this.addSql(`alter table "dashboard_snapshot" add constraint "dashboard_snapshot_unique" unique ("enterprise_id", "organization_id");`);

    this.addSql(`alter table "dashboard_snapshot" add constraint "dashboard_snapshot_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete cascade;`);
    this.addSql(`alter table "dashboard_snapshot" add constraint "dashboard_snapshot_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "dashboard_snapshot" cascade;`);
  }

}
